package io.iisfarm.operator.winrm;

/**
 * The host answered, but one part of what a command read is missing or reports its own failure (a program
 * that exited non-zero, or was blocked): the read is incomplete and nothing may be decided on it.
 * {@link #part()} names the part, {@link #exitCode()} is the failing program's exit code when known.
 * {@link #kind()} is {@link Kind#CERTUTIL_BLOCKED} when certutil was kept from running by application control
 * or anti-malware, else {@link Kind#READ_INCOMPLETE}.
 */
public final class ReadIncompleteException extends WinRmException {
  private final String part;
  private final Integer exitCode;
  private final boolean certutilBlocked;

  public ReadIncompleteException(String host, String part, Integer exitCode, boolean certutilBlocked,
      String message) {
    super(host, message, null);
    this.part = part;
    this.exitCode = exitCode;
    this.certutilBlocked = certutilBlocked;
  }

  /** The part of the read that failed, e.g. {@code metabase} or {@code file:v4.0/64/machine.config}. */
  public String part() { return part; }

  /** The failing program's exit code, or null when the part was cut short without one. */
  public Integer exitCode() { return exitCode; }

  @Override
  public Kind kind() { return certutilBlocked ? Kind.CERTUTIL_BLOCKED : Kind.READ_INCOMPLETE; }
}
