package io.iisfarm.operator.simulator.windows;

/**
 * Thrown when a command line asks for a real Windows command, tool or option that the simulator
 * does not emulate. The whole command line then fails with exit code 1 and
 * {@code simulator: not emulated: <command>} on stderr, so a gap is never mistaken for Windows behaviour.
 */
final class NotEmulatedException extends RuntimeException {
  NotEmulatedException(String command) {
    super(command, null, false, false);
  }

  String command() { return getMessage(); }
}
