package dev.redshiftdata.local.aml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvObservationsTest {

  private static List<CsvObservations.Observation> read(String csv, long max) throws Exception {
    CsvObservations in =
        new CsvObservations(
            new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "s3://b/f.csv");
    List<CsvObservations.Observation> out = new ArrayList<>();
    CsvObservations.Observation o;
    while ((o = in.next(max)) != null) {
      out.add(o);
    }
    return out;
  }

  @Test
  void quotedValuesEmptyValuesAndBothLineEnds() throws Exception {
    List<CsvObservations.Observation> obs =
        read("a,\"b,c\",\"say \"\"hi\"\"\"\r\n,,\"\"\nü,x,y\n", Long.MAX_VALUE);
    assertEquals(List.of("a", "b,c", "say \"hi\""), obs.get(0).values());
    assertEquals(List.of("", "", ""), obs.get(1).values());
    assertEquals(List.of("ü", "x", "y"), obs.get(2).values());
    assertEquals(3, obs.get(2).line());
    assertEquals(6, obs.get(2).bytes(), "bytes of the observation, without the line end");
  }

  @Test
  void anEmptyFileHasNoObservations() throws Exception {
    assertEquals(List.of(), read("", 10));
  }

  @Test
  void anObservationOverTheLimitIsRejectedWithoutValues() throws Exception {
    List<CsvObservations.Observation> obs = read("12345\n123456\n", 5);
    assertEquals(List.of("12345"), obs.get(0).values());
    assertTrue(obs.get(1).rejected());
    assertNull(obs.get(1).values());
    assertEquals(6, obs.get(1).bytes());
  }

  @Test
  void eachRuleNamesFileAndLine() {
    DataSourceFailure f =
        assertThrows(DataSourceFailure.class, () -> read("a\n\"x\ny\"\n", Long.MAX_VALUE));
    assertEquals(
        "s3://b/f.csv line 2: an end-of-line character inside a double-quoted value (Amazon ML"
            + " allows none, even quoted).",
        f.getMessage());
  }
}
