package io.iisfarm.operator.host;

import io.iisfarm.operator.model.HostObservation;
import java.util.List;

/**
 * A step rolled back: the IIS configuration restored from its backup, config files copied back from theirs,
 * and the sites that were running started again.
 */
public record RestoreResult(BackupId id, List<String> filesRestored, List<String> sitesStarted,
    HostObservation after, List<CommandRecord> commands) {

  public RestoreResult {
    filesRestored = List.copyOf(filesRestored);
    sitesStarted = List.copyOf(sitesStarted);
    commands = List.copyOf(commands);
  }
}
