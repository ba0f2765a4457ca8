package dev.redshiftdata.local.bulk;

/** Rows a COPY loaded, and rows it skipped under MAXERROR. */
public record CopyResult(long rowsLoaded, long rowsSkipped) {}
