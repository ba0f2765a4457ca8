package dev.redshiftdata.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void oddCountTakesTheMiddleValueAndNearestRankQuartiles() {
    Stats s = Stats.of(List.of(9.0, 1.0, 5.0, 3.0, 7.0, 2.0, 8.0, 4.0, 6.0));
    assertEquals(9, s.n());
    assertEquals(5.0, s.median());
    assertEquals(3.0, s.q1());
    assertEquals(7.0, s.q3());
    assertEquals(4.0, s.iqr());
    assertEquals(1.0, s.min());
    assertEquals(9.0, s.max());
  }

  @Test
  void evenCountAveragesTheTwoMiddleValues() {
    Stats s = Stats.of(List.of(4.0, 1.0, 3.0, 2.0));
    assertEquals(2.5, s.median());
    assertEquals(1.0, s.q1());
    assertEquals(3.0, s.q3());
  }

  @Test
  void oneOutlierDoesNotMoveTheMedian() {
    assertEquals(2.0, Stats.of(List.of(2.0, 2.0, 1000.0)).median());
  }

  @Test
  void noValuesIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> Stats.of(List.of()));
  }
}
