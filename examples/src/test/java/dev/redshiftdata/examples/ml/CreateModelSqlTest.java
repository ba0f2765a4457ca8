package dev.redshiftdata.examples.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CreateModelSqlTest {

  @Test
  void createModelNamesTargetFunctionRoleAndBucket() {
    assertEquals(
        "CREATE MODEL s.m FROM (SELECT a, b, y FROM s.t) TARGET y FUNCTION s.f"
            + " IAM_ROLE 'arn:aws:iam::1:role/r''x' SETTINGS (S3_BUCKET 'my-bucket')",
        CreateModelSql.createModel(
            "s.m", "SELECT a, b, y FROM s.t", "y", "s.f", "arn:aws:iam::1:role/r'x", "my-bucket"));
  }

  @Test
  void theClustersDefaultRoleIsAKeywordNotAString() {
    assertTrue(
        CreateModelSql.createModel("m", "SELECT 1", "y", "f", "DEFAULT", "b")
            .contains(" IAM_ROLE default SETTINGS"));
  }

  @Test
  void theBucketComesFromTheStagingPrefix() {
    assertEquals("bucket-1", CreateModelSql.bucketOf("s3a://bucket-1/redshift/tmp/"));
    assertEquals("b", CreateModelSql.bucketOf("s3://b/"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CreateModelSql.bucketOf("hdfs://nn/x"));
    assertTrue(e.getMessage().contains("'tempdir'"), e.getMessage());
  }
}
