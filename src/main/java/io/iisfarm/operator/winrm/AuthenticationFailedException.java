package io.iisfarm.operator.winrm;

/** The host answered HTTP 401: the credentials or the auth scheme were not accepted. */
public final class AuthenticationFailedException extends WinRmException {
  public AuthenticationFailedException(String host, String message, Throwable cause) {
    super(host, message, cause);
  }

  @Override
  public Kind kind() { return Kind.AUTHENTICATION; }
}
