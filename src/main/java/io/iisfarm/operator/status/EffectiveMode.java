package io.iisfarm.operator.status;

import io.iisfarm.operator.api.IisFarmSpec;
import io.iisfarm.operator.api.Mode;

/** The mode a reconcile runs in: spec.mode, unless spec.suspend stops every change. */
public enum EffectiveMode {
  ENFORCE("Enforce"),
  AUDIT("Audit"),
  SUSPENDED("Suspended");

  private final String wireName;

  EffectiveMode(String wireName) {
    this.wireName = wireName;
  }

  /** As shown in status.mode and the Mode printer column. */
  public String wireName() { return wireName; }

  /** Whether this mode changes hosts. */
  public boolean changesHosts() { return this == ENFORCE; }

  public static EffectiveMode of(IisFarmSpec spec) {
    if (Boolean.TRUE.equals(spec.getSuspend())) {
      return SUSPENDED;
    }
    return spec.getMode() == Mode.AUDIT ? AUDIT : ENFORCE;
  }
}
