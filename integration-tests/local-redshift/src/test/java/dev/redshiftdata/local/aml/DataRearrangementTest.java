package dev.redshiftdata.local.aml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DataRearrangementTest {

  @Test
  void splitsSelectTheirShareAndTheComplementTheRest() {
    DataRearrangement train =
        DataRearrangement.parse("{\"splitting\":{\"percentBegin\":0,\"percentEnd\":70}}");
    DataRearrangement eval =
        DataRearrangement.parse(
            "{\"splitting\":{\"percentBegin\":0,\"percentEnd\":70,\"complement\":true,"
                + "\"strategy\":\"random\",\"randomSeed\":\"s\"}}");
    assertEquals(7, train.selected(10));
    assertEquals(3, eval.selected(10));
    assertEquals(145, train.selected(145) + eval.selected(145), "split and complement cover all");
    assertEquals(10, DataRearrangement.parse(null).selected(10));
    assertEquals(10, DataRearrangement.parse("{}").selected(10));
    assertEquals(5, DataRearrangement.parse("{\"splitting\":{\"percentBegin\":50}}").selected(10));
  }

  @Test
  void badRearrangementsSayWhy() {
    String[][] cases = {
      {"[1]", "not a JSON object"},
      {"{\"split\":{}}", "unknown member 'split'"},
      {
        "{\"splitting\":{\"percentBegin\":1.5,\"percentEnd\":10}}",
        "percentBegin must be an integer"
      },
      {"{\"splitting\":{\"percentBegin\":10,\"percentEnd\":5}}", "must be less than percentEnd"},
      {"{\"splitting\":{\"strategy\":\"shuffled\"}}", "strategy must be"},
      {"{\"splitting\":{\"complement\":\"yes\"}}", "complement must be a boolean"},
    };
    for (String[] c : cases) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> DataRearrangement.parse(c[0]));
      assertTrue(e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
    }
  }
}
