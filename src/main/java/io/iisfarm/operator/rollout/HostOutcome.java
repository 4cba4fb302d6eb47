package io.iisfarm.operator.rollout;

import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.plan.HostPlan;


/**
 * How a host's step ended, with the last read of the host and its re-plan (null when it could not be read
 * again), for the status.
 */
public record HostOutcome(String host, RolloutResult result, HostObservation verified, HostPlan replanned) {}
