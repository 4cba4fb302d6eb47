package io.iisfarm.operator.host;

import io.iisfarm.operator.model.ConfigLocation;
import java.util.List;

/**
 * One config file given the desired machineKey, written and read back byte for byte.
 *
 * @param changed false when the file already held it (nothing was backed up or written)
 * @param backupPath the copy of the previous file beside it, or null when unchanged
 * @param fingerprintBefore the machineKey fingerprint before ({@code none} when absent)
 */
public record ConfigWrite(ConfigLocation location, String path, boolean changed, String backupPath,
    String fingerprintBefore, String fingerprintAfter, List<CommandRecord> commands) {

  public ConfigWrite {
    commands = List.copyOf(commands);
  }
}
