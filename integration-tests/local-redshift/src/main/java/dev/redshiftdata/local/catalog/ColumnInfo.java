package dev.redshiftdata.local.catalog;

/**
 * One column as the Data API describes it in {@code ColumnMetadata} (GetStatementResult and
 * DescribeTable). {@code label} and {@code columnDefault} may be null (omitted from JSON).
 */
public record ColumnInfo(
    String name,
    String label,
    String typeName,
    int precision,
    int scale,
    int length,
    int nullable,
    boolean isSigned,
    boolean isCaseSensitive,
    boolean isCurrency,
    String schemaName,
    String tableName,
    String columnDefault) {}
