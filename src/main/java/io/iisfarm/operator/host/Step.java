package io.iisfarm.operator.host;

import io.iisfarm.operator.winrm.CommandOutput;
import io.iisfarm.operator.winrm.WinRmSession;
import java.util.ArrayList;
import java.util.List;

/** The commands of one driver step, also appended to the driver's journal. */
final class Step {
  private final WinRmSession session;
  private final List<CommandRecord> journal;
  private final List<CommandRecord> commands = new ArrayList<>();

  Step(WinRmSession session, List<CommandRecord> journal) {
    this.session = session;
    this.journal = journal;
  }

  /** Runs a command whose line may be shown. */
  CommandOutput run(String commandLine) {
    return run(commandLine, commandLine);
  }

  /** Runs a command, recording {@code action} in place of the line (for lines that carry file content). */
  CommandOutput run(String action, String commandLine) {
    CommandOutput output = session.run(Cmd.checked(commandLine));
    CommandRecord record = new CommandRecord(action, output.exitCode(), output.duration());
    commands.add(record);
    synchronized (journal) {
      journal.add(record);
    }
    return output;
  }

  /** Runs a command and requires exit code 0. */
  CommandOutput runChecked(String commandLine) {
    return run(commandLine).requireSuccess(session.host(), commandLine);
  }

  String host() {
    return session.host();
  }

  List<CommandRecord> commands() {
    return List.copyOf(commands);
  }
}
