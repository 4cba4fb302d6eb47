package io.iisfarm.operator.rollout;

import io.iisfarm.operator.api.InFlightStep;
import io.iisfarm.operator.host.HostTarget;
import io.iisfarm.operator.plan.HostPlan;

/**
 * A host to change: how to reach it, what the last read planned for it, and, when a previous operator left a
 * step on it unfinished, that step (its backup is the rollback point).
 */
public record HostChange(HostTarget target, HostPlan plan, InFlightStep unfinished) {

  public String host() { return target.name(); }

  public boolean resumes() { return unfinished != null; }
}
