package io.iisfarm.operator.winrm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one command printed and its exit code. {@code toString()} shows sizes only: output may hold key
 * material (a config file's base64).
 *
 * @param raw the output as the shell sent it, before decoding: what a recorded transcript keeps
 */
public record CommandOutput(int exitCode, String stdout, String stderr, Duration duration, Raw raw) {

  /** How many stderr lines an error message quotes. */
  public static final int STDERR_HEAD_LINES = 3;

  /**
   * The bytes of both streams as received, and the console code page the shell wrote them in. {@code toString()}
   * shows sizes only.
   */
  public record Raw(byte[] stdout, byte[] stderr, int codePage) {
    public Raw {
      stdout = stdout == null ? new byte[0] : stdout.clone();
      stderr = stderr == null ? new byte[0] : stderr.clone();
    }

    @Override
    public byte[] stdout() { return stdout.clone(); }

    @Override
    public byte[] stderr() { return stderr.clone(); }

    @Override
    public boolean equals(Object o) {
      return o instanceof Raw r && codePage == r.codePage && Arrays.equals(stdout, r.stdout)
          && Arrays.equals(stderr, r.stderr);
    }

    @Override
    public int hashCode() { return 31 * Arrays.hashCode(stdout) + Arrays.hashCode(stderr) + codePage; }

    @Override
    public String toString() {
      return "Raw[stdout=" + stdout.length + " bytes, stderr=" + stderr.length + " bytes, codePage=" + codePage + "]";
    }
  }

  public CommandOutput {
    stdout = stdout == null ? "" : stdout;
    stderr = stderr == null ? "" : stderr;
    duration = duration == null ? Duration.ZERO : duration;
    if (raw == null) {
      raw = new Raw(stdout.getBytes(CmdShell.CHARSET), stderr.getBytes(CmdShell.CHARSET), CmdShell.CODE_PAGE);
    }
  }

  /** Output that did not come from a shell (tests, fakes): its raw form is the text in code page 437. */
  public CommandOutput(int exitCode, String stdout, String stderr, Duration duration) {
    this(exitCode, stdout, stderr, duration, null);
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
