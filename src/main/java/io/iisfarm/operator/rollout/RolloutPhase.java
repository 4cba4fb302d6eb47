package io.iisfarm.operator.rollout;

/** Where a host's step is: out of the load balancer, changed, read back, its sites checked, put back. */
public enum RolloutPhase {
  DRAIN("Drain"),
  CHANGE("Change"),
  VERIFY("Verify"),
  HEALTH("Health"),
  RESTORE("Restore");

  private final String wireName;

  RolloutPhase(String wireName) {
    this.wireName = wireName;
  }

  /** As status shows it. */
  public String wireName() { return wireName; }

  public static RolloutPhase of(String wireName) {
    for (RolloutPhase p : values()) {
      if (p.wireName.equals(wireName)) {
        return p;
      }
    }
    return null;
  }
}
