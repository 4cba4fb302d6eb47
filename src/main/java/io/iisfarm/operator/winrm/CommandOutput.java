package io.iisfarm.operator.winrm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one command printed and its exit code. {@code toString()} shows sizes only: output may hold key
 * material (a config file's base64).
 */
public record CommandOutput(int exitCode, String stdout, String stderr, Duration duration) {

  /** How many stderr lines an error message quotes. */
  public static final int STDERR_HEAD_LINES = 3;

  public CommandOutput {
    stdout = stdout == null ? "" : stdout;
    stderr = stderr == null ? "" : stderr;
    duration = duration == null ? Duration.ZERO : duration;
  }

  public boolean succeeded() { return exitCode == 0; }

  /**
   * Returns this output when the exit code is 0, else throws a {@link CommandFailedException}.
   *
   * @param host {@code host:port} for the message
   * @param action what was attempted, safe to show (no key material)
   */
  public CommandOutput requireSuccess(String host, String action) {
    if (exitCode != 0) {
      throw new CommandFailedException(host, action, exitCode, errorHead());
    }
    return this;
  }

  /** The first non-blank lines of stderr, or of stdout when stderr is empty (cmd tools often print errors there). */
  public List<String> errorHead() {
    List<String> head = firstLines(stderr);
    return head.isEmpty() ? firstLines(stdout) : head;
  }

  private static List<String> firstLines(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\r?\n")) {
      if (!line.isBlank()) {
        lines.add(line.strip());
        if (lines.size() == STDERR_HEAD_LINES) {
          break;
        }
      }
    }
    return lines;
  }

  @Override
  public String toString() {
    return "CommandOutput[exitCode=" + exitCode + ", stdout=" + stdout.length() + " chars, stderr="
        + stderr.length() + " chars, " + duration.toMillis() + " ms]";
  }
}
