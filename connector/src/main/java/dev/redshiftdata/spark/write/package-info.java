/**
 * The write path: {@code df.write.format("redshift-data")} in every save mode, and the catalog's
 * create/replace-table-as-select.
 *
 * <p>{@link dev.redshiftdata.spark.write.RedshiftWriteBuilder} records what Spark asked: append,
 * overwrite of every row ({@code SupportsTruncate}) or of the rows matching pushed predicates
 * ({@code SupportsOverwriteV2}); {@link dev.redshiftdata.spark.write.SaveModes} adds the
 * create-only modes. {@code RedshiftBatchWrite} describes the target, {@code WriteMode.choose}
 * decides what the write does (append, overwrite, merge on {@code mergeKeys}, recreate) and refuses
 * what cannot be written, and {@link dev.redshiftdata.spark.write.CommitPlanner}, without I/O,
 * plans the transaction: columns matched by name ({@link dev.redshiftdata.spark.sql.ColumnMatcher})
 * or a {@code CREATE TABLE} ({@link dev.redshiftdata.spark.sql.CreateTableStatement}), the
 * statements around the COPY. Executors stage snappy Parquet per task attempt ({@code
 * StagedDataWriter}, Spark's own Parquet write support) and report {@link
 * dev.redshiftdata.spark.write.StagedFiles}; {@link dev.redshiftdata.spark.write.StagedCommit}
 * loads exactly the committed files: {@code CommitTransaction} sends one BatchExecuteStatement
 * (statements before, COPY, a row-count check, statements after), idempotent through its
 * ClientToken, and the write's {@link dev.redshiftdata.spark.staging.StagingArea} holds the
 * manifest and is released (deleted) once the commit or abort ends. {@link
 * dev.redshiftdata.spark.write.DeferredCreateWrite} is the catalog's
 * create/replace-table-as-select: the same commit, run when Spark commits the staged table.
 */
package dev.redshiftdata.spark.write;
