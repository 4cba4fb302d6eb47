package io.iisfarm.operator.simulator.wsman;

import java.time.Instant;

/**
 * One command a simulated host received over WinRM.
 *
 * @param time when the command finished on the host
 * @param commandLine the command line as cmd.exe received it
 * @param exitCode its exit code
 * @param changedHost whether it changed the host's state (an injected failure never does)
 */
public record JournalEntry(Instant time, String commandLine, int exitCode, boolean changedHost) {}
