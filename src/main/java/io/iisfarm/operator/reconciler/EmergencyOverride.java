package io.iisfarm.operator.reconciler;

import io.iisfarm.operator.api.EmergencyRolloutStatus;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.status.FarmReport;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The emergency override of the maintenance windows: while the IisFarm carries the annotation
 * {@value IisFarm#EMERGENCY_ROLLOUT_ANNOTATION} with a reason, host steps start outside the windows. It holds
 * until every host is in sync with nothing in flight; then it is complete (recorded in status with the reason)
 * and the windows hold again, even while the annotation stays, until its reason changes. Removing the
 * annotation ends it at once. Without windows it means nothing and is ignored.
 */
final class EmergencyOverride {
  static final int MAX_REASON = 256;

  /**
   * @param active the windows are lifted in this reconcile
   * @param status what status shows; null when there is no override
   */
  record State(boolean active, EmergencyRolloutStatus status) {}

  private EmergencyOverride() {}

  static State of(IisFarm farm, boolean windowsRestrict, Instant now) {
    String reason = reason(farm);
    if (reason == null || !windowsRestrict) {
      return new State(false, null);
    }
    EmergencyRolloutStatus previous = farm.getStatus() == null ? null : farm.getStatus().getEmergencyRollout();
    if (previous != null && reason.equals(previous.reason())) {
      return new State(previous.completedAt() == null, previous);
    }
    return new State(true, new EmergencyRolloutStatus(reason, time(now), null));
  }

  /** After this reconcile's rollout: complete once every host is read, in sync (nothing planned) and none in flight. */
  static State after(State state, FarmReport report, Instant now) {
    if (!state.active()) {
      return state;
    }
    boolean done = report.inFlight().isEmpty()
        && report.hosts().stream().allMatch(h -> h.reachable() && h.plan().steps().isEmpty());
    return done ? new State(false, new EmergencyRolloutStatus(state.status().reason(), state.status().startedAt(),
        time(now))) : state;
  }

  private static String reason(IisFarm farm) {
    Map<String, String> annotations = farm.getMetadata().getAnnotations();
    String value = annotations == null ? null : annotations.get(IisFarm.EMERGENCY_ROLLOUT_ANNOTATION);
    if (value == null || value.isBlank()) {
      return null;
    }
    String reason = value.strip().replaceAll("\\s+", " ");
    return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON - 3) + "..." : reason;
  }

  private static String time(Instant now) {
    return DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS));
  }
}
