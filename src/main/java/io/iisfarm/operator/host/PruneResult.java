package io.iisfarm.operator.host;

import java.util.List;

/** Older backups removed: the newest ones (by {@link BackupId}) kept, IIS backups and file backups alike. */
public record PruneResult(List<BackupId> kept, List<BackupId> removed, List<String> removedFiles,
    List<CommandRecord> commands) {

  public PruneResult {
    kept = List.copyOf(kept);
    removed = List.copyOf(removed);
    removedFiles = List.copyOf(removedFiles);
    commands = List.copyOf(commands);
  }
}
