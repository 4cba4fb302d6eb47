package io.iisfarm.operator.simulator.wsman;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** One open WinRS shell: its owner, the code page its output is encoded in, and its commands. */
final class ShellSession {
  private final String id = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
  private final String owner;
  private final String clientIp;
  private final Charset outputCharset;
  private final Map<String, CommandExecution> commands = new ConcurrentHashMap<>();

  ShellSession(String owner, String clientIp, Charset outputCharset) {
    this.owner = owner;
    this.clientIp = clientIp;
    this.outputCharset = outputCharset;
  }

  String id() {
    return id;
  }

  String owner() {
    return owner;
  }

  String clientIp() {
    return clientIp;
  }

  Charset outputCharset() {
    return outputCharset;
  }

  CommandExecution newCommand(String commandLine) {
    CommandExecution command = new CommandExecution(commandLine, outputCharset);
    commands.put(command.id(), command);
    return command;
  }

  Optional<CommandExecution> command(String commandId) {
    return Optional.ofNullable(commands.get(commandId == null ? "" : commandId.toUpperCase(Locale.ROOT)));
  }

  void removeCommand(String commandId) {
    commands.remove(commandId.toUpperCase(Locale.ROOT));
  }

  int commandCount() {
    return commands.size();
  }
}
