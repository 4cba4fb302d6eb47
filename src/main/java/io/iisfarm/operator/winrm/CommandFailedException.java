package io.iisfarm.operator.winrm;

import java.util.List;

/**
 * A command ran and exited non-zero. The message names what was attempted (never the command line, which
 * may carry key material) with the exit code and the first stderr lines.
 */
public final class CommandFailedException extends WinRmException {
  private final String action;
  private final int exitCode;
  private final List<String> stderrHead;

  public CommandFailedException(String host, String action, int exitCode, List<String> stderrHead) {
    super(host, action + " failed with exit code " + exitCode
        + (stderrHead.isEmpty() ? "" : ": " + String.join(" | ", stderrHead)), null);
    this.action = action;
    this.exitCode = exitCode;
    this.stderrHead = List.copyOf(stderrHead);
  }

  /** What was attempted, e.g. {@code appcmd set site "Shop" /id:4}. */
  public String action() { return action; }

  public int exitCode() { return exitCode; }

  public List<String> stderrHead() { return stderrHead; }

  @Override
  public Kind kind() { return Kind.COMMAND_FAILED; }
}
