package dev.redshiftdata.spark.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollScheduleTest {
  private static Duration ms(long m) {
    return Duration.ofMillis(m);
  }

  @Test
  void startsFastDoublesAndCaps() {
    PollSchedule s = new PollSchedule(ms(10), ms(500));
    List<Duration> delays = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      delays.add(s.delay(i));
    }
    assertEquals(
        List.of(ms(10), ms(20), ms(40), ms(80), ms(160), ms(320), ms(500), ms(500), ms(500)),
        delays);
  }

  @Test
  void largePollNumbersDoNotOverflow() {
    PollSchedule s = new PollSchedule(ms(10), Duration.ofMinutes(1));
    assertEquals(Duration.ofMinutes(1), s.delay(10_000));
  }

  @Test
  void neverWaitsPastTheDeadline() {
    PollSchedule s = new PollSchedule(ms(10), ms(500));
    assertEquals(ms(7), s.delay(3, ms(7)));
    assertEquals(ms(80), s.delay(3, ms(1000)));
    assertEquals(Duration.ZERO, s.delay(3, ms(-5)));
  }

  @Test
  void totalWaitForAQuickStatementIsSmall() {
    // A statement that finishes in 25 ms is seen after 10 + 20 = 30 ms: within 2 polls of
    // finishing.
    PollSchedule s = new PollSchedule(ms(10), ms(500));
    assertEquals(ms(30), s.delay(0).plus(s.delay(1)));
  }

  @Test
  void rejectsBadBounds() {
    assertThrows(IllegalArgumentException.class, () -> new PollSchedule(Duration.ZERO, ms(1)));
    assertThrows(IllegalArgumentException.class, () -> new PollSchedule(ms(10), ms(5)));
    assertThrows(IllegalArgumentException.class, () -> new PollSchedule(ms(10), ms(50)).delay(-1));
  }
}
