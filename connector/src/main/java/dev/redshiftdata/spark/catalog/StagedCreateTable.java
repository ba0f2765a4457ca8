package dev.redshiftdata.spark.catalog;

import dev.redshiftdata.spark.RedshiftDataSource;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import dev.redshiftdata.spark.sql.ColumnMatcher;
import dev.redshiftdata.spark.sql.TableName;
import dev.redshiftdata.spark.write.CommitPlanner;
import dev.redshiftdata.spark.write.DeferredCreateWrite;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.StagedTable;
import org.apache.spark.sql.connector.catalog.SupportsWrite;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.SupportsTruncate;
import org.apache.spark.sql.connector.write.Write;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.types.StructType;

/**
 * The table of an atomic CREATE/REPLACE TABLE ... AS SELECT: Spark writes the query into it, then
 * calls {@link #commitStagedChanges()}, which runs ONE transaction: {@code replaceStatements} (the
 * old table's {@code DROP}), {@code CREATE TABLE}, comments and the COPY of the staged files. So
 * the new table is visible only fully loaded, and a failure leaves no new table (and the old one,
 * for a replace) and no staging files.
 */
final class StagedCreateTable implements StagedTable, SupportsWrite {

  private final Map<String, String> tableOptions;
  private final Map<String, String> sessionConf;
  private final TableName table;
  private final StructType schema;
  private final List<String> replaceStatements;
  private DeferredCreateWrite write;

  /**
   * @param tableOptions the catalog's options with the table properties over them
   * @param replaceStatements statements run first in the transaction ({@code DROP TABLE ...})
   */
  StagedCreateTable(
      Map<String, String> tableOptions,
      Map<String, String> sessionConf,
      TableName table,
      StructType schema,
      List<String> replaceStatements) {
    this.tableOptions = tableOptions;
    this.sessionConf = sessionConf;
    this.table = table;
    this.schema = schema;
    this.replaceStatements = List.copyOf(replaceStatements);
  }

  @Override
  public String name() {
    return table.quoted();
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public Map<String, String> properties() {
    return Map.of("provider", RedshiftDataSource.SHORT_NAME);
  }

  @Override
  public Set<TableCapability> capabilities() {
    return EnumSet.of(TableCapability.BATCH_WRITE, TableCapability.TRUNCATE);
  }

  @Override
  public WriteBuilder newWriteBuilder(LogicalWriteInfo info) {
    RedshiftOptions options =
        CatalogTable.options(tableOptions, sessionConf, info.options().asCaseSensitiveMap(), table);
    options.checkOptionNames(info.options().keySet(), true);
    ColumnMatcher.requireNamedColumns(info.schema(), table.quoted());
    Write write =
        new Write() {
          @Override
          public String description() {
            return "RedshiftCreateTableAsSelect(" + table.quoted() + ")";
          }

          @Override
          public BatchWrite toBatch() {
            StagedCreateTable.this.write =
                DeferredCreateWrite.prepare(options, table, schema, replaceStatements);
            return StagedCreateTable.this.write;
          }
        };
    // A replace writes with "truncate": the new table starts empty anyway.
    return new SupportsTruncate() {
      @Override
      public WriteBuilder truncate() {
        return this;
      }

      @Override
      public Write build() {
        return write;
      }
    };
  }

  @Override
  public void commitStagedChanges() {
    if (write != null) {
      write.commitStaged();
      return;
    }
    // Nothing was written (Spark always writes for CTAS; kept for completeness): create only.
    RedshiftOptions options = CatalogTable.options(tableOptions, sessionConf, Map.of(), table);
    List<String> sqls = new ArrayList<>(replaceStatements);
    sqls.addAll(CommitPlanner.createStatements(options, table, schema));
    options.dataApi().execute(StatementRequest.batch(sqls));
  }

  @Override
  public void abortStagedChanges() {
    if (write != null) {
      write.abortStaged();
    }
  }
}
