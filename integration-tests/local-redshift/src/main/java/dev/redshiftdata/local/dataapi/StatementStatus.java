package dev.redshiftdata.local.dataapi;

/** StatementStatusString of the service model. */
enum StatementStatus {
  SUBMITTED,
  PICKED,
  STARTED,
  FINISHED,
  FAILED,
  ABORTED;

  boolean active() {
    return this == SUBMITTED || this == PICKED || this == STARTED;
  }
}
