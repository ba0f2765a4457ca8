package dev.redshiftdata.examples.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.examples.ExampleSupport;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Redshift ML example end to end on the local Redshift's CREATE MODEL emulation. */
@ExtendWith(LocalRedshiftExtension.class)
class ChurnModelExampleIT {

  @Test
  void trainsWaitsForReadyAndPredictsInRedshift() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ChurnModelExample.Result r =
        new ChurnModelExample(
                ExampleSupport.spark(),
                ExampleSupport.options(),
                "ml_example_it",
                new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Duration.ofMinutes(2))
            .run();
    System.out.print(bytes.toString(StandardCharsets.UTF_8));

    // The local Redshift reports TRAINING to the first SHOW MODEL, then READY.
    assertEquals(List.of("TRAINING", "READY"), r.statesSeen());
    assertEquals("BINARY_CLASSIFICATION", r.model().get("Problem Type"));
    assertEquals("predict_customer_churn", r.model().get("Function Name"));
    assertEquals(
        "tenure_months monthly_calls support_tickets monthly_spend",
        r.model().get("Function Parameters"));
    assertTrue(
        r.model().get("S3 Bucket").equals(ExampleSupport.redshift().config().bucket()),
        r.model().toString());

    long heldOut =
        ExampleSupport.longValue(
            "SELECT count(*) FROM ml_example_it.customer_activity WHERE customer_id % 10 >= 8");
    assertEquals(400, heldOut);
    assertEquals(heldOut, r.predictedCustomers());
    // Churners and stayers are far apart, so the nearest-centroid model gets every one right.
    assertEquals(heldOut, r.correctPredictions());
    // The prediction function really runs in Redshift: the same query there agrees.
    assertEquals(
        heldOut,
        ExampleSupport.longValue(
            "SELECT count(*) FROM (" + r.predictionSql() + ") p WHERE predicted = churned"));
    long churned =
        ExampleSupport.longValue(
            "SELECT count(*) FROM ml_example_it.customer_activity"
                + " WHERE customer_id % 10 >= 8 AND churned");
    assertTrue(churned > 0 && churned < heldOut, "both classes are held out: " + churned);
    assertEquals(
        churned,
        ExampleSupport.longValue(
            "SELECT count(*) FROM (" + r.predictionSql() + ") p WHERE predicted"));
  }
}
