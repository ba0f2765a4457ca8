package dev.redshiftdata.spark.types;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import software.amazon.awssdk.services.redshiftdata.model.Field;

/**
 * A rough look at decoding speed, not a test (no assertions, not run by Maven): JSON Field rows and
 * CSV text of the same rows through {@link RowDecoder}, single thread.
 *
 * <p>Run after {@code mvn -o -q -pl connector test-compile}: {@code java -cp
 * connector/target/test-classes:connector/target/classes:<test classpath>
 * dev.redshiftdata.spark.types.DecoderThroughput}. The JSON figure excludes the SDK's JSON parsing
 * (Fields are prebuilt); the CSV figure includes splitting the text.
 */
public final class DecoderThroughput {

  private DecoderThroughput() {}

  public static void main(String[] args) {
    List<RedshiftType> cols =
        List.of(
            new RedshiftType("id", "int8", 19, 0, 0, 0),
            new RedshiftType("amount", "numeric", 12, 2, 0, 1),
            new RedshiftType("x", "float8", 17, 17, 0, 1),
            new RedshiftType("name", "varchar", 100, 0, 100, 1),
            new RedshiftType("day", "date", 13, 0, 0, 1),
            new RedshiftType("ts", "timestamp", 29, 6, 0, 1),
            new RedshiftType("flag", "bool", 1, 0, 0, 1));
    int rows = 200_000;
    List<List<Field>> json = new ArrayList<>(rows);
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      String amount = (i % 100000) + "." + String.format("%02d", i % 100);
      String name = "name " + i;
      String ts = "2020-08-21 17:33:" + String.format("%02d", i % 60) + ".88712";
      json.add(
          List.of(
              Field.builder().longValue((long) i).build(),
              Field.builder().stringValue(amount).build(),
              Field.builder().doubleValue(i * 1.5).build(),
              Field.builder().stringValue(name).build(),
              Field.builder().stringValue("2023-10-23").build(),
              Field.builder().stringValue(ts).build(),
              Field.builder().booleanValue(i % 2 == 0).build()));
      csv.append(i).append(',').append(amount).append(',').append(i * 1.5).append(',');
      csv.append(name).append(",2023-10-23,").append(ts).append(',').append(i % 2 == 0);
      csv.append('\n');
    }
    RowDecoder dec = RowDecoder.create(cols, MappingOptions.DEFAULTS);
    String text = csv.toString();
    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime();
      long n = 0;
      for (List<Field> r : json) {
        InternalRow row = dec.decode(r);
        n += row.numFields();
      }
      long t1 = System.nanoTime();
      long[] m = {0};
      CsvRecords.forEach(text, cols.size(), cells -> m[0] += dec.decodeCsv(cells).numFields());
      long t2 = System.nanoTime();
      System.out.printf(
          "round %d: JSON Fields %.1f M cells/s, CSV text %.1f M cells/s%n",
          round, n * 1e3 / (t1 - t0), m[0] * 1e3 / (t2 - t1));
    }
  }
}
