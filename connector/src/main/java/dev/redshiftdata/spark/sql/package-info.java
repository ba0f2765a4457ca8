/**
 * Pure SQL generation for Redshift: identifier quoting and {@code dbtable} parsing, literal
 * rendering, predicate and aggregate compilation from Spark's V2 connector expressions, the read
 * {@code SELECT}, {@code UNLOAD} and {@code COPY} statements, staging URL schemes, the {@code
 * CREATE TABLE} additions of the table options ({@link dev.redshiftdata.spark.sql.TableProperties})
 * and the statements of an upsert ({@link dev.redshiftdata.spark.sql.MergeStatements}).
 *
 * <p>Nothing here talks to the network or needs a SparkSession. Identifiers are quoted in exactly
 * one place ({@link dev.redshiftdata.spark.sql.Identifiers}) and values are escaped in exactly one
 * place ({@link dev.redshiftdata.spark.sql.Literals}); compilers allow constructs by name and
 * answer {@link java.util.Optional#empty()} for anything else, so an unsupported predicate stays in
 * Spark instead of failing the query.
 */
package dev.redshiftdata.spark.sql;
