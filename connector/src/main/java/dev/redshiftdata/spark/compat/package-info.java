/**
 * The only code that names Spark's internal classes (file splits, Spark's Parquet reader and
 * writer, row projections, SQL executions, session state) or Scala collections. Everything else in
 * the connector uses Spark's public DataSource V2 API and these classes.
 *
 * <p>Most classes here have one body for every Spark line the connector builds for (3.5, 4.0, 4.1),
 * because the internals they call have kept their signatures. Classes whose body differs per line
 * ({@link dev.redshiftdata.spark.compat.SparkLine}, {@link
 * dev.redshiftdata.spark.compat.SparkTypes}) live in {@code src/main/spark-<line>/java}, one copy
 * per line with the same name; the build compiles the line's copy.
 */
package dev.redshiftdata.spark.compat;
