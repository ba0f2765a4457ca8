package dev.redshiftdata.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CopyStatementTest {

  static final String ROLE = "arn:aws:iam::123456789012:role/copy";

  @Test
  void copyWithColumnList() {
    assertEquals(
        "COPY \"sales\".\"orders\" (\"id\", \"Odd \"\"col\"\"\") FROM"
            + " 's3://bucket/w-1/manifest' IAM_ROLE 'arn:aws:iam::123456789012:role/copy'"
            + " FORMAT AS PARQUET MANIFEST",
        new CopyStatement(
                TableName.of("sales", "orders"),
                List.of("id", "Odd \"col\""),
                "s3://bucket/w-1/manifest",
                ROLE,
                false,
                null)
            .sql());
  }

  @Test
  void allOptionsAndNoColumnList() {
    assertEquals(
        "COPY \"dev\".\"s\".\"t\" FROM 's3://b/it''s\\\\/manifest' IAM_ROLE default"
            + " FORMAT AS PARQUET MANIFEST SERIALIZETOJSON REGION 'us-west-2'",
        new CopyStatement(
                new TableName("dev", "s", "t"),
                List.of(),
                "s3://b/it's\\/manifest",
                "default",
                true,
                "us-west-2")
            .sql());
  }

  @Test
  void refusesBadArguments() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new CopyStatement(TableName.of("t"), List.of(), "s3a://b/m", ROLE, false, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new CopyStatement(TableName.of("t"), List.of(), "s3://b/dir/", ROLE, false, null));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new CopyStatement(TableName.of("t"), List.of(""), "s3://b/m", ROLE, false, null).sql());
  }
}
