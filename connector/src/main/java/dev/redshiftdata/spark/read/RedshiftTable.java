package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.DataApi;
import dev.redshiftdata.spark.dataapi.RedshiftDataException;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import dev.redshiftdata.spark.sql.Identifiers;
import dev.redshiftdata.spark.sql.SelectBuilder;
import dev.redshiftdata.spark.sql.TableName;
import dev.redshiftdata.spark.types.MappingOptions;
import dev.redshiftdata.spark.types.TypeMapping;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.SupportsWrite;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import software.amazon.awssdk.services.redshiftdata.model.ColumnMetadata;

/**
 * A Redshift table or query as Spark sees it: its schema (from DescribeTable, or from the result
 * metadata of a {@code LIMIT 0} probe), batch reads and, for a table, batch writes (see {@code
 * dev.redshiftdata.spark.write}).
 */
public final class RedshiftTable implements SupportsRead, SupportsWrite {

  private final RedshiftOptions options;
  private final ReadSource source;
  private final StructType schema;
  private final StructType redshiftSchema;

  /** Why this table cannot be read (it was opened for a write only), or null. */
  private final RuntimeException readFailure;

  private RedshiftTable(
      RedshiftOptions options, ReadSource source, StructType schema, StructType redshiftSchema) {
    this(options, source, schema, redshiftSchema, null);
  }

  private RedshiftTable(
      RedshiftOptions options,
      ReadSource source,
      StructType schema,
      StructType redshiftSchema,
      RuntimeException readFailure) {
    this.options = options;
    this.source = source;
    this.schema = schema;
    this.redshiftSchema = redshiftSchema;
    this.readFailure = readFailure;
  }

  /**
   * A table Spark was given a schema for that Redshift's does not match, or that does not exist:
   * {@code df.write} passes the DataFrame's schema (the provider accepts external metadata), and
   * the write matches columns itself. Reading it fails with {@code readFailure}, the error {@link
   * #open} gave.
   */
  public static RedshiftTable forWrite(
      RedshiftOptions options, ReadSource source, StructType schema, RuntimeException readFailure) {
    if (source.table() == null) {
      throw readFailure;
    }
    return new RedshiftTable(options, source, schema, schema, readFailure);
  }

  /**
   * What these options read or write: the query, or the table, a one-part name qualified with the
   * schema Redshift resolves it to on its search_path (one statement, see {@link SearchPath}).
   */
  public static ReadSource locate(RedshiftOptions options) {
    ReadSource source = ReadSource.of(options);
    if (source.table() == null || source.table().schema() != null) {
      return source;
    }
    SearchPath.Resolution r = SearchPath.resolve(options.dataApi(), source.table());
    return new ReadSource(r.table(), null, r.found() ? null : r);
  }

  /**
   * The table of these options; {@code userSchema} (may be null) is checked against Redshift's and
   * then used as the table's schema.
   */
  public static RedshiftTable open(RedshiftOptions options, StructType userSchema) {
    return open(options, locate(options), userSchema);
  }

  /** {@link #open(RedshiftOptions, StructType)} of a source {@link #locate} returned. */
  public static RedshiftTable open(
      RedshiftOptions options, ReadSource source, StructType userSchema) {
    StructType actual = redshiftSchema(options, source);
    if (userSchema == null) {
      return new RedshiftTable(options, source, actual, actual);
    }
    checkUserSchema(userSchema, actual, source);
    return new RedshiftTable(options, source, userSchema, actual);
  }

  /**
   * The table of these options, whose schema is known (a catalog table's, described when it was
   * loaded, read again with a query's own options).
   */
  public static RedshiftTable ofInferred(RedshiftOptions options, StructType inferred) {
    return new RedshiftTable(options, locate(options), inferred, inferred);
  }

  static MappingOptions mappingOptions(RedshiftOptions options) {
    return MappingOptions.forSession(
        options.read().superAsVariant(), options.read().timestampAsLtz());
  }

  private static StructType redshiftSchema(RedshiftOptions options, ReadSource source) {
    DataApi api = options.dataApi();
    MappingOptions mapping = mappingOptions(options);
    if (source.notOnSearchPath() != null) {
      throw SearchPath.notFound(api, source.notOnSearchPath());
    }
    if (source.table() != null) {
      TableName t = source.table();
      List<ColumnMetadata> columns;
      try {
        columns = api.describeTable(t.schemaName().orElse(null), t.table());
      } catch (RedshiftDataException e) {
        throw new IllegalArgumentException(
            "Cannot read the schema of table " + t.quoted() + ": " + e.getMessage(), e);
      }
      if (!columns.isEmpty()) {
        return TypeMapping.schemaOfMetadata(columns, mapping);
      }
      // Unknown to DescribeTable (a late-binding view, or missing): ask Redshift itself.
    }
    String probe = source.probeSql();
    try {
      return TypeMapping.schemaOfMetadata(
          api.query(StatementRequest.sql(probe)).columns(), mapping);
    } catch (RedshiftDataException e) {
      throw new IllegalArgumentException(
          "Cannot read the schema of " + source.describe() + ": " + e.getMessage(), e);
    }
  }

