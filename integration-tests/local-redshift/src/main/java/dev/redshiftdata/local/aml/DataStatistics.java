package dev.redshiftdata.local.aml;

import java.util.List;

/**
 * What reading a datasource's data found: the files and bytes read, observations accepted and
 * rejected (larger than the observation limit), the observations the DataRearrangement selects, and
 * per-attribute statistics (empty unless ComputeStatistics was requested).
 */
public record DataStatistics(
    long files,
    long bytes,
    long observations,
    long rejectedObservations,
    long selectedObservations,
    List<AttributeStatistics> attributes) {}
