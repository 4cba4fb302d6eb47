package io.iisfarm.operator.simulator.wsman;

import io.iisfarm.operator.simulator.windows.CommandResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One Command in a shell: running until its result arrives, then drained by one or more Receives
 * (several when the output exceeds what fits in one envelope).
 */
final class CommandExecution {
  private final String id = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
  private final String commandLine;
  private final int codePage;
  private final List<Runnable> whenDone = new ArrayList<>();
  private CommandResult result;
  private byte[] stdout = new byte[0];
  private byte[] stderr = new byte[0];
  private int stdoutSent;
  private int stderrSent;

  CommandExecution(String commandLine, int codePage) {
    this.commandLine = commandLine;
    this.codePage = codePage;
  }

  int codePage() {
    return codePage;
  }

  String id() {
    return id;
  }

  String commandLine() {
    return commandLine;
  }

  void complete(CommandResult commandResult) {
    List<Runnable> callbacks;
    synchronized (this) {
      if (result != null) {
        return;
      }
      result = commandResult;
      // already console bytes in the shell's code page, one char per byte
      stdout = nullToEmpty(commandResult.stdout()).getBytes(StandardCharsets.ISO_8859_1);
      stderr = nullToEmpty(commandResult.stderr()).getBytes(StandardCharsets.ISO_8859_1);
      callbacks = List.copyOf(whenDone);
      whenDone.clear();
    }
    callbacks.forEach(Runnable::run);
  }

  synchronized boolean isDone() {
    return result != null;
  }

  /** Runs {@code callback} once the result is there (at once if it already is). */
  void whenDone(Runnable callback) {
    synchronized (this) {
      if (result == null) {
        whenDone.add(callback);
        return;
      }
    }
    callback.run();
  }

  /** Takes the next part of the output, at most {@code budget} bytes of it; only once done. */
  synchronized OutputChunk nextChunk(int budget) {
    int outLength = Math.min(stdout.length - stdoutSent, Math.max(budget, 0));
    int errLength = Math.min(stderr.length - stderrSent, Math.max(budget - outLength, 0));
    byte[] out = Arrays.copyOfRange(stdout, stdoutSent, stdoutSent + outLength);
    byte[] err = Arrays.copyOfRange(stderr, stderrSent, stderrSent + errLength);
    stdoutSent += outLength;
    stderrSent += errLength;
    boolean last = stdoutSent == stdout.length && stderrSent == stderr.length;
    return new OutputChunk(out, err, last, result.exitCode());
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  record OutputChunk(byte[] stdout, byte[] stderr, boolean last, int exitCode) {}
}
