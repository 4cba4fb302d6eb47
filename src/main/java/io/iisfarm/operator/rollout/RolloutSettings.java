package io.iisfarm.operator.rollout;

/**
 * @param maxUnavailable hosts changed (and so disrupted) at the same time
 * @param backupsToKeep operator backups kept per host after a successful step
 * @param allowKeyTransferOverHttp whether machine.config may be written over plain http
 */
public record RolloutSettings(int maxUnavailable, int backupsToKeep, boolean allowKeyTransferOverHttp) {

  public RolloutSettings {
    if (maxUnavailable < 1) {
      throw new IllegalArgumentException("maxUnavailable must be at least 1");
    }
    if (backupsToKeep < 1) {
      throw new IllegalArgumentException("backupsToKeep must be at least 1");
    }
  }
}
