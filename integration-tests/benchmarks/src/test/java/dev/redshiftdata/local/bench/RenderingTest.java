package dev.redshiftdata.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class RenderingTest {

  @Test
  void jsonHoldsMachineChecksRunsAndScaling() throws Exception {
    JsonNode json = new ObjectMapper().readTree(ResultsJson.render(BenchFixtures.results()));
    assertEquals(2, json.at("/machine/cores").asInt());
    assertEquals("4.1.3", json.at("/machine/spark").asText());
    assertEquals(1_000_000, json.at("/config/rows").asLong());
    assertEquals("1. scan efficiency", json.at("/checks/0/workload").asText());
    assertTrue(json.at("/checks/0/met").asBoolean());
    JsonNode variant = json.at("/workloads/0/variants/1");
    assertEquals("unload-path scan, all columns", variant.at("/name").asText());
    assertEquals(3, variant.at("/runs").size());
    assertEquals(1.02, variant.at("/seconds/median").asDouble(), 1e-9);
    assertEquals(0.02, variant.at("/seconds/iqr").asDouble(), 1e-9);
    assertEquals(1.2, variant.at("/runs/2/seconds").asDouble(), 1e-9);
    assertEquals(4, json.at("/scaling").size());
    assertEquals(4.0, json.at("/scaling/0/microsPerRow").asDouble(), 1e-9);
  }

  @Test
  void markdownHasTheGoalTableWithVerdictsAndLinksTheChart() {
    String md = MarkdownReport.render(BenchFixtures.results(), "scaling.svg");
    assertTrue(
        md.contains(
            "| workload | measure | connector (median, IQR) | baseline | result | goal | met |"),
        md);
    assertTrue(
        md.contains(
            "| 1. scan efficiency | full scan | unload-path scan, all columns: 1.020 s (IQR 0.020)"
                + " | spark.read.parquet, all columns: 1.000 s (IQR 0.100) | **ratio 1.02** |"
                + " ratio <= 1.05 | yes |"),
        md);
    assertTrue(
        md.contains("| 6. scaling | write: time per row (us/row) | 250k 8.00, 500k 7.00"), md);
    assertTrue(md.contains("![time per row against rows](scaling.svg)"), md);
    assertTrue(md.contains("Machine: 2 cores, 24.0 GB memory"), md);
    assertTrue(md.contains("| read | 250,000 | 1.000 | 0.000 | 4.00 | 4.00 | 450 | 150 |"), md);
    assertTrue(md.contains("- a note"), md);
    assertTrue(
        md.contains(
            "- 1. scan efficiency: polls = median 2.000 (IQR 1.000, min 1.000, max 3.000, 3 runs)"),
        md);
  }

  @Test
  void aVerdictOfNoIsBoldAndNoGoalIsADash() {
    Check no = new Check("w", "m", "x", "", "r", "g", false);
    Check none = new Check("w", "m2", "x", "", "r", "report", null);
    Results base = BenchFixtures.results();
    Results r =
        new Results(
            base.startedAt(),
            base.wallSeconds(),
            base.command(),
            base.machine(),
            base.config(),
            List.of(no, none),
            List.of(),
            List.of(),
            List.of());
    String md = MarkdownReport.render(r, "c.svg");
    assertTrue(md.contains("| w | m | x |  | **r** | g | **no** |"), md);
    assertTrue(md.contains("| w | m2 | x |  | **r** | report | - |"), md);
    assertTrue(!md.contains("## Scaling"), "no scaling section without scaling runs");
  }

  @Test
  void chartIsWellFormedSvgWithOneLinePerKindAndAPointPerSize() throws Exception {
    String svg = ScalingChart.render(BenchFixtures.results().scaling());
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertEquals("svg", doc.getDocumentElement().getNodeName());
    NodeList lines = doc.getElementsByTagName("polyline");
    assertEquals(2, lines.getLength());
    assertEquals(4, doc.getElementsByTagName("circle").getLength());
    // read: 4.00 then 3.60 us/row; SVG y grows downwards, so the cheaper point has the larger y
    String[] read = ((Element) lines.item(0)).getAttribute("points").split(" ");
    double y250k = Double.parseDouble(read[0].split(",")[1]);
    double y500k = Double.parseDouble(read[1].split(",")[1]);
    assertTrue(y500k > y250k, "a lower time per row is drawn lower: " + svg);
    assertTrue(svg.contains(">250k<") && svg.contains(">500k<"), svg);
    assertTrue(svg.contains("read (unload path)") && svg.contains(">write<"), svg);
  }

  @Test
  void chartAxisEndsAtANiceValue() {
    assertEquals(5.0, ScalingChart.niceCeiling(4.2));
    assertEquals(10.0, ScalingChart.niceCeiling(7.5));
    assertEquals(0.2, ScalingChart.niceCeiling(0.15), 1e-12);
    assertEquals(1.0, ScalingChart.niceCeiling(0));
  }
}
