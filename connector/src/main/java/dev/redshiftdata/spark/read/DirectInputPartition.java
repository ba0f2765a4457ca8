package dev.redshiftdata.spark.read;

import org.apache.spark.sql.connector.read.InputPartition;

/** A finished statement's result to page: its id and how to reach the Data API (no secret). */
record DirectInputPartition(String statementId, ExecutorConnection connection)
    implements InputPartition {}
