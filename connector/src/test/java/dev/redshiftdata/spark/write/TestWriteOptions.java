package dev.redshiftdata.spark.write;

import dev.redshiftdata.spark.config.RedshiftOptions;
import java.util.HashMap;
import java.util.Map;

/** Options of a write to an unreachable cluster: enough to plan, never to run. */
final class TestWriteOptions {
  private TestWriteOptions() {}

  /** The base options with {@code keyValues} (key, value, key, value...) over them. */
  static RedshiftOptions of(String... keyValues) {
    Map<String, String> m = new HashMap<>();
    m.put("database", "dev");
    m.put("clusterIdentifier", "c");
    m.put("region", "eu-west-1");
    m.put("endpoint", "http://127.0.0.1:1");
    m.put("tempdir", "s3a://bucket/tmp/");
    m.put("iamRole", "arn:aws:iam::1:role/r");
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return RedshiftOptions.parse(m, Map.of());
  }
}
