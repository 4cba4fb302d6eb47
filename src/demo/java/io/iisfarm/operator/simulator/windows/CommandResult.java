package io.iisfarm.operator.simulator.windows;

/**
 * What one {@code cmd /c} command line produced on a simulated host.
 *
 * @param changedHost whether the command changed the host's state (files, sites, metabase, backups);
 *     temp files a command creates and deletes within the same line do not count
 */
public record CommandResult(int exitCode, String stdout, String stderr, boolean changedHost) {}
