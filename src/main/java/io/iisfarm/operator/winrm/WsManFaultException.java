package io.iisfarm.operator.winrm;

/**
 * The host answered with a WS-Management SOAP fault. {@link #code()} is the WSManFault Code attribute
 * (a Windows error number such as {@code 2150858843}), or null when the fault carried none.
 */
public final class WsManFaultException extends WinRmException {
  private final String code;
  private final String reason;

  public WsManFaultException(String host, String code, String reason, String message, Throwable cause) {
    super(host, message, cause);
    this.code = code;
    this.reason = reason;
  }

  public String code() { return code; }

  /** The fault's reason text as the host sent it. */
  public String reason() { return reason; }

  @Override
  public Kind kind() { return Kind.WSMAN_FAULT; }
}
