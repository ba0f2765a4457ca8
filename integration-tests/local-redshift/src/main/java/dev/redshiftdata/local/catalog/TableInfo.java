package dev.redshiftdata.local.catalog;

/**
 * One entry of ListTables: {@code type} is TABLE, VIEW, SYSTEM TABLE, ... (JDBC getTables
 * vocabulary).
 */
public record TableInfo(String name, String schema, String type) {}
