package dev.redshiftdata.local.bulk;

import java.util.List;

/**
 * Who runs a COPY and where its load errors go. {@code errorSink} writes them outside the COPY's
 * transaction, so they survive its rollback as on Redshift.
 */
public record LoadContext(
    String username,
    int userId,
    String databaseName,
    int queryId,
    int sessionId,
    boolean caseSensitive,
    ErrorSink errorSink) {

  @FunctionalInterface
  public interface ErrorSink {
    void record(LoadContext context, String table, int tableId, List<LoadError> errors);
  }
}
