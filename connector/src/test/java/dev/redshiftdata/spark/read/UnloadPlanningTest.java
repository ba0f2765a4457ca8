package dev.redshiftdata.spark.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.types.TypeMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Pure planning of the unload path: columns, manifest, splits and the path choice. */
class UnloadPlanningTest {

  private static Metadata rs(String type) {
    return new MetadataBuilder().putString(TypeMapping.METADATA_TYPE, type).build();
  }

  @Test
  void columnsTravelByPositionWithCastsForTypesParquetCannotHold() {
    StructType schema =
        new StructType()
            .add("Id", DataTypes.IntegerType, false, rs("int4"))
            .add("t", DataTypes.StringType, true, rs("time"))
            .add("b", DataTypes.BinaryType, true, rs("varbyte"))
            .add("g", DataTypes.BinaryType, true, rs("geometry"))
            .add("ts", DataTypes.TimestampNTZType, true, rs("timestamp"))
            .add("tz", DataTypes.TimestampType, true, rs("timestamptz"));
    UnloadColumns c = UnloadColumns.plan(schema, List.of("Id", "t", "b", "g", "ts", "we\"ird"));
    assertEquals(
        "SELECT \"Id\" AS \"c0\", CAST(\"t\" AS VARCHAR) AS \"c1\", TO_HEX(\"b\") AS \"c2\","
            + " ST_AsHexEWKB(\"g\") AS \"c3\", \"ts\" AS \"c4\", \"we\"\"ird\" AS \"c5\""
            + " FROM (SELECT 1) AS \"unload\"",
        c.select("SELECT 1"));
    StructType files = c.readFileSchema();
    assertEquals(DataTypes.StringType, files.apply("c2").dataType());
    assertEquals(DataTypes.TimestampType, files.apply("c4").dataType());
    assertEquals(DataTypes.TimestampType, files.apply("c5").dataType());
    List<UnloadColumns.Fix> fixes = c.columns().stream().map(UnloadColumns.Column::fix).toList();
    assertEquals(
        List.of(
            UnloadColumns.Fix.NONE,
            UnloadColumns.Fix.NONE,
            UnloadColumns.Fix.DECODE_TEXT,
            UnloadColumns.Fix.DECODE_TEXT,
            UnloadColumns.Fix.RELABEL,
            UnloadColumns.Fix.NONE),
        fixes);
    assertTrue(c.needsDecoding());
    byte[] decoded = (byte[]) c.columns().get(3).decoder().decode("01FF");
    assertEquals(2, decoded.length);
    assertEquals((byte) 0xff, decoded[1]);
  }

  @Test
  void aTimestampReadAsLtzInAZoneIsConvertedFromItsWallClockAndOthersAreNot() {
    StructType schema =
        new StructType()
            .add("ts", DataTypes.TimestampType, true, rs("timestamp"))
            .add("tz", DataTypes.TimestampType, true, rs("timestamptz"))
            .add("ntz", DataTypes.TimestampNTZType, true, rs("timestamp"));
    UnloadColumns c = UnloadColumns.plan(schema, List.of("ts", "tz", "ntz"), "America/New_York");
    assertEquals(
        List.of(UnloadColumns.Fix.WALL_CLOCK, UnloadColumns.Fix.NONE, UnloadColumns.Fix.RELABEL),
        c.columns().stream().map(UnloadColumns.Column::fix).toList());
    assertEquals("America/New_York", c.wallClockZone().getId());
    assertEquals(DataTypes.TimestampType, c.readFileSchema().apply("c0").dataType());
    UnloadColumns utc = UnloadColumns.plan(schema, List.of("ts", "tz", "ntz"));
    assertEquals(UnloadColumns.Fix.NONE, utc.columns().get(0).fix());
  }

  @Test
  void aCountUnloadsOneConstantColumnAndReadsNone() {
    UnloadColumns c = UnloadColumns.plan(new StructType(), List.of());
    assertEquals("SELECT 1 AS \"c0\" FROM (x) AS \"unload\"", c.select("x"));
    assertEquals(1, c.fileSchema().size());
    assertEquals(0, c.readFileSchema().size());
  }

