package dev.redshiftdata.examples.quickstart;

import dev.redshiftdata.examples.local.LocalRun;

/**
 * The quickstart command: runs the {@link Quickstart} on a local Redshift it starts and stops.
 *
 * <pre>
 * mvn -q -pl examples -am compile -Pquickstart
 * </pre>
 */
public final class QuickstartMain {
  private QuickstartMain() {}

  public static void main(String[] args) throws Exception {
    LocalRun.run(
        "redshift-data quickstart",
        (spark, options, out) -> {
          new Quickstart(spark, options, out).run();
          out.println(
              "\nDone. Next: mvn -B verify runs every test; README.md's Examples section lists the"
                  + " examples.");
        });
  }
}
