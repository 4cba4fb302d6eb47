package io.iisfarm.operator.host;

/**
 * A change on a host was refused or did not verify. Transport failures are
 * {@link io.iisfarm.operator.winrm.WinRmException}s instead.
 */
public abstract sealed class HostChangeException extends RuntimeException
    permits ConfigEditException, SiteIdConflictException, SiteNotFoundException, VerificationFailedException,
        InsecureTransportException {

  private final String host;

  protected HostChangeException(String host, String message) {
    super("host " + host + ": " + message);
    this.host = host;
  }

  public String host() { return host; }
}
