package dev.redshiftdata.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StagingUrlsTest {

  @Test
  void toRedshiftScheme() {
    assertEquals("s3://b/k/p/", StagingUrls.toS3("s3a://b/k/p/"));
    assertEquals("s3://b/k", StagingUrls.toS3("S3A://b/k"));
    assertEquals("s3://b/k", StagingUrls.toS3("s3n://b/k"));
    assertEquals("s3://b/k", StagingUrls.toS3("s3://b/k"));
    assertEquals("s3://b", StagingUrls.toS3("s3a://b"));
  }

  @Test
  void toHadoopScheme() {
    assertEquals("s3a://b/k/manifest", StagingUrls.toHadoop("s3://b/k/manifest", "s3a"));
    assertEquals("s3://b/k", StagingUrls.toHadoop("s3a://b/k", "S3"));
    assertEquals("s3a://b/k", StagingUrls.toHadoop(StagingUrls.toS3("s3a://b/k"), "s3a"));
    assertEquals("s3a", StagingUrls.scheme("S3A://b/k"));
  }

  @Test
  void keysAreKeptByteForByte() {
    assertEquals("s3://b/a b/é/%20/x'y", StagingUrls.toS3("s3a://b/a b/é/%20/x'y"));
  }

  @Test
  void refusesOtherUrls() {
    for (String bad :
        new String[] {"hdfs://nn/p", "file:///tmp", "s3a:///k", "s3a://", "b/k", "gs://b/k"}) {
      assertThrows(IllegalArgumentException.class, () -> StagingUrls.toS3(bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> StagingUrls.toS3(null));
    assertThrows(IllegalArgumentException.class, () -> StagingUrls.toHadoop("s3://b/k", "gs"));
  }
}
