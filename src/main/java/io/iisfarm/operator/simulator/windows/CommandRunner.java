package io.iisfarm.operator.simulator.windows;

/** What the WinRM server asks of a simulated Windows host: run one command line as cmd.exe would. */
public interface CommandRunner {

  /**
   * Runs {@code commandLine} (what a WinRM Command carries: the program and its arguments joined
   * as cmd.exe receives them) and returns its output and exit code. Thread-safe.
   */
  CommandResult run(String commandLine);
}