  /** Fails naming the first user column that Redshift does not have, or has with another type. */
  static void checkUserSchema(StructType user, StructType actual, ReadSource source) {
    for (StructField f : user.fields()) {
      StructField real = find(actual, f.name());
      if (real == null) {
        throw new IllegalArgumentException(
            "Cannot use the user-specified schema: column '"
                + f.name()
                + "' is not in "
                + source.describe()
                + ", whose columns are "
                + Arrays.stream(actual.fieldNames()).collect(Collectors.joining(", "))
                + ". Remove it from the schema or drop .schema(...) to infer it.");
      }
      if (!real.dataType().equals(f.dataType())) {
        throw new IllegalArgumentException(
            "Cannot use the user-specified schema: column '"
                + f.name()
                + "' is "
                + f.dataType().simpleString()
                + " in the schema but "
                + real.dataType().simpleString()
                + " (Redshift "
                + (real.metadata().contains(TypeMapping.METADATA_TYPE)
                    ? real.metadata().getString(TypeMapping.METADATA_TYPE)
                    : "?")
                + ") in "
                + source.describe()
                + ".");
      }
    }
  }

  /** The field named {@code name}: exact match first, then a unique case-insensitive one. */
  static StructField find(StructType schema, String name) {
    StructField match = null;
    int matches = 0;
    for (StructField f : schema.fields()) {
      if (f.name().equals(name)) {
        return f;
      }
      if (f.name().equalsIgnoreCase(name)) {
        match = f;
        matches++;
      }
    }
    return matches == 1 ? match : null;
  }

  @Override
  public String name() {
    return source.describe();
  }

  @Override
  public StructType schema() {
    return schema;
  }

  /**
   * Reads; for a table also batch writes, overwrite (TRUNCATE, OVERWRITE_BY_FILTER: both a
   * transactional DELETE) and any schema: the write matches the DataFrame's columns to the table's
   * by name itself, with errors that name the column and both types.
   */
  @Override
  public Set<TableCapability> capabilities() {
    if (source.table() == null) {
      return EnumSet.of(TableCapability.BATCH_READ);
    }
    return EnumSet.of(
        TableCapability.BATCH_READ,
        TableCapability.BATCH_WRITE,
        TableCapability.TRUNCATE,
        TableCapability.OVERWRITE_BY_FILTER,
        TableCapability.ACCEPT_ANY_SCHEMA);
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap ignored) {
    if (readFailure != null) {
      throw readFailure;
    }
    return new RedshiftScanBuilder(options, source, schema, redshiftSchema);
  }

  @Override
  public WriteBuilder newWriteBuilder(LogicalWriteInfo info) {
    if (source.table() == null) {
      options.requireTable("write");
    }
    return new dev.redshiftdata.spark.write.RedshiftWriteBuilder(
        options, source.table(), info, redshiftSchema);
  }

  /**
   * What a read selects from: a table or the user's query.
   *
   * @param notOnSearchPath for a one-part table name that no schema of the search_path has, the
   *     lookup that found so (the name stays one-part: a write creates it where Redshift puts an
   *     unqualified CREATE TABLE); else null
   */
  public record ReadSource(TableName table, String query, SearchPath.Resolution notOnSearchPath) {
    ReadSource(TableName table, String query) {
      this(table, query, null);
    }

    static ReadSource of(RedshiftOptions options) {
      options.requireTableOrQuery();
      if (options.query().isPresent()) {
        return new ReadSource(null, options.query().get());
      }
      TableName table =
          Identifiers.parseTableName(
              options.dbtable().get(), options.connection().caseSensitiveIdentifiers());
      String connected = options.connection().target().database();
      if (table.database() != null && !table.database().equals(connected)) {
        throw new IllegalArgumentException(
            "Invalid option 'dbtable': "
                + table.quoted()
                + " is in database '"
                + table.database()
                + "' but the connection is to database '"
                + connected
                + "', and the Data API reads the connected database. Set 'database' to '"
                + table.database()
                + "' or name the table with 2 parts.");
      }
      // The same table, named as every statement of the connection resolves it.
      return new ReadSource(
          table.database() == null ? table : TableName.of(table.schema(), table.table()), null);
    }

    SelectBuilder select() {
      return table != null ? SelectBuilder.fromTable(table) : SelectBuilder.fromQuery(query);
    }

    String probeSql() {
      return table != null ? SelectBuilder.schemaProbe(table) : SelectBuilder.schemaProbe(query);
    }

    String describe() {
      return table != null ? "table " + table.quoted() : "query";
    }
  }
}
