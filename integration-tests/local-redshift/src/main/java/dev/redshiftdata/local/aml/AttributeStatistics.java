package dev.redshiftdata.local.aml;

/**
 * What ComputeStatistics found for one attribute: values present and missing (empty), distinct
 * values (CATEGORICAL, BINARY; counted up to {@link DataChecker#MAX_DISTINCT}), and for NUMERIC the
 * minimum, maximum and mean of the present values (null when none).
 */
public record AttributeStatistics(
    String name,
    String type,
    long present,
    long missing,
    Long distinct,
    Double min,
    Double max,
    Double mean) {}
