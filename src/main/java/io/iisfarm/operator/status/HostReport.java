package io.iisfarm.operator.status;

import io.iisfarm.operator.rollout.RolloutResult;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.plan.HostPlan;
import java.util.Objects;

/**
 * One host in a reconcile. {@code observation} and {@code plan} are the latest known state: after a change,
 * the rollout's verification read and its re-plan (so a converged host has an empty plan).
 *
 * @param observation null when the host was not read (then {@code failure} says why, or a farm-level blocker
 *     stopped the read)
 * @param failure null when the read succeeded or was not attempted
 * @param plan the host's plan; null when it was not read
 * @param rollout what the rollout did in this reconcile; null when it did not touch the host
 */
public record HostReport(String name, String address, HostObservation observation, HostFailure failure,
    HostPlan plan, RolloutResult rollout) {

  public HostReport {
    Objects.requireNonNull(name, "name");
    if (plan == null) {
      plan = HostPlan.unreachable(name);
    }
  }

  public static HostReport observed(String name, String address, HostObservation observation, HostPlan plan) {
    return new HostReport(name, address, observation, null, plan, null);
  }

  public static HostReport failed(String name, String address, HostFailure failure) {
    return new HostReport(name, address, null, failure, null, null);
  }

  /** Not read at all, because a farm-level blocker (a Secret, the spec) stopped the reconcile first. */
  public static HostReport notChecked(String name, String address) {
    return new HostReport(name, address, null, null, null, null);
  }

  /** The same host after the rollout: its verification read, re-plan and what was done. */
  public HostReport afterRollout(HostObservation verified, HostPlan replanned, RolloutResult result) {
    return new HostReport(name, address, verified == null ? observation : verified, failure,
        replanned == null ? plan : replanned, result);
  }

  public boolean reachable() {
    return failure == null && observation != null;
  }

  public boolean checked() {
    return failure != null || observation != null;
  }

  /** Counts as in sync: read, and its plan says so. */
  public boolean inSync() {
    return reachable() && plan.inSync();
  }
}
