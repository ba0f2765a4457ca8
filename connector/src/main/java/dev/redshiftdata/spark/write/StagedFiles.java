package dev.redshiftdata.spark.write;

import java.util.List;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/**
 * The commit message of one task attempt: the files it wrote. The driver loads exactly the files
 * named by the messages of committed attempts, never what a listing of the prefix shows, so files
 * of failed or speculative attempts are never loaded.
 */
public record StagedFiles(int partitionId, long taskId, List<StagedFile> files)
    implements WriterCommitMessage {

  public StagedFiles {
    files = List.copyOf(files);
  }

  public long rows() {
    return files.stream().mapToLong(StagedFile::rows).sum();
  }

  public long bytes() {
    return files.stream().mapToLong(StagedFile::bytes).sum();
  }
}
