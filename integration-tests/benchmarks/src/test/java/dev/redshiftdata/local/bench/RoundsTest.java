package dev.redshiftdata.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundsTest {

  @Test
  void variantsAlternateRunByRunFlippingOrderAndWarmUpsAreNotMeasured() throws Exception {
    List<String> order = new ArrayList<>();
    double[] clock = {0};
    Rounds.Timer timer =
        w -> {
          w.run();
          clock[0] += 1;
          return new Run(clock[0], 0, null, 0, 0);
        };
    List<Variant> v =
        Rounds.run(
            timer,
            (variant, round, runs, run) -> {},
            1,
            3,
            List.of(
                Rounds.named("baseline", () -> order.add("b")),
                Rounds.named("connector", () -> order.add("c"))));
    assertEquals(List.of("c", "b", "b", "c", "c", "b", "b", "c"), order);
    assertEquals("baseline", v.get(0).name());
    assertEquals(3, v.get(0).runs().size());
    // the warm-up round (times 1 and 2) is dropped
    assertEquals(List.of(3.0, 6.0, 7.0), v.get(0).runs().stream().map(Run::seconds).toList());
    assertEquals(List.of(4.0, 5.0, 8.0), v.get(1).runs().stream().map(Run::seconds).toList());
  }
}
