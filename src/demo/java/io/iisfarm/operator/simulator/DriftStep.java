package io.iisfarm.operator.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of a host's {@code drift:} list: a change made behind the client's back, either a
 * duration after the farm started or right after the host ran its Nth command.
 *
 * @param after a Kubernetes-style duration ({@code 30s}); or
 * @param afterCommands the number of commands after which the change applies
 * @param change what changes, in the Windows emulation's own terms
 */
public record DriftStep(String after, Integer afterCommands, JsonNode change) {
  public DriftStep {
    if ((after == null) == (afterCommands == null)) {
      throw new IllegalArgumentException("a drift step needs exactly one of after and afterCommands");
    }
    if (afterCommands != null && afterCommands < 1) {
      throw new IllegalArgumentException("afterCommands must be at least 1");
    }
    if (change == null || change.isNull()) {
      throw new IllegalArgumentException("a drift step needs a change");
    }
  }
}
