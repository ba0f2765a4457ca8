package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.config.ConnectionOptions;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import org.apache.spark.sql.connector.read.InputPartition;

/**
 * A finished statement's result to page: its id, its result encoding (JSON pages from
 * GetStatementResult or CSV pages from GetStatementResultV2) and how to reach the Data API (no
 * secret).
 */
record DirectInputPartition(
    String statementId, StatementRequest.Format format, ConnectionOptions connection)
    implements InputPartition {}
