package io.iisfarm.operator.status;

/** Condition types and every CamelCase reason the status uses. Host failure reasons: {@link HostFailure.Kind}. */
public final class ConditionReasons {
  public static final String READY = "Ready";
  public static final String HOSTS_REACHABLE = "HostsReachable";
  public static final String SITE_IDS_IN_SYNC = "SiteIdsInSync";
  public static final String MACHINE_KEYS_IN_SYNC = "MachineKeysInSync";
  public static final String PROGRESSING = "Progressing";
  public static final String DEGRADED = "Degraded";

  // farm-level blockers (Blocker.Kind)
  public static final String INVALID_SPEC = "InvalidSpec";
  public static final String SECRET_MISSING = "SecretMissing";
  public static final String SECRET_INVALID = "SecretInvalid";

  // Ready
  public static final String IN_SYNC = "InSync";
  public static final String DRIFT_DETECTED = "DriftDetected";
  public static final String NOT_IN_SYNC = "NotInSync";

  // HostsReachable
  public static final String ALL_HOSTS_REACHABLE = "AllHostsReachable";
  /** Hosts failed in different ways, or could not be read (Unknown elsewhere). */
  public static final String HOSTS_UNREACHABLE = "HostsUnreachable";
  public static final String NOT_CHECKED = "NotChecked";
  public static final String NO_HOSTS = "NoHosts";

  // SiteIdsInSync
  public static final String SITE_IDS_MATCH = "SiteIdsMatch";
  public static final String SITE_ID_DRIFT = "SiteIdDrift";
  public static final String APP_ROOT_DRIFT = "AppRootDrift";
  public static final String SITE_MISSING = "SiteMissing";
  public static final String SITE_ID_CONFLICT = "SiteIdConflict";

  // MachineKeysInSync
  public static final String MACHINE_KEYS_MATCH = "MachineKeysMatch";
  public static final String MACHINE_KEY_DRIFT = "MachineKeyDrift";
  public static final String INSECURE_TRANSPORT = "InsecureTransport";
  public static final String MACHINE_KEY_ENCRYPTED = "MachineKeyEncrypted";
  public static final String NOT_MANAGED = "NotManaged";

  // Progressing
  public static final String ROLLOUT_IN_PROGRESS = "RolloutInProgress";
  public static final String ROLLOUT_PENDING = "RolloutPending";
  public static final String CONVERGED = "Converged";
  public static final String NOTHING_TO_APPLY = "NothingToApply";
  public static final String AUDIT_MODE = "AuditMode";
  public static final String SUSPENDED = "Suspended";
  /** Ready and Progressing: steps wait for a maintenance window (none open, or the open one too short). */
  public static final String WAITING_FOR_MAINTENANCE_WINDOW = "WaitingForMaintenanceWindow";

  // Degraded
  public static final String ROLLED_BACK = "RolledBack";
  public static final String ROLLOUT_FAILED = "RolloutFailed";
  /** A site stopped answering as expected after a host's change; the host was restored from its backup. */
  public static final String HEALTH_CHECK_FAILED = "HealthCheckFailed";
  /** A host could not be taken out of its load balancer, so it was not changed. */
  public static final String DRAIN_FAILED = "DrainFailed";
  /** A changed host could not be put back into its load balancer; it stays out until a retry succeeds. */
  public static final String RESTORE_FAILED = "RestoreFailed";
  public static final String NO_FAILURES = "NoFailures";

  private ConditionReasons() {}
}