  @Test
  void theManifestIsParsedAndItsTotalsChecked() {
    String json =
        "{\"entries\":[{\"url\":\"s3://b/p/0000_part_00.parquet\",\"meta\":{\"content_length\":10,"
            + "\"record_count\":3}},{\"url\":\"s3://b/p/0001_part_00.parquet\",\"meta\":"
            + "{\"content_length\":20,\"record_count\":4}}],\"meta\":{\"content_length\":30,"
            + "\"record_count\":7}}";
    UnloadManifest m = UnloadManifest.parse(json, "m");
    assertEquals(2, m.files().size());
    assertEquals(7, m.entryRecords());
    m.checkTotals("m");
    UnloadManifest tampered =
        UnloadManifest.parse(json.replace("\"record_count\":7", "\"record_count\":8"), "m");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> tampered.checkTotals("m"));
    assertTrue(e.getMessage().contains("8"), e.getMessage());
    IllegalStateException notVerbose =
        assertThrows(
            IllegalStateException.class,
            () ->
                UnloadManifest.parse(
                    "{\"entries\":[{\"url\":\"s3://b/x\",\"meta\":{\"content_length\":1}}]}", "m"));
    assertTrue(notVerbose.getMessage().contains("VERBOSE"), notVerbose.getMessage());
    assertThrows(IllegalStateException.class, () -> UnloadManifest.parse("not json", "m"));
  }

  @Test
  void filesAreSplitAndPackedLikeSparksFileSources() {
    List<SplitPlanner.FileSize> files = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      files.add(new SplitPlanner.FileSize("s3a://b/p/" + i, 17 * 1024 * 1024L));
    }
    long open = 4 * 1024 * 1024L;
    // Defaults on 2 cores: 8 files of 17 MB pack into few partitions.
    List<List<SplitPlanner.Split>> defaults = SplitPlanner.plan(files, 128 * 1024 * 1024L, open, 2);
    assertEquals(2, defaults.size());
    // 12 MB max: every file becomes two ranges; every byte is covered exactly once.
    List<List<SplitPlanner.Split>> small = SplitPlanner.plan(files, 12 * 1024 * 1024L, open, 2);
    Map<String, Long> covered = new HashMap<>();
    Set<String> ranges = new HashSet<>();
    for (List<SplitPlanner.Split> p : small) {
      assertFalse(p.isEmpty());
      for (SplitPlanner.Split s : p) {
        assertTrue(ranges.add(s.url() + "@" + s.start()));
        covered.merge(s.url(), s.length(), Long::sum);
      }
    }
    assertEquals(16, ranges.size());
    covered.values().forEach(v -> assertEquals(17 * 1024 * 1024L, v));
    assertEquals(12 * 1024 * 1024L, SplitPlanner.maxSplitBytes(files, 12 * 1024 * 1024L, open, 2));
    assertEquals(1, SplitPlanner.plan(List.of(new SplitPlanner.FileSize("e", 0)), 1, 1, 1).size());
  }

  private static RedshiftOptions options(String... kv) {
    Map<String, String> m = new HashMap<>();
    m.put("clusterIdentifier", "c");
    m.put("database", "dev");
    m.put("region", "us-east-1");
    m.put("dbtable", "t");
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return RedshiftOptions.parse(m, Map.of());
  }

  @Test
  void autoChoosesByLimitThenEstimateAndNeedsStagingForUnload() {
    RedshiftOptions staging =
        options("tempdir", "s3a://b/t/", "iamRole", "default", "directMaxRows", "1000");
    assertEquals(
        ReadPathChooser.ReadPath.DIRECT,
        ReadPathChooser.choose(options(), OptionalLong.empty(), () -> fail()).path());
    ReadPathChooser.Choice limited =
        ReadPathChooser.choose(staging, OptionalLong.of(10), () -> fail());
    assertEquals(ReadPathChooser.ReadPath.DIRECT, limited.path());
    assertTrue(limited.fallBackToUnload());
    ReadPathChooser.Choice big =
        ReadPathChooser.choose(
            staging,
            OptionalLong.empty(),
            () -> Optional.of(new ReadPathChooser.Estimate(5000, 40)));
    assertEquals(ReadPathChooser.ReadPath.UNLOAD, big.path());
    assertTrue(big.reason().contains("5000 rows"), big.reason());
    ReadPathChooser.Choice wide =
        ReadPathChooser.choose(
            options("tempdir", "s3a://b/t/", "iamRole", "default", "directMaxBytes", "5MB"),
            OptionalLong.empty(),
            () -> Optional.of(new ReadPathChooser.Estimate(1000, 10_000)));
    assertEquals(ReadPathChooser.ReadPath.UNLOAD, wide.path());
    assertEquals(
        ReadPathChooser.ReadPath.DIRECT,
        ReadPathChooser.choose(staging, OptionalLong.empty(), Optional::empty).path());
  }

  private static Optional<ReadPathChooser.Estimate> fail() {
    throw new AssertionError("no estimate should be needed");
  }

  @Test
  void explainLinesGiveTheTopNodesEstimate() {
    assertEquals(
        Optional.of(new ReadPathChooser.Estimate(2550, 36)),
        ReadPathChooser.parseExplain(
            List.of(
                "XN Hash Join DS_DIST_NONE  (cost=0.00..35.50 rows=2550 width=36)",
                "  ->  XN Seq Scan on t  (cost=0.00..1.00 rows=100 width=4)")));
    assertEquals(Optional.empty(), ReadPathChooser.parseExplain(List.of("nothing here")));
  }
}
