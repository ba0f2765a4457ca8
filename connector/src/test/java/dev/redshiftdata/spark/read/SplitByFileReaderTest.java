package dev.redshiftdata.spark.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.spark.compat.FileRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.junit.jupiter.api.Test;

/** Row counting per file range, against the manifest's record counts. */
class SplitByFileReaderTest {

  /** A reader of {@code rows} numbers, as a Parquet reader of one range would give them. */
  private static PartitionReader<Integer> rows(int rows, List<String> closed, String name) {
    return new PartitionReader<>() {
      int i;

      @Override
      public boolean next() {
        return i++ < rows;
      }

      @Override
      public Integer get() {
        return i;
      }

      @Override
      public void close() {
        closed.add(name);
      }
    };
  }

  private static UnloadInputPartition partition(List<UnloadInputPartition.FileCheck> checks) {
    return new UnloadInputPartition(
        List.of(
            new FileRange("s3a://b/p/0000_part_00.parquet", 0, 100, 100),
            new FileRange("s3a://b/p/0001_part_00.parquet", 0, 50, 200)),
        checks);
  }

  @Test
  void wholeFilesAreCountedAndRangesAreNot() throws Exception {
    Map<String, Integer> sizes = Map.of("0000", 3, "0001", 2);
    List<String> closed = new ArrayList<>();
    SplitByFileReader<Integer> r =
        new SplitByFileReader<>(
            partition(
                List.of(
                    new UnloadInputPartition.FileCheck(
                        "s3a://b/p/0000_part_00.parquet", 100, 3, true),
                    new UnloadInputPartition.FileCheck(
                        "s3a://b/p/0001_part_00.parquet", 200, 99, false))),
            f -> {
              String n = f.url().substring(10, 14);
              return rows(sizes.get(n), closed, n);
            },
            row -> 1);
    int n = 0;
    while (r.next()) {
      n++;
    }
    r.close();
    assertEquals(5, n);
    assertEquals(List.of("0000", "0001"), closed);
  }

  @Test
  void aWholeFileGivingOtherRowsThanTheManifestFails() {
    SplitByFileReader<Integer> r =
        new SplitByFileReader<>(
            partition(
                List.of(
                    new UnloadInputPartition.FileCheck(
                        "s3a://b/p/0000_part_00.parquet", 100, 4, true))),
            f -> rows(3, new ArrayList<>(), "x"),
            row -> 1);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> {
              while (r.next()) {
                // read on
              }
            });
    assertTrue(
        e.getMessage().contains("gave 3 rows but the UNLOAD manifest says 4"), e.getMessage());
  }
}
