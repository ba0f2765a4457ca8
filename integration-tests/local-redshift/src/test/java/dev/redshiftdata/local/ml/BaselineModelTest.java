package dev.redshiftdata.local.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineModelTest {

  @Test
  void leastSquaresRecoversAnExactLine() {
    List<Object[]> rows = new ArrayList<>();
    for (int x = 0; x < 5; x++) {
      rows.add(new Object[] {(double) x, null, Double.toString(3 + 0.5 * x)});
    }
    BaselineModel.Trained t = BaselineModel.train(List.of("int4", "varchar"), "float8", null, rows);
    assertEquals("REGRESSION", t.problemType());
    assertEquals("SELECT ((3.0)::float8 + (0.5)::float8 * $1::float8)::float8", t.body());
  }

  @Test
  void singularSystemsFallBackToTheMeanAndIntegersAreRounded() {
    List<Object[]> rows = List.of(new Object[] {1.0, "2"}, new Object[] {1.0, "5"});
    BaselineModel.Trained t = BaselineModel.train(List.of("int4"), "int4", null, rows);
    assertEquals("mean of the target", t.method());
    assertEquals("SELECT round((3.5)::float8)::int4", t.body());
    assertNull(BaselineModel.solve(new double[][] {{1, 2}, {2, 4}}, new double[] {1, 2}));
    assertArrayEquals(
        new double[] {1, 2},
        BaselineModel.solve(new double[][] {{2, 0}, {0, 1}}, new double[] {2, 2}),
        1e-12);
  }

  @Test
  void classificationByMajorityAndCentroid() {
    List<Object[]> labels =
        List.of(
            new Object[] {null, "b"},
            new Object[] {null, "a"},
            new Object[] {null, "b"},
            new Object[] {null, "a"});
    BaselineModel.Trained majority =
        BaselineModel.train(List.of("varchar"), "varchar", null, labels);
    assertEquals("SELECT 'a'::varchar", majority.body());
    assertEquals("BINARY_CLASSIFICATION", majority.problemType());

    List<Object[]> points =
        List.of(
            new Object[] {0.0, "0"},
            new Object[] {2.0, "0"},
            new Object[] {10.0, "1"},
            new Object[] {5.0, "2"});
    BaselineModel.Trained centroid =
        BaselineModel.train(List.of("float8"), "int4", "MULTICLASS_CLASSIFICATION", points);
    assertEquals(
        "SELECT c.label::int4 FROM (VALUES ('0', (1.0)::float8), ('1', (10.0)::float8), ('2', (5.0)::float8))"
            + " AS c(label, m0) ORDER BY (coalesce($1::float8, c.m0) - c.m0) ^ 2, c.label LIMIT 1",
        centroid.body());
    assertEquals("MULTICLASS_CLASSIFICATION", centroid.problemType());
  }
}
