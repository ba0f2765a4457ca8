package dev.redshiftdata.spark.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnknownOptionsTest {

  @Test
  void sparkKeysAndConnectorOptionsAreNotUnknownInAnyCase() {
    assertEquals(
        Set.of("mergekey", "foo"),
        UnknownOptions.of(
            Set.of(
                "PATH",
                "paths",
                "__partition_columns",
                "provider",
                "owner",
                "option.dbtable",
                "MergeKey",
                "DBTABLE",
                "foo")));
  }

  @Test
  void suggestsTheClosestRegistryNameIgnoringCase() {
    assertEquals(Optional.of(RedshiftOption.MERGE_KEYS), UnknownOptions.suggestion("mergekey"));
    assertEquals(Optional.of(RedshiftOption.TEMPDIR), UnknownOptions.suggestion("tmpdir"));
    assertEquals(Optional.of(RedshiftOption.DBTABLE), UnknownOptions.suggestion("DB_TABLE"));
    assertEquals(Optional.of(RedshiftOption.READ_MODE), UnknownOptions.suggestion("readmod"));
    assertEquals(
        Optional.of(RedshiftOption.AMAZON_ML_TARGET_ATTRIBUTE),
        UnknownOptions.suggestion("amazonml.targetattribut"));
    assertEquals(Optional.empty(), UnknownOptions.suggestion("completelydifferent"));
    assertEquals(Optional.empty(), UnknownOptions.suggestion("x"));
  }

  @Test
  void distanceIsLevenshtein() {
    assertEquals(0, UnknownOptions.distance("", ""));
    assertEquals(3, UnknownOptions.distance("", "abc"));
    assertEquals(1, UnknownOptions.distance("mergekey", "mergekeys"));
    assertEquals(3, UnknownOptions.distance("kitten", "sitting"));
  }

  @Test
  void describesEveryNameWithItsSuggestion() {
    assertEquals(
        "unknown options 'foo', 'mergekey' (did you mean 'mergeKeys'?)",
        UnknownOptions.describe(new java.util.TreeSet<>(Set.of("mergekey", "foo"))));
  }

  @Test
  void strictDefaultsToWritesOnly() {
    Set<String> unknown = Set.of("mergekey");
    assertThrows(
        IllegalArgumentException.class, () -> UnknownOptions.check(unknown, null, true, "write"));
    UnknownOptions.check(unknown, null, false, "read");
    UnknownOptions.check(unknown, false, true, "write");
    assertThrows(
        IllegalArgumentException.class, () -> UnknownOptions.check(unknown, true, false, "read"));
    UnknownOptions.check(Set.of(), true, true, "write");
  }
}
