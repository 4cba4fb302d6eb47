package io.iisfarm.operator.simulator.wsman;

/** The WS-Management faults a simulated host can be told to answer an operation with. */
public enum WsmanFaultKind {
  /** {@code s:Sender / w:AccessDenied}, WSManFault code 5: the user may not use the shell. */
  ACCESS_DENIED,
  /** {@code s:Receiver / w:TimedOut}, code 2150858793: no answer within OperationTimeout. */
  TIMED_OUT,
  /** {@code s:Sender / w:QuotaLimit}, code 2150859173: MaxShellsPerUser exceeded. */
  QUOTA_LIMIT,
  /** {@code s:Sender / w:InvalidSelectors}, code 2150858843: the shell is not (any longer) there. */
  INVALID_SELECTORS
}
