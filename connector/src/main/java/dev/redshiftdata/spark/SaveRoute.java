package dev.redshiftdata.spark;

import java.util.EnumSet;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.types.StructType;

/**
 * What {@code df.write.save()} resolves {@code format("redshift-data")} to: a table without {@code
 * BATCH_WRITE}, so that Spark hands the write, with its save mode, to {@link
 * RedshiftDataSource#createRelation} (see {@link dev.redshiftdata.spark.write.SaveModes}). Spark
 * only asks it for its capabilities.
 */
final class SaveRoute implements Table {

  private final String name;
  private final StructType schema;

  SaveRoute(String name, StructType schema) {
    this.name = name;
    this.schema = schema;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public Set<TableCapability> capabilities() {
    return EnumSet.noneOf(TableCapability.class);
  }
}
