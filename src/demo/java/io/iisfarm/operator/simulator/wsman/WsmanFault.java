package io.iisfarm.operator.simulator.wsman;

/**
 * A SOAP fault as WinRM sends it: HTTP 500 with an {@code s:Fault} whose detail is a
 * {@code f:WSManFault} carrying the Windows error code and message. Texts are Windows' own (English
 * locale), with the trailing blanks Windows leaves; sources in docs/simulator.md.
 */
record WsmanFault(String code, String subcode, String reason, String faultDetail, Long wsmanCode,
    String message) {

  private static final String INVALID_SELECTORS_REASON = "The WS-Management service cannot process "
      + "the request because the request contained invalid selectors for the resource. ";
  private static final String UNEXPECTED_SELECTORS_DETAIL =
      "http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/UnexpectedSelectors";

  /** ERROR_WSMAN_UNEXPECTED_SELECTORS (0x8033805B): no shell with that ShellId. */
  static WsmanFault shellNotFound(String shellId) {
    return new WsmanFault("s:Sender", "w:InvalidSelectors", INVALID_SELECTORS_REASON,
        UNEXPECTED_SELECTORS_DETAIL, 2150858843L,
        "The request for the Windows Remote Shell with ShellId " + shellId + " failed because the "
            + "shell was not found on the server. Possible causes are: the specified ShellId is "
            + "incorrect or the shell no longer exists on the server. Provide the correct ShellId "
            + "or create a new shell and retry the operation. ");
  }

  /** A CommandId the shell does not know (never issued, or already terminated). */
  static WsmanFault commandNotFound() {
    return new WsmanFault("s:Sender", "w:InvalidSelectors", INVALID_SELECTORS_REASON,
        UNEXPECTED_SELECTORS_DETAIL, 2150858843L,
        "The Windows Remote Shell received a request to perform an operation on a command "
            + "identifier that does not exist. Either the command has completed execution or the "
            + "client specified an invalid command identifier. ");
  }

  /** ERROR_WSMAN_QUOTA_MAX_SHELLS (2150859173), MS-WSMV 3.1.4.5.2.1 wsman:QuotaLimit. */
  static WsmanFault shellQuotaExceeded(int maxShellsPerUser) {
    return new WsmanFault("s:Sender", "w:QuotaLimit",
        "The WS-Management service cannot process the request. The maximum number of concurrent "
            + "shells for this user has been exceeded. Close existing shells or raise the quota "
            + "for this user. ",
        null, 2150859173L,
        "The WS-Management service cannot process the request. This user is allowed a maximum "
            + "number of " + maxShellsPerUser + " concurrent shells, which has been exceeded. "
            + "Close existing shells or raise the quota for this user. ");
  }

  /**
   * ERROR_WSMAN_QUOTA_MAX_SHELLUSERS (2150859179): a new user would exceed MaxConcurrentUsers. The wording is
   * modelled on the MaxShellsPerUser fault; Windows' exact text could not be checked.
   */
  static WsmanFault tooManyUsers(int maxConcurrentUsers) {
    String text = "The WS-Management service cannot process the request. The maximum number of concurrent users"
        + " (" + maxConcurrentUsers + ") for this service has been exceeded. Close existing shells or raise the"
        + " quota (MaxConcurrentUsers). ";
    return new WsmanFault("s:Sender", "w:QuotaLimit", text, null, 2150859179L, text);
  }

  /**
   * ERROR_WSMAN_INVALID_TIMEOUT_HEADER (2150858881): an OperationTimeout above the service's MaxTimeoutms.
   * That Windows answers this with a fault is reported (knife-windows pull request 166: 2008 R2 needs a raised
   * MaxTimeoutms for a client's longer timeout); code and wording here are the closest documented ones.
   */
  static WsmanFault timeoutAboveMaximum(long maxTimeoutMs) {
    String text = "The WS-Management service cannot process the request because the OperationTimeout in the"
        + " request exceeds the maximum (MaxTimeoutms = " + maxTimeoutMs + "). ";
    return new WsmanFault("s:Sender", "w:InvalidHeader", text, null, 2150858881L, text);
  }

  /** ERROR_WSMAN_OPERATION_TIMEDOUT (2150858793), MS-WSMV 3.1.4.14: Receive with no output yet. */
  static WsmanFault operationTimedOut() {
    String text = "The WS-Management service cannot complete the operation within the time "
        + "specified in OperationTimeout.  ";
    return new WsmanFault("s:Receiver", "w:TimedOut", text, null, 2150858793L, text);
  }

  /** DSP0226 wsman:AccessDenied with Win32 ERROR_ACCESS_DENIED (5). */
  static WsmanFault accessDenied() {
    return new WsmanFault("s:Sender", "w:AccessDenied", "Access is denied. ", null, 5L,
        "Access is denied. ");
  }

  /** WS-Addressing / DSP0226 wsa:ActionNotSupported: an action this shell endpoint does not serve. */
  static WsmanFault actionNotSupported() {
    return new WsmanFault("s:Sender", "a:ActionNotSupported",
        "The action is not supported by the service. ", null, null, null);
  }

  static WsmanFault of(WsmanFaultKind kind, String shellId, int maxShellsPerUser) {
    return switch (kind) {
      case ACCESS_DENIED -> accessDenied();
      case TIMED_OUT -> operationTimedOut();
      case QUOTA_LIMIT -> shellQuotaExceeded(maxShellsPerUser);
      case INVALID_SELECTORS -> shellNotFound(shellId == null ? "" : shellId);
    };
  }
}
