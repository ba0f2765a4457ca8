package dev.redshiftdata.local.aml;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redshiftdata.local.dataapi.Json;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;

/**
 * A datasource's {@code DataRearrangement}: {@code {"splitting": {"percentBegin": b, "percentEnd":
 * e, "complement": c, "strategy": "sequential"|"random", "randomSeed": s}}} with 0 <= b < e <= 100.
 * Selects the observations from b% to e% of the data (or all others when complement is true).
 */
record DataRearrangement(int percentBegin, int percentEnd, boolean complement) {

  static final DataRearrangement ALL = new DataRearrangement(0, 100, false);

  private static final Set<String> SPLITTING_MEMBERS =
      Set.of(
          "percentBegin", "percentEnd", "complement", "strategy", "randomSeed", "strategyParams");

  /**
   * Parses and checks the request member.
   *
   * @throws IllegalArgumentException with the reason, for an InvalidInputException
   */
  static DataRearrangement parse(String text) {
    if (text == null) {
      return ALL;
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException("DataRearrangement is not valid JSON.");
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("DataRearrangement is not a JSON object.");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!name.equals("splitting")) {
        throw new IllegalArgumentException(
            "DataRearrangement has an unknown member '" + name + "'; it takes 'splitting'.");
      }
    }
    JsonNode splitting = root.get("splitting");
    if (splitting == null) {
      return ALL;
    }
    if (!splitting.isObject()) {
      throw new IllegalArgumentException("DataRearrangement's splitting is not a JSON object.");
    }
    for (Iterator<String> it = splitting.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!SPLITTING_MEMBERS.contains(name)) {
        throw new IllegalArgumentException(
            "DataRearrangement's splitting has an unknown member '" + name + "'.");
      }
    }
    int begin = percent(splitting, "percentBegin", 0);
    int end = percent(splitting, "percentEnd", 100);
    if (begin >= end) {
      throw new IllegalArgumentException(
          "DataRearrangement's percentBegin ("
              + begin
              + ") must be less than percentEnd ("
              + end
              + ").");
    }
    JsonNode strategy = splitting.get("strategy");
    if (strategy != null
        && !(strategy.isTextual()
            && (strategy.asText().equals("sequential") || strategy.asText().equals("random")))) {
      throw new IllegalArgumentException(
          "DataRearrangement's strategy must be \"sequential\" or \"random\".");
    }
    JsonNode complement = splitting.get("complement");
    if (complement != null && !complement.isBoolean()) {
      throw new IllegalArgumentException("DataRearrangement's complement must be a boolean.");
    }
    return new DataRearrangement(begin, end, complement != null && complement.asBoolean());
  }

  /** How many of {@code total} observations the split selects (random splits select as many). */
  long selected(long total) {
    long inRange = total * percentEnd / 100 - total * percentBegin / 100;
    return complement ? total - inRange : inRange;
  }

  private static int percent(JsonNode splitting, String member, int fallback) {
    JsonNode n = splitting.get(member);
    if (n == null) {
      return fallback;
    }
    if (!n.isIntegralNumber() || n.asLong() < 0 || n.asLong() > 100) {
      throw new IllegalArgumentException(
          "DataRearrangement's " + member + " must be an integer from 0 to 100, not " + n + ".");
    }
    return n.asInt();
  }
}
