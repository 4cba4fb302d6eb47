package io.iisfarm.operator.simulator.wsman;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** One open WinRS shell: its owner, the console code page its output is written in, and its commands. */
final class ShellSession {
  private final String id = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
  private final String owner;
  private final String clientIp;
  private final int codePage;
  private final Map<String, CommandExecution> commands = new ConcurrentHashMap<>();

  ShellSession(String owner, String clientIp, int codePage) {
    this.owner = owner;
    this.clientIp = clientIp;
    this.codePage = codePage;
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

  /** The console code page its commands write in. */
  int codePage() {
    return codePage;
  }

  CommandExecution newCommand(String commandLine) {
    CommandExecution command = new CommandExecution(commandLine, codePage);
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
