/**
 * Amazon ML datasource emission: a write can leave behind CSV files, a data schema and {@code
 * CreateDataSourceFromS3} / {@code CreateDataSourceFromRedshift} request specs that Amazon ML
 * accepts without hand work.
 *
 * <p>Pure parts, unit-tested on their own: {@link dev.redshiftdata.spark.amazonml.CsvLineEncoder}
 * (Amazon ML's CSV rules), {@link dev.redshiftdata.spark.amazonml.CsvValues} (how Spark values
 * become CSV text), {@link dev.redshiftdata.spark.amazonml.ColumnStats} and {@link
 * dev.redshiftdata.spark.amazonml.SchemaInference} (attribute types), {@link
 * dev.redshiftdata.spark.amazonml.DataSchema}, {@link dev.redshiftdata.spark.amazonml.EmissionPlan}
 * (layout and resolved request fields), {@link dev.redshiftdata.spark.amazonml.RequestSpecs} and
 * {@link dev.redshiftdata.spark.amazonml.SpecValidation} (the service's constraints). I/O, through
 * Hadoop's FileSystem only: {@link dev.redshiftdata.spark.amazonml.CsvTaskWriter} on executors,
 * {@link dev.redshiftdata.spark.amazonml.AmazonMlEmission} on the driver (check before the COPY,
 * publish after it). The write path ({@code write/RedshiftBatchWrite}, {@code
 * write/AmazonMlOnlyWrite}) wires them in; a published write's specs ({@link
 * dev.redshiftdata.spark.amazonml.AmazonMlEmission.Result#specs()}) are what a submission sends.
 */
package dev.redshiftdata.spark.amazonml;
