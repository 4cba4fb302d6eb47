package io.iisfarm.operator.simulator;

import io.iisfarm.operator.simulator.wsman.HostFaults;
import io.iisfarm.operator.simulator.wsman.WsmanFaultKind;
import io.iisfarm.operator.simulator.wsman.WsmanOperation;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import io.iisfarm.operator.simulator.windows.ProgramFaults;

/**
 * The {@code faults:} key of a farm-file host; each field maps to one {@link HostFaults} setter.
 *
 * <pre>
 * faults:
 *   latency: 50ms
 *   refuseConnections: true
 *   unauthorized: true
 *   hang: true
 *   wsmanFault: {operation: Command, fault: AccessDenied}   # TimedOut, QuotaLimit, InvalidSelectors
 *   dropConnection: {onCommand: 3, when: beforeRun}        # or afterRun
 *   failCommands:
 *     - {pattern: 'appcmd set site', exitCode: 5, stderr: 'ERROR ( message:Access is denied. )'}
 *   failPrograms:                                          # one program inside a command line
 *     - {program: certutil, args: 'v4.0.30319.*machine.config', blockedBy: appLocker}   # or wdac, antimalware
 *     - {program: certutil, args: 'Framework64', exitCode: -2147024891, stdout: '...'}  # access denied
 *     - {program: cscript, args: 'ENUM_ALL', keepLines: 40, exitCode: -2147024891, stdout: '...'}  # stops half-way
 * </pre>
 */
public record FaultSettings(String latency, Boolean refuseConnections, Boolean unauthorized,
    Boolean hang, OperationFault wsmanFault, Drop dropConnection, List<FailingCommand> failCommands,
    List<FailingProgram> failPrograms) {

  /** A WS-Man fault answering every request of one operation. */
  public record OperationFault(String operation, String fault) {}

  /** The connection breaks during the {@code onCommand}th Command, before or after it ran. */
  public record Drop(int onCommand, String when) {}

  /** Command lines in which {@code pattern} is found exit with {@code exitCode} and stderr. */
  public record FailingCommand(String pattern, int exitCode, String stderr) {}

  /**
   * One program inside a command line fails: {@code program} (e.g. {@code certutil}) whose arguments contain a
   * match of {@code args}; blocked before it starts ({@code blockedBy}), or run keeping only its first
   * {@code keepLines} lines of output, or not run; then {@code stdout}/{@code stderr} and {@code exitCode}.
   */
  public record FailingProgram(String program, String args, String blockedBy, Integer keepLines, String stdout,
      String stderr, Integer exitCode) {

    ProgramFaults.ProgramFault toFault() {
      if (program == null || program.isBlank()) {
        throw new IllegalArgumentException("failPrograms: program is required");
      }
      ProgramFaults.Block block = blockedBy == null ? null : ProgramFaults.Block.fromName(blockedBy);
      if (block == null && exitCode == null) {
        throw new IllegalArgumentException("failPrograms: give blockedBy or exitCode for " + program);
      }
      return new ProgramFaults.ProgramFault(program, Pattern.compile(args == null ? "" : args), block, keepLines,
          stdout, stderr, block != null ? block.error() : exitCode);
    }
  }

  /** Sets these faults on the host's listener and its Windows emulation; throws on a value it does not know. */
  public void applyTo(HostFaults faults, HostBackend backend) {
    applyTo(faults);
    if (failPrograms != null) {
      failPrograms.forEach(f -> backend.programFaults().add(f.toFault()));
    }
  }

  /** Sets these faults on {@code faults}; throws on a value it does not know, naming it. */
  public void applyTo(HostFaults faults) {
    if (latency != null) {
      faults.latency(FarmDurations.parse(latency));
    }
    if (unauthorized != null) {
      faults.alwaysUnauthorized(unauthorized);
    }
    if (hang != null) {
      faults.hang(hang);
    }
    if (wsmanFault != null) {
      faults.faultOn(WsmanOperation.fromName(wsmanFault.operation()),
          WsmanFaultKind.valueOf(upperSnake(wsmanFault.fault())));
    }
    if (dropConnection != null) {
      String when = dropConnection.when() == null ? "beforeRun" : dropConnection.when();
      faults.dropConnectionOnCommand(dropConnection.onCommand(),
          HostFaults.DropPoint.valueOf(upperSnake(when)));
    }
    if (failCommands != null) {
      failCommands.forEach(f -> faults.failCommands(f.pattern(), f.exitCode(), f.stderr()));
    }
    if (refuseConnections != null) {
      faults.refuseConnections(refuseConnections);
    }
  }

  /** {@code AccessDenied} / {@code accessDenied} / {@code ACCESS_DENIED} to {@code ACCESS_DENIED}. */
  static String upperSnake(String name) {
    if (name == null) {
      throw new IllegalArgumentException("missing fault name");
    }
    if (name.contains("_")) {
      return name.trim().toUpperCase(Locale.ROOT);
    }
    return name.trim().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}
