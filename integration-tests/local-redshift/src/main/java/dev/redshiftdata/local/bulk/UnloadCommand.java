package dev.redshiftdata.local.bulk;

import java.util.List;

/** A parsed and validated UNLOAD statement. Sizes are in bytes. */
public record UnloadCommand(
    String selectSql,
    String target,
    Authorization authorization,
    Format format,
    boolean manifest,
    boolean manifestVerbose,
    boolean header,
    String delimiter,
    String nullAs,
    boolean parallel,
    long maxFileSize,
    long rowGroupSize,
    boolean allowOverwrite,
    boolean cleanPath,
    List<String> partitionBy,
    boolean partitionInclude,
    String extension,
    Compression compression,
    boolean addQuotes,
    boolean escape) {

  public enum Format {
    TEXT,
    CSV,
    JSON,
    PARQUET
  }

  public enum Compression {
    NONE(""),
    GZIP(".gz"),
    BZIP2(".bz2"),
    ZSTD(".zst");

    private final String suffix;

    Compression(String suffix) {
      this.suffix = suffix;
    }

    public String suffix() {
      return suffix;
    }
  }

  public UnloadCommand {
    partitionBy = List.copyOf(partitionBy);
  }

  /** The same command writing under another key prefix of the same bucket (a partition folder). */
  public UnloadCommand withKeyPrefix(String keyPrefix) {
    return new UnloadCommand(
        selectSql,
        "s3://" + bucket() + "/" + keyPrefix,
        authorization,
        format,
        manifest,
        manifestVerbose,
        header,
        delimiter,
        nullAs,
        parallel,
        maxFileSize,
        rowGroupSize,
        allowOverwrite,
        cleanPath,
        partitionBy,
        partitionInclude,
        extension,
        compression,
        addQuotes,
        escape);
  }

  /** The S3 bucket of the target. */
  public String bucket() {
    String rest = target.substring("s3://".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  /** The key prefix of the target (may be empty; no leading slash). */
  public String keyPrefix() {
    String rest = target.substring("s3://".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? "" : rest.substring(slash + 1);
  }
}
