package io.iisfarm.operator.host;

import java.util.List;

/** An IIS configuration backup taken: {@code appcmd add backup} or {@code iisback.vbs /backup}. */
public record BackupResult(BackupId id, String iisBackupName, List<CommandRecord> commands) {
  public BackupResult {
    commands = List.copyOf(commands);
  }
}
