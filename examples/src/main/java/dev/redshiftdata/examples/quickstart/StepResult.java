package dev.redshiftdata.examples.quickstart;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a step did: one line for the summary and the facts behind it (row counts, values, explain
 * text), which tests check.
 */
public record StepResult(String summary, Map<String, Object> facts) {
  public StepResult {
    facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
  }
}
