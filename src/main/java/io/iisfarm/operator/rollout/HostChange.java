package io.iisfarm.operator.rollout;

import io.iisfarm.operator.api.InFlightStep;
import io.iisfarm.operator.host.HostTarget;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.plan.HostPlan;

/**
 * A host to change: how to reach it (over WinRM, and its sites for health checks), what the last read planned
 * for it (and the read itself, null when not at hand), and, when a previous operator left a step on it
 * unfinished, that step (its backup is the rollback point).
 */
public record HostChange(HostTarget target, HostPlan plan, InFlightStep unfinished, SiteEndpoint sites,
    HostObservation observed) {

  public HostChange(HostTarget target, HostPlan plan, InFlightStep unfinished) {
    this(target, plan, unfinished, new SiteEndpoint(target.endpoint().host(), null), null);
  }

  public String host() { return target.name(); }

  public boolean resumes() { return unfinished != null; }
}
