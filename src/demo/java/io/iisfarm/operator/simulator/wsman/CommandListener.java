package io.iisfarm.operator.simulator.wsman;

/** Told after each command ran on the host, before its output is handed to the client. */
@FunctionalInterface
public interface CommandListener {
  void commandRan(JournalEntry entry);
}
