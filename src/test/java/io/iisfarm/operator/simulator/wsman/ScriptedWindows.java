package io.iisfarm.operator.simulator.wsman;

import io.iisfarm.operator.simulator.windows.CommandResult;
import io.iisfarm.operator.simulator.windows.CommandRunner;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny stand-in for the emulated Windows host in tests of the WinRM layer alone: a few cmd
 * built-ins with Windows' output, and a command that waits until released.
 */
final class ScriptedWindows implements CommandRunner {
  static final String VER = "\r\nMicrosoft Windows [Version 10.0.17763.3650]\r\n";

  private final AtomicInteger changes = new AtomicInteger();
  private volatile CountDownLatch release = new CountDownLatch(1);

  @Override
  public CommandResult run(String commandLine) {
    String line = commandLine.trim();
    if (line.equalsIgnoreCase("ver")) {
      return new CommandResult(0, VER, "", false);
    }
    if (line.toLowerCase().startsWith("echo ")) {
      return new CommandResult(0, console(line.substring(5) + "\r\n"), "", false);
    }
    if (line.toLowerCase().startsWith("exit /b ")) {
      return new CommandResult(Integer.parseInt(line.substring(8).trim()), "", "", false);
    }
    if (line.equalsIgnoreCase("change")) {
      changes.incrementAndGet();
      return new CommandResult(0, "changed\r\n", "", true);
    }
    if (line.startsWith("big ")) {
      return new CommandResult(0, "x".repeat(Integer.parseInt(line.substring(4))), "", false);
    }
    if (line.equalsIgnoreCase("wait")) {
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new CommandResult(0, "waited\r\n", "", false);
    }
    String program = line.split("\\s+", 2)[0];
    return new CommandResult(9009, "", "'" + program + "' is not recognized as an internal or "
        + "external command,\r\noperable program or batch file.\r\n", false);
  }

  /** Console bytes as the emulated host hands them over: code page 437, one char per byte. */
  static String console(String text) {
    return new String(text.getBytes(java.nio.charset.Charset.forName("IBM437")),
        java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  void releaseWaiting() {
    release.countDown();
  }

  int changes() {
    return changes.get();
  }
}
