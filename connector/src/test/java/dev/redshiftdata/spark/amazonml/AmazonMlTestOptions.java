package dev.redshiftdata.spark.amazonml;

import dev.redshiftdata.spark.config.RedshiftOptions;
import java.util.HashMap;
import java.util.Map;

/** Options of the Amazon ML unit tests: a provisioned cluster plus the given pairs. */
final class AmazonMlTestOptions {

  private AmazonMlTestOptions() {}

  static RedshiftOptions parse(String... pairs) {
    Map<String, String> m = new HashMap<>();
    m.put("database", "dev");
    m.put("clusterIdentifier", "my-cluster");
    m.put("amazonMl.datasource", "s3");
    m.put("amazonMl.targetAttribute", "label");
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] == null) {
        m.remove(pairs[i]);
      } else {
        m.put(pairs[i], pairs[i + 1]);
      }
    }
    return RedshiftOptions.parse(m, Map.of());
  }
}
