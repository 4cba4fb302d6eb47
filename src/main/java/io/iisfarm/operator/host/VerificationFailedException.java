package io.iisfarm.operator.host;

/**
 * A change ran but reading back showed something else. {@link #restored()} says whether the driver already
 * put the previous state back (a config file from its backup); otherwise the caller restores.
 */
public final class VerificationFailedException extends HostChangeException {
  private final boolean restored;

  public VerificationFailedException(String host, String message, boolean restored) {
    super(host, message + (restored ? "; the previous file was restored from its backup" : ""));
    this.restored = restored;
  }

  public boolean restored() { return restored; }
}
