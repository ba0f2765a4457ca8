package dev.redshiftdata.local.bulk;

import dev.redshiftdata.local.bulk.CopySources.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.PSQLException;

/**
 * Runs a COPY on the local Redshift: reads the files from the local S3 server and streams the rows
 * into PostgreSQL with its own COPY protocol, on the statement's connection (so a COPY inside a
 * batch stays atomic). Values are checked the way Redshift checks them (lengths in bytes) and
 * failures leave rows in {@code stl_load_errors}.
 */
public final class CopyExecutor {

  private static final Pattern COPY_CONTEXT =
      Pattern.compile("line (\\d+)(?:, column ([^:]+))?(?:: \"(.*)\")?");

  private final S3Objects s3;

  public CopyExecutor(S3Objects s3) {
    this.s3 = s3;
  }

  public CopyResult execute(Connection connection, CopyCommand command, LoadContext context)
      throws SQLException {
    TargetTable table =
        TargetTable.resolve(
            connection, command.table(), command.columns(), context.caseSensitive());
    try (FileSystem fs = s3.fileSystem(command.bucket())) {
      List<Source> sources = CopySources.resolve(fs, command);
      CopyResult result =
          switch (command.format()) {
            case PARQUET -> loadParquet(connection, fs, command, table, sources, context);
            case CSV, TEXT, JSON ->
                new DelimitedLoader(connection, fs, command, table, sources, context).load();
          };
      try (Statement st = connection.createStatement()) {
        st.execute(
            "SELECT set_config('localredshift.last_copy_count', '"
                + result.rowsLoaded()
                + "', false)");
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private CopyResult loadParquet(
      Connection connection,
      FileSystem fs,
      CopyCommand command,
      TargetTable table,
      List<Source> sources,
      LoadContext context)
      throws SQLException, IOException {
    List<TargetTable.Column> columns = table.columns();
    PgCopyStream out = PgCopyStream.open(connection, table);
    List<long[]> lineRanges =
        new ArrayList<>(); // [first line, last line] per source, for error reports
    long line = 0;
    try {
      for (Source source : sources) {
        long first = line + 1;
        HadoopInputFile input =
            HadoopInputFile.fromPath(S3Objects.path(source.url()), fs.getConf());
        MessageType fileSchema;
        try (ParquetFileReader reader = ParquetFileReader.open(input)) {
          fileSchema = reader.getFooter().getFileMetaData().getSchema();
        }
        if (fileSchema.getFieldCount() != columns.size()) {
          LoadError error =
              new LoadError(
                  source.url(),
                  0,
                  "",
                  "",
                  0,
                  0,
                  "",
                  "",
                  LoadError.MISSING_COLUMNS,
                  "Unmatched number of columns between table and file. Table columns: "
                      + columns.size()
                      + ", Data columns: "
                      + fileSchema.getFieldCount());
          context.errorSink().record(context, table.qualifiedName(), table.oid(), List.of(error));
          throw new RedshiftSqlError(
              "Spectrum Scan Error. File '"
                  + source.url()
                  + "' has an incompatible Parquet schema: "
                  + error.reason());
        }
        try (ParquetReader<Group> reader =
            ParquetReader.builder(new GroupReadSupport(), S3Objects.path(source.url()))
                .withConf(fs.getConf())
                .build()) {
          Group record;
          String[] fields = new String[columns.size()];
          while ((record = reader.read()) != null) {
            line++;
            for (int i = 0; i < fields.length; i++) {
              TargetTable.Column target = columns.get(i);
              String v = ParquetValues.text(record, i, target, command.serializeToJson());
              fields[i] =
                  checkLength(
                      v, target, command.truncateColumns(), source.url(), line, context, table);
            }
            out.writeRow(fields);
          }
        }
        lineRanges.add(new long[] {first, line});
      }
      List<CopyResult.FileLoad> files = new ArrayList<>();
      for (int i = 0; i < sources.size(); i++) {
        long[] range = lineRanges.get(i);
        files.add(
            new CopyResult.FileLoad(
                sources.get(i).url(), sources.get(i).contentLength(), range[1] - range[0] + 1, 0));
      }
      return new CopyResult(out.finish(), 0, files);
    } catch (SQLException e) {
      out.abandon();
      throw loadFailed(e, table, sources, lineRanges, context);
    } catch (RuntimeException | IOException e) {
      out.abandon();
      throw e;
    }
  }

  /**
   * Redshift counts CHAR/VARCHAR lengths in bytes; TRUNCATECOLUMNS cuts at the last whole
   * character. CHAR refuses a multibyte character (TRUNCATECOLUMNS or not).
   */
  String checkLength(
      String v,
      TargetTable.Column target,
      boolean truncate,
      String url,
      long line,
      LoadContext context,
      TargetTable table) {
    String multibyte = target.multibyteCharReason(v);
    if (multibyte != null) {
      // err_code 1220 (unsupported UTF-8 codepoint) is our reading of Redshift; unconfirmed.
      throw valueError(v, target, url, line, LoadError.INVALID_UTF8, multibyte, context, table);
    }
    if (!target.tooLong(v)) {
      return v;
    }
    if (truncate) {
      return target.truncateToFit(v);
    }
    throw valueError(
        v,
        target,
        url,
        line,
        LoadError.TOO_LONG,
        "String length exceeds DDL length",
        context,
        table);
  }

  /**
   * Records the load error of value {@code v} in {@code target} in STL_LOAD_ERRORS and returns the
   * load's failure to throw.
   */
  private static RedshiftSqlError valueError(
      String v,
      TargetTable.Column target,
      String url,
      long line,
      int code,
      String reason,
      LoadContext context,
      TargetTable table) {
    LoadError error =
        new LoadError(
            url, line, target.name(), target.typeName(), target.maxBytes(), 0, v, v, code, reason);
    context.errorSink().record(context, table.qualifiedName(), table.oid(), List.of(error));
    return loadFailedMessage(table);
  }

  static RedshiftSqlError loadFailed(
      SQLException e,
      TargetTable table,
      List<Source> sources,
      List<long[]> lineRanges,
      LoadContext context) {
    String where =
        e instanceof PSQLException p && p.getServerErrorMessage() != null
            ? p.getServerErrorMessage().getWhere()
            : null;
    long line = 0;
    String column = "";
    String raw = "";
    if (where != null) {
      Matcher m = COPY_CONTEXT.matcher(where);
      if (m.find()) {
        line = Long.parseLong(m.group(1));
        column = m.group(2) == null ? "" : m.group(2);
        raw = m.group(3) == null ? "" : m.group(3);
      }
    }
    String file = sources.isEmpty() ? "" : sources.get(0).url();
    long fileLine = line;
    for (int i = 0; i < lineRanges.size(); i++) {
      if (line >= lineRanges.get(i)[0] && line <= lineRanges.get(i)[1]) {
        file = sources.get(i).url();
        fileLine = line - lineRanges.get(i)[0] + 1;
      }
    }
    String reason = e.getMessage().replaceFirst("^ERROR: ", "").split("\n")[0];
    int code =
        reason.contains("invalid input syntax")
            ? LoadError.INVALID_DIGIT
            : reason.contains("null value")
                ? LoadError.NULL_IN_NOT_NULL
                : reason.contains("date/time") || reason.contains("timestamp")
                    ? LoadError.BAD_DATE_OR_TIME
                    : LoadError.OTHER;
    String columnName = column;
    String type =
        table.columns().stream()
            .filter(c -> c.name().equals(columnName))
            .map(TargetTable.Column::typeName)
            .findFirst()
            .orElse("");
    context
        .errorSink()
        .record(
            context,
            table.qualifiedName(),
            table.oid(),
            List.of(new LoadError(file, fileLine, column, type, 0, 0, raw, raw, code, reason)));
    return loadFailedMessage(table);
  }

  static RedshiftSqlError loadFailedMessage(TargetTable table) {
    String name =
        table.qualifiedName().contains(".")
            ? table.qualifiedName().substring(table.qualifiedName().indexOf('.') + 1)
            : table.qualifiedName();
    return new RedshiftSqlError(
        "Load into table '"
            + name.replace("\"", "")
            + "' failed. Check 'stl_load_errors' system table for details.");
  }

  /** Rows in PostgreSQL's COPY text format, streamed in 64 KB chunks. */
  static final class PgCopyStream {
    private final CopyIn copyIn;
    private final StringBuilder buffer = new StringBuilder(1 << 16);

    private PgCopyStream(CopyIn copyIn) {
      this.copyIn = copyIn;
    }

    static PgCopyStream open(Connection connection, TargetTable table) throws SQLException {
      StringBuilder sql = new StringBuilder("COPY ").append(table.qualifiedName()).append(" (");
      for (int i = 0; i < table.columns().size(); i++) {
        if (i > 0) {
          sql.append(", ");
        }
        sql.append('"').append(table.columns().get(i).name().replace("\"", "\"\"")).append('"');
      }
      sql.append(") FROM STDIN");
      return new PgCopyStream(
          connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql.toString()));
    }

    void writeRow(String[] fields) throws SQLException {
      for (int i = 0; i < fields.length; i++) {
        if (i > 0) {
          buffer.append('\t');
        }
        String v = fields[i];
        if (v == null) {
          buffer.append("\\N");
        } else {
          escape(v);
        }
      }
      buffer.append('\n');
      if (buffer.length() >= (1 << 16)) {
        flush();
      }
    }

    private void escape(String v) {
      for (int i = 0; i < v.length(); i++) {
        char c = v.charAt(i);
        switch (c) {
          case '\\' -> buffer.append("\\\\");
          case '\n' -> buffer.append("\\n");
          case '\r' -> buffer.append("\\r");
          case '\t' -> buffer.append("\\t");
          default -> buffer.append(c);
        }
      }
    }

    private void flush() throws SQLException {
      byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
      copyIn.writeToCopy(bytes, 0, bytes.length);
      buffer.setLength(0);
    }

    long finish() throws SQLException {
      flush();
      return copyIn.endCopy();
    }

    void abandon() {
      try {
        if (copyIn.isActive()) {
          copyIn.cancelCopy();
        }
      } catch (SQLException ignored) {
        // the statement fails anyway; its transaction rolls back
      }
    }
  }
}
