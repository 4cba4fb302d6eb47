package io.iisfarm.operator.rollout;

/**
 * @param maxUnavailable hosts changed (and so disrupted) at the same time
 * @param backupsToKeep operator backups kept per host after a successful step
 * @param allowKeyTransferOverHttp whether machine.config may be written over plain http
 * @param drain how hosts are taken out of the load balancer around their change
 * @param health what each changed host must answer before it goes back
 * @param admission whether a new host step may start (maintenance windows)
 */
public record RolloutSettings(int maxUnavailable, int backupsToKeep, boolean allowKeyTransferOverHttp,
    DrainSettings drain, HealthSettings health, StepAdmission admission) {

  public RolloutSettings(int maxUnavailable, int backupsToKeep, boolean allowKeyTransferOverHttp) {
    this(maxUnavailable, backupsToKeep, allowKeyTransferOverHttp, DrainSettings.NONE, HealthSettings.NONE,
        StepAdmission.ALWAYS);
  }

  public RolloutSettings {
    drain = drain == null ? DrainSettings.NONE : drain;
    health = health == null ? HealthSettings.NONE : health;
    admission = admission == null ? StepAdmission.ALWAYS : admission;
    if (maxUnavailable < 1) {
      throw new IllegalArgumentException("maxUnavailable must be at least 1");
    }
    if (backupsToKeep < 1) {
      throw new IllegalArgumentException("backupsToKeep must be at least 1");
    }
  }
}
