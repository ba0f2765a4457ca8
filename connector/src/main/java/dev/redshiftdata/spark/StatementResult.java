package dev.redshiftdata.spark;

import java.util.List;

/**
 * What a statement run by {@link RedshiftData#execute} or {@link RedshiftData#executeBatch} left
 * behind: its Data API statement id (for SYS_QUERY_HISTORY or support), the rows it returned or
 * changed ({@code -1} when Redshift does not say), and for a batch the ids of its statements.
 */
public record StatementResult(String statementId, long rows, List<String> subStatementIds) {
  public StatementResult {
    subStatementIds = List.copyOf(subStatementIds);
  }
}
