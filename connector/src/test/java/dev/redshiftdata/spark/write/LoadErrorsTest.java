package dev.redshiftdata.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.redshiftdata.spark.sql.LoadErrorsQuery;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.redshiftdata.model.Field;

/** A failed COPY's load errors: the query and the sentence of each record. */
class LoadErrorsTest {

  private static Field s(String v) {
    return Field.builder().stringValue(v).build();
  }

  @Test
  void theQueryReadsTheFirstErrorsOfTheWritesOwnFiles() {
    assertEquals(
        "SELECT line_number, trim(colname), trim(type), trim(err_reason), trim(raw_field_value),"
            + " err_code FROM stl_load_errors WHERE trim(filename) LIKE"
            + " 's3://b/tmp/redshift-data-x/%' ORDER BY starttime, line_number LIMIT 5",
        LoadErrorsQuery.sql("s3://b/tmp/redshift-data-x/"));
    assertEquals(
        "SELECT line_number, trim(colname), trim(type), trim(err_reason), trim(raw_field_value),"
            + " err_code FROM stl_load_errors WHERE trim(filename) LIKE 's3://b/it''s/%'"
            + " ORDER BY starttime, line_number LIMIT 5",
        LoadErrorsQuery.sql("s3://b/it's/"));
  }

  @Test
  void aRecordReadsAsOneSentenceWithItsRawValueCut() {
    List<Field> record =
        List.of(
            Field.builder().longValue(3L).build(),
            s("name"),
            s("varchar(4)"),
            s("String length exceeds DDL length"),
            s("x".repeat(50)),
            Field.builder().longValue(1204L).build());
    assertEquals(
        "line 3, column 'name' (varchar(4)): String length exceeds DDL length [code 1204], raw value '"
            + "x".repeat(LoadErrors.RAW_VALUE_CHARS)
            + "...'",
        LoadErrors.describe(record));
  }
}
