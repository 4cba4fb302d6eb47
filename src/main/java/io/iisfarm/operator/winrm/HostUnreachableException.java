package io.iisfarm.operator.winrm;

/** The host could not be reached or dropped the connection: refused, unknown name, no route, reset. */
public final class HostUnreachableException extends WinRmException {
  public HostUnreachableException(String host, String message, Throwable cause) {
    super(host, message, cause);
  }

  @Override
  public Kind kind() { return Kind.UNREACHABLE; }
}
