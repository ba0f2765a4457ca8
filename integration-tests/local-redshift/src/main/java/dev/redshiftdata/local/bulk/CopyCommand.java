package dev.redshiftdata.local.bulk;

import java.util.List;

/**
 * A parsed and validated Redshift COPY ... FROM 's3://...' statement. {@code json} is FORMAT JSON's
 * argument ({@code 'auto'}, {@code 'auto ignorecase'} or a JSONPaths file URL), null for other
 * formats.
 */
public record CopyCommand(
    String table,
    List<String> columns,
    String source,
    Authorization authorization,
    Format format,
    boolean manifest,
    String delimiter,
    char quote,
    int ignoreHeader,
    String nullAs,
    boolean emptyAsNull,
    boolean blanksAsNull,
    String dateFormat,
    String timeFormat,
    int maxError,
    boolean truncateColumns,
    String acceptInvChars,
    boolean serializeToJson,
    boolean fillRecord,
    boolean trimBlanks,
    boolean ignoreBlankLines,
    boolean removeQuotes,
    boolean escape,
    boolean roundDecimals,
    boolean explicitIds,
    UnloadCommand.Compression compression,
    String json) {

  public enum Format {
    TEXT,
    CSV,
    PARQUET,
    JSON
  }

  public CopyCommand {
    columns = List.copyOf(columns);
  }

  public String bucket() {
    String rest = source.substring("s3://".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  public String keyPrefix() {
    String rest = source.substring("s3://".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? "" : rest.substring(slash + 1);
  }
}
