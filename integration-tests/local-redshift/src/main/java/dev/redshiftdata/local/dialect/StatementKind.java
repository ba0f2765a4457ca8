package dev.redshiftdata.local.dialect;

/** The statement kinds whose Redshift behaviour differs from PostgreSQL's. */
public enum StatementKind {
  /** TRUNCATE: commits the open transaction implicitly in Redshift. */
  TRUNCATE,
  /** SET/RESET enable_case_sensitive_identifier: changes how later statements fold identifiers. */
  SET_CASE_SENSITIVE_IDENTIFIER,
  /** UNLOAD ... TO 's3://...': handled by the local Redshift's bulk path, not by PostgreSQL. */
  UNLOAD,
  /** COPY ... FROM 's3://...': handled by the local Redshift's bulk path, not by PostgreSQL. */
  COPY,
  /** BEGIN/START TRANSACTION, COMMIT/END, ROLLBACK/ABORT. */
  TRANSACTION_CONTROL,
  OTHER
}
