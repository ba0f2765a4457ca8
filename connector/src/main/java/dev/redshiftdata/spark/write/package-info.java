/**
 * The write path: {@code df.write.format("redshift-data")} in {@code append} and {@code overwrite}.
 *
 * <p>{@link dev.redshiftdata.spark.write.RedshiftWriteBuilder} chooses append, overwrite of every
 * row ({@code SupportsTruncate}) or of the rows matching pushed predicates ({@code
 * SupportsOverwriteV2}); {@code RedshiftBatchWrite} describes the target, matches columns by name
 * ({@link dev.redshiftdata.spark.sql.ColumnMatcher}) or plans a {@code CREATE TABLE} ({@link
 * dev.redshiftdata.spark.sql.CreateTableStatement}); executors stage snappy Parquet per task
 * attempt ({@code StagedDataWriter}, Spark's own Parquet write support) and report {@link
 * dev.redshiftdata.spark.write.StagedFiles}; {@link dev.redshiftdata.spark.write.StagedCommit}
 * loads exactly the committed files with one BatchExecuteStatement (statements before, COPY, a
 * row-count check, statements after), idempotent through its ClientToken, and deletes the staging
 * prefix. {@code StagedCommit} is the piece the catalog's create/replace-table-as-select reuses.
 */
package dev.redshiftdata.spark.write;
