package dev.redshiftdata.local.bulk;

/**
 * How UNLOAD writes TIMESTAMP (without time zone) to Parquet. No dump of a real file is public: the
 * evidence (REDSHIFT_REFERENCE.md section 14) points to INT96 holding the wall-clock time as if it
 * were UTC, so that is the default; INT64 micros is the other candidate, so clients can be tested
 * against both.
 */
public enum TimestampEncoding {
  INT96,
  INT64_MICROS
}
