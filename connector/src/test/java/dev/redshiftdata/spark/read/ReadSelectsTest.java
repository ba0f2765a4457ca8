package dev.redshiftdata.spark.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.read.ReadStatementSize.Form;
import dev.redshiftdata.spark.sql.TableName;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The SELECTs a read can send, without Spark or Redshift. */
class ReadSelectsTest {

  private static final StructType REDSHIFT =
      new StructType().add("id", DataTypes.IntegerType).add("amount", DataTypes.LongType);

  private static final RedshiftTable.ReadSource TABLE =
      new RedshiftTable.ReadSource(TableName.of("public", "t"), null);

  private static final RedshiftTable.ReadSource QUERY =
      new RedshiftTable.ReadSource(null, "select 1 as id, 2 as amount");

  private static final ReadStatementSize DIRECT =
      ReadStatementSize.of(
          RedshiftOptions.parse(
              Map.of(
                  "database", "dev",
                  "clusterIdentifier", "c",
                  "region", "eu-west-1",
                  "endpoint", "http://127.0.0.1:1",
                  "readMode", "direct"),
              Map.of()));

  @Test
  void listedColumnsTakeRedshiftsSpelling() {
    StructType read = new StructType().add("ID", DataTypes.IntegerType);
    Form form = new ReadSelects(TABLE, REDSHIFT, null).listed(TABLE.select(), read);
    assertEquals("SELECT \"id\" FROM \"public\".\"t\"", form.sql());
  }

  @Test
  void onlyATableIsReadWithStarAndTheSmallerFormWins() {
    ReadSelects table = new ReadSelects(TABLE, REDSHIFT, null);
    Form star = table.star(TABLE.select(), REDSHIFT, DIRECT).orElseThrow();
    assertEquals("SELECT * FROM \"public\".\"t\"", star.sql());
    assertEquals(star.sql(), table.smallest(TABLE.select(), REDSHIFT, DIRECT).sql());
    ReadSelects query = new ReadSelects(QUERY, REDSHIFT, null);
    assertEquals(Optional.empty(), query.star(QUERY.select(), REDSHIFT, DIRECT));
    assertTrue(
        query
            .smallest(QUERY.select(), REDSHIFT, DIRECT)
            .sql()
            .startsWith("SELECT \"id\", \"amount\""));
  }

  @Test
  void anAggregateSelectsItsItemsAndGroups() {
    assertEquals(
        "SELECT \"id\" AS \"group_col_0\", COUNT(*) AS \"agg_func_0\""
            + " FROM \"public\".\"t\" GROUP BY \"id\"",
        ReadSelects.aggregate(TABLE.select(), ScanPushdownTest.COUNT_BY_ID).sql());
  }

  @Test
  void tooLargeSaysHowLargeAndWhatToChange() {
    ReadSelects table = new ReadSelects(TABLE, REDSHIFT, null);
    Form form = table.listed(TABLE.select(), REDSHIFT);
    String message = table.tooLarge(form, DIRECT).getMessage();
    assertTrue(message.startsWith("Cannot read table \"public\".\"t\": its statement would be "));
    assertTrue(message.endsWith(" bytes per statement. Read fewer columns."), message);
    String query = new ReadSelects(QUERY, REDSHIFT, null).tooLarge(form, DIRECT).getMessage();
    assertTrue(query.endsWith("Shorten 'query' or select fewer columns in it."), query);
  }
}
