package dev.redshiftdata.spark;

import dev.redshiftdata.spark.dataapi.DataApi;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultResponse;

/**
 * Test-side checks of what Redshift holds, asked through the Data API (not the code under test's
 * scan).
 */
public final class TestQueries {
  private TestQueries() {}

  /** The rows of a query as strings (null for NULL), every page read. */
  public static List<List<String>> rows(DataApi api, String sql) {
    String id = api.execute(StatementRequest.sql(sql)).id();
    List<List<String>> out = new ArrayList<>();
    Iterator<GetStatementResultResponse> pages = api.resultPages(id);
    while (pages.hasNext()) {
      for (List<Field> r : pages.next().records()) {
        List<String> row = new ArrayList<>();
        for (Field f : r) {
          row.add(text(f));
        }
        out.add(row);
      }
    }
    return out;
  }

  private static String text(Field f) {
    if (Boolean.TRUE.equals(f.isNull())) {
      return null;
    }
    if (f.stringValue() != null) {
      return f.stringValue();
    }
    if (f.longValue() != null) {
      return Long.toString(f.longValue());
    }
    if (f.booleanValue() != null) {
      return Boolean.toString(f.booleanValue());
    }
    return String.valueOf(f.doubleValue());
  }
}
