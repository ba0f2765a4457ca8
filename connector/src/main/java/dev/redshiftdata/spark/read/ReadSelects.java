package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.read.ReadStatementSize.Form;
import dev.redshiftdata.spark.sql.AggregateCompiler.CompiledAggregation;
import dev.redshiftdata.spark.sql.SelectBuilder;
import dev.redshiftdata.spark.sql.SqlLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The select lists a read of one source can send ({@link Form}: the SELECT and how its columns
 * travel through UNLOAD), for sizing them against the Data API's statement limit and for building
 * the scan.
 */
final class ReadSelects {
  private final RedshiftTable.ReadSource source;

  /** The source's columns as Redshift names and types them. */
  private final StructType redshiftSchema;

  /** The zone of TIMESTAMP wall clocks read as {@code TimestampType}; null when UTC. */
  private final String wallClockZone;

  ReadSelects(RedshiftTable.ReadSource source, StructType redshiftSchema, String wallClockZone) {
    this.source = source;
    this.redshiftSchema = redshiftSchema;
    this.wallClockZone = wallClockZone;
  }

  /** {@code SELECT <group columns>, <aggregates> ... GROUP BY ...}. */
  static Form aggregate(SelectBuilder base, CompiledAggregation a) {
    SelectBuilder select = base.withSelectItems(a.selectItems()).withGroupBy(a.groupBy());
    return new Form(select, UnloadColumns.plan(a.schema(), List.of(a.schema().fieldNames())));
  }

  /** {@code SELECT "c1", "c2", ...}: the columns by name. */
  Form listed(SelectBuilder base, StructType read) {
    List<String> names = sourceNames(read);
    return new Form(base.withColumns(names), UnloadColumns.plan(typed(read), names, wallClockZone));
  }

  /**
   * {@code SELECT *} of a table, whose result columns the readers take by name (the direct path's
   * decoder, the Parquet reader on the unload path); empty for a query, whose result columns may
   * repeat a name, or when the unload path may run and cannot unload {@code *} (see {@link
   * UnloadColumns#planStar}).
   */
  Optional<Form> star(SelectBuilder base, StructType read, ReadStatementSize sizes) {
    if (source.table() == null || read.fields().length == 0) {
      return Optional.empty();
    }
    List<String> names = sourceNames(read);
    Optional<UnloadColumns> columns =
        UnloadColumns.planStar(typed(read), names, redshiftSchema, wallClockZone);
    if (columns.isEmpty() && sizes.unload()) {
      return Optional.empty();
    }
    return Optional.of(
        new Form(
            base, columns.orElseGet(() -> UnloadColumns.plan(typed(read), names, wallClockZone))));
  }

  /** The smaller of {@link #listed} and {@link #star} as {@code sizes} count bytes. */
  Form smallest(SelectBuilder base, StructType read, ReadStatementSize sizes) {
    Form listed = listed(base, read);
    Optional<Form> star = star(base, read, sizes);
    return star.isPresent() && sizes.bytes(star.get()) < sizes.bytes(listed) ? star.get() : listed;
  }

  /** Each read column's name in Redshift. */
  private List<String> sourceNames(StructType read) {
    List<String> columns = new ArrayList<>();
    for (StructField f : read.fields()) {
      StructField real = RedshiftTable.find(redshiftSchema, f.name());
      columns.add(real != null ? real.name() : f.name());
    }
    return columns;
  }

  /**
   * The read columns with Redshift's type of each: the unload path needs it, even under a user
   * schema.
   */
  private StructType typed(StructType read) {
    StructType typed = new StructType();
    for (StructField f : read.fields()) {
      StructField real = RedshiftTable.find(redshiftSchema, f.name());
      typed =
          typed.add(
              new StructField(
                  f.name(),
                  f.dataType(),
                  f.nullable(),
                  real != null ? real.metadata() : f.metadata()));
    }
    return typed;
  }

  /** The statement cannot be sent: says how large it is and what to change. */
  IllegalArgumentException tooLarge(Form form, ReadStatementSize sizes) {
    String hint =
        source.table() == null
            ? "Shorten 'query' or select fewer columns in it"
            : "Read fewer columns"
                + (sizes.unload()
                    ? ", or set 'readMode' to 'direct' (the unload path cannot unload every column"
                        + " of this table as is)"
                    : "");
    return new IllegalArgumentException(
        "Cannot read "
            + source.describe()
            + ": its statement would be "
            + String.format(Locale.ROOT, "%,d", sizes.bytes(form))
            + " bytes (UTF-8"
            + (sizes.unload() ? ", as UNLOAD quotes it" : "")
            + "), over the Data API's limit of "
            + String.format(Locale.ROOT, "%,d", SqlLimits.MAX_SQL_BYTES)
            + " bytes per statement. "
            + hint
            + ".");
  }
}
