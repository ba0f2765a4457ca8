package dev.redshiftdata.spark.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The manifest an {@code UNLOAD ... MANIFEST VERBOSE} writes: one entry per file with its {@code
 * content_length} and {@code record_count}, and the totals. The unload path plans its partitions
 * from it, never from an S3 listing (listings can be incomplete), and checks every file against it.
 * Parsing is pure.
 *
 * @param files the entries, in manifest order
 * @param totalRecords {@code meta.record_count}, or -1 when absent
 */
record UnloadManifest(List<Entry> files, long totalRecords) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One file.
   *
   * @param url the file's URL as Redshift wrote it ({@code s3://...})
   * @param contentLength its size in bytes
   * @param recordCount its row count
   */
  record Entry(String url, long contentLength, long recordCount) implements Serializable {}

  /** An UNLOAD that wrote no file (Redshift may write no manifest for an empty result). */
  static final UnloadManifest EMPTY = new UnloadManifest(List.of(), 0);

  /**
   * Parses a manifest; fails with a clear message when it is not a VERBOSE manifest of files.
   *
   * @param where the manifest's URL, for messages
   */
  static UnloadManifest parse(String json, String where) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw invalid(where, "it is not JSON (" + e.getMessage() + ")");
    }
    JsonNode entries = root == null ? null : root.get("entries");
    if (entries == null || !entries.isArray()) {
      throw invalid(where, "it has no \"entries\" array");
    }
    List<Entry> files = new ArrayList<>(entries.size());
    for (JsonNode e : entries) {
      String url = e.path("url").asText(null);
      JsonNode meta = e.path("meta");
      if (url == null || !meta.path("content_length").canConvertToLong()) {
        throw invalid(where, "an entry lacks \"url\" or \"meta.content_length\": " + e);
      }
      if (!meta.path("record_count").canConvertToLong()) {
        throw invalid(where, "an entry lacks \"meta.record_count\" (was MANIFEST VERBOSE used?)");
      }
      files.add(
          new Entry(url, meta.get("content_length").asLong(), meta.get("record_count").asLong()));
    }
    JsonNode total = root.path("meta").path("record_count");
    return new UnloadManifest(List.copyOf(files), total.canConvertToLong() ? total.asLong() : -1);
  }

  /** Sum of the entries' record counts. */
  long entryRecords() {
    long sum = 0;
    for (Entry e : files) {
      sum += e.recordCount();
    }
    return sum;
  }

  /** Fails when the entries' row counts do not add up to the manifest's total. */
  void checkTotals(String where) {
    if (totalRecords >= 0 && entryRecords() != totalRecords) {
      throw new IllegalStateException(
          "The UNLOAD manifest "
              + where
              + " lists files holding "
              + entryRecords()
              + " rows in total, but its meta.record_count says "
              + totalRecords
              + ": refusing to read a partial result.");
    }
  }

  private static IllegalStateException invalid(String where, String why) {
    return new IllegalStateException("Cannot read the UNLOAD manifest " + where + ": " + why);
  }
}
