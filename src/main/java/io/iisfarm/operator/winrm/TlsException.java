package io.iisfarm.operator.winrm;

/** The TLS handshake failed: untrusted certificate, wrong host name, or no protocol both sides allow. */
public final class TlsException extends WinRmException {
  public TlsException(String host, String message, Throwable cause) {
    super(host, message, cause);
  }

  @Override
  public Kind kind() { return Kind.TLS; }
}
