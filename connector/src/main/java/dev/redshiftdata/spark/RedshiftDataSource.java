package dev.redshiftdata.spark;

import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** Entry point Spark loads for {@code format("redshift-data")}. */
public final class RedshiftDataSource implements TableProvider, DataSourceRegister {

  public static final String SHORT_NAME = "redshift-data";

  @Override
  public String shortName() {
    return SHORT_NAME;
  }

  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    throw new UnsupportedOperationException("Cannot read yet: the read path is not implemented");
  }

  @Override
  public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
    throw new UnsupportedOperationException("Cannot read yet: the read path is not implemented");
  }
}
