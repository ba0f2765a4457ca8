package dev.redshiftdata.spark.read;

import java.util.List;

/** A batch that runs Redshift statements on the driver, and tells which, for {@code explain()}. */
interface RanStatements {

  /** The ids of the statements run so far (empty before the batch is planned). */
  List<String> statementIds();
}
