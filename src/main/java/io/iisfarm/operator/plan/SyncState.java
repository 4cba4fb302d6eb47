package io.iisfarm.operator.plan;

/** Whether one aspect of a host matches the spec; UNKNOWN when it could not be checked. */
public enum SyncState {
  TRUE,
  FALSE,
  UNKNOWN;

  /** The Kubernetes condition status spelling: True, False or Unknown. */
  public String conditionStatus() {
    return switch (this) {
      case TRUE -> "True";
      case FALSE -> "False";
      case UNKNOWN -> "Unknown";
    };
  }

  /** TRUE only when both are TRUE; FALSE wins over UNKNOWN. */
  public SyncState and(SyncState other) {
    if (this == FALSE || other == FALSE) {
      return FALSE;
    }
    return this == TRUE && other == TRUE ? TRUE : UNKNOWN;
  }
}
