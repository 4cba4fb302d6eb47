package io.iisfarm.operator.simulator.windows;

/** A command line cmd.exe refuses to parse; nothing of it runs. */
final class CmdSyntaxException extends RuntimeException {
  CmdSyntaxException(String message) {
    super(message, null, false, false);
  }

  static CmdSyntaxException incorrect() {
    return new CmdSyntaxException("The syntax of the command is incorrect.");
  }

  static CmdSyntaxException unexpected(String token) {
    return new CmdSyntaxException(token + " was unexpected at this time.");
  }
}
