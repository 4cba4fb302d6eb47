package io.iisfarm.operator.status;

import io.iisfarm.operator.api.EmergencyRolloutStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the maintenance windows did to this reconcile's rollout.
 *
 * @param waiting no window is open: no new host step may start
 * @param message when steps may start again, e.g. {@code No maintenance window is open; the next opens ...}
 * @param deferred hosts whose step did not start, with why (the window closed, or it would not fit)
 * @param emergency the emergency rollout in force or completed, as status shows it; null when none
 * @param emergencyActive the emergency rollout lifted the windows in this reconcile
 */
public record RolloutGate(boolean waiting, String message, Map<String, String> deferred,
    EmergencyRolloutStatus emergency, boolean emergencyActive) {

  public static final RolloutGate OPEN = new RolloutGate(false, null, Map.of(), null, false);

  public RolloutGate {
    deferred = deferred == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(deferred));
  }

  /** Steps wait for a window: none is open, or some hosts were deferred. */
  public boolean holdsSteps() {
    return waiting || !deferred.isEmpty();
  }

  /** The reason to show: the first deferral, or when the next window opens. */
  public String why() {
    if (!deferred.isEmpty()) {
      Map.Entry<String, String> first = deferred.entrySet().iterator().next();
      return first.getKey() + ": " + first.getValue();
    }
    return Objects.requireNonNullElse(message, "waiting for a maintenance window");
  }

  public RolloutGate withDeferred(Map<String, String> hosts) {
    return new RolloutGate(waiting, message, hosts, emergency, emergencyActive);
  }

  public RolloutGate withEmergency(EmergencyRolloutStatus status) {
    return new RolloutGate(waiting, message, deferred, status, emergencyActive);
  }
}
