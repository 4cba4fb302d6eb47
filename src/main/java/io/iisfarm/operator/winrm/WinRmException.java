package io.iisfarm.operator.winrm;

/**
 * A failure to run something on a host. Subtypes say what went wrong; messages say what to check and never
 * contain a password, key or command line.
 */
public abstract sealed class WinRmException extends RuntimeException
    permits HostUnreachableException, AuthenticationFailedException, WinRmTimeoutException, WsManFaultException,
        WinRmProtocolException, TlsException, CommandFailedException, WinRmConfigurationException,
        ReadIncompleteException {

  /** What kind of failure, for metrics, status reasons and retry decisions. */
  public enum Kind {
    UNREACHABLE, AUTHENTICATION, TIMEOUT, WSMAN_FAULT, PROTOCOL, TLS, COMMAND_FAILED, CONFIGURATION,
    /** A part of a read failed on the host (see {@link ReadIncompleteException}). */
    READ_INCOMPLETE,
    /** certutil was blocked by application control or anti-malware on the host. */
    CERTUTIL_BLOCKED
  }

  private final String host;

  protected WinRmException(String host, String message, Throwable cause) {
    super("host " + host + ": " + message, cause);
    this.host = host;
  }

  /** {@code host:port} of the host concerned. */
  public String host() { return host; }

  public abstract Kind kind();
}
