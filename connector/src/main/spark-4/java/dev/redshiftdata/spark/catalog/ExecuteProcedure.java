package dev.redshiftdata.spark.catalog;

import dev.redshiftdata.spark.RedshiftData;
import dev.redshiftdata.spark.StatementResult;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.catalog.procedures.BoundProcedure;
import org.apache.spark.sql.connector.catalog.procedures.ProcedureParameter;
import org.apache.spark.sql.connector.catalog.procedures.UnboundProcedure;
import org.apache.spark.sql.connector.read.LocalScan;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * {@code CALL <catalog>.system.execute('<sql>')}: runs one Redshift statement with the catalog's
 * connection (as {@link RedshiftData#execute}), from SQL alone, so from PySpark without the JVM
 * gateway and under Spark Connect. Returns one row: the statement id and the rows it affected (Data
 * API {@code ResultRows}; -1 when Redshift reports none). Spark 4.0 and later.
 */
final class ExecuteProcedure implements UnboundProcedure, BoundProcedure {

  static final String NAME = "execute";

  private static final StructType RESULT =
      new StructType()
          .add("statement_id", DataTypes.StringType, false)
          .add("rows_affected", DataTypes.LongType, false);

  private final Supplier<Map<String, String>> options;

  ExecuteProcedure(Supplier<Map<String, String>> options) {
    this.options = options;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Runs one Redshift statement (DDL, DML, GRANT, CREATE MODEL, ...) and waits for it";
  }

  @Override
  public BoundProcedure bind(StructType inputType) {
    if (inputType.fields().length != 1
        || !(inputType.fields()[0].dataType() instanceof StringType)) {
      throw new IllegalArgumentException(
          "Procedure system.execute takes one argument, the SQL statement as a string (e.g. CALL"
              + " rs.system.execute('CREATE SCHEMA sales')); got "
              + inputType.simpleString());
    }
    return this;
  }

  @Override
  public ProcedureParameter[] parameters() {
    return new ProcedureParameter[] {ProcedureParameter.in("sql", DataTypes.StringType).build()};
  }

  @Override
  public boolean isDeterministic() {
    return false;
  }

  @Override
  public Iterator<Scan> call(InternalRow input) {
    if (input.isNullAt(0)) {
      throw new IllegalArgumentException("Procedure system.execute: the SQL statement is NULL");
    }
    String sql = input.getUTF8String(0).toString();
    StatementResult r = RedshiftData.execute(SparkSession.active(), options.get(), sql);
    InternalRow row =
        new GenericInternalRow(new Object[] {UTF8String.fromString(r.statementId()), r.rows()});
    Scan result =
        new LocalScan() {
          @Override
          public InternalRow[] rows() {
            return new InternalRow[] {row};
          }

          @Override
          public StructType readSchema() {
            return RESULT;
          }
        };
    return List.of(result).iterator();
  }
}
