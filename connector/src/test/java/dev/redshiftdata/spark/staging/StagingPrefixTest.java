package dev.redshiftdata.spark.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StagingPrefixTest {

  private static final UUID ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
  private static final Instant T = Instant.parse("2025-01-02T03:04:05.678Z");

  @Test
  void namesCarryTheCreationTimeAndUuid() {
    StagingPrefix p = StagingPrefix.create("s3a://bucket/tmp/", T, ID);
    assertEquals("redshift-data-20250102T030405Z-0f8fad5b-d9cb-469f-a165-70867728950e", p.name());
    assertEquals("s3a://bucket/tmp/" + p.name() + "/", p.url());
    assertEquals(Instant.parse("2025-01-02T03:04:05Z"), p.createdAt());
    assertEquals(ID, p.id());
  }

  @Test
  void addsTheSlashTempdirLacks() {
    assertEquals(
        "s3a://bucket/tmp/x/redshift-data-20250102T030405Z-" + ID + "/",
        StagingPrefix.create("s3a://bucket/tmp/x", T, ID).url());
    assertEquals("s3a://bucket/", StagingPrefix.create("s3a://bucket", T, ID).tempdir());
  }

  @Test
  void randomIdsDiffer() {
    assertFalse(
        StagingPrefix.create("s3a://b/", T)
            .url()
            .equals(StagingPrefix.create("s3a://b/", T).url()));
  }

  @Test
  void rejectsEmptyTempdir() {
    assertThrows(IllegalArgumentException.class, () -> StagingPrefix.create("", T));
    assertThrows(NullPointerException.class, () -> StagingPrefix.create(null, T));
  }

  @Test
  void parsesItsOwnNames() {
    StagingPrefix p = StagingPrefix.create("s3a://bucket/tmp/", T, ID);
    assertEquals(Optional.of(p.createdAt()), StagingPrefix.createdAt(p.name()));
    assertEquals(Optional.of(p.createdAt()), StagingPrefix.createdAt(p.name() + "/"));
    assertTrue(StagingPrefix.isStagingName(p.name()));
  }

  @Test
  void neverRecognisesForeignNames() {
    String uuid = ID.toString();
    String[] foreign = {
      null,
      "",
      "redshift-data-",
      "redshift-data-foo",
      "other-20250102T030405Z-" + uuid,
      "redshift-data-20250102T030405Z",
      "redshift-data-20250102T030405Z-" + uuid.toUpperCase(),
      "redshift-data-20250102T030405Z-" + uuid + "-x",
      "redshift-data-20250102T030405Z-" + uuid + "//",
      "x-redshift-data-20250102T030405Z-" + uuid,
      "redshift-data-20251302T030405Z-" + uuid, // month 13
      "redshift-data-20250102T250405Z-" + uuid, // hour 25
      "redshift-data-2025010T2030405Z-" + uuid,
      "redshift-data-20250102T030405-" + uuid,
      "redshift-data-20250102T030405Z-not-a-uuid",
      "REDSHIFT-DATA-20250102T030405Z-" + uuid,
    };
    for (String name : foreign) {
      assertFalse(StagingPrefix.isStagingName(name), String.valueOf(name));
    }
  }
}
