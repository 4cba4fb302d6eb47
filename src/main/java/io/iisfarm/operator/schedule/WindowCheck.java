package io.iisfarm.operator.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the maintenance windows allow at one instant: whether host steps may start, until when, when the next
 * window opens, and whether a step of a given length fits. An emergency override lifts the windows.
 *
 * @param windows the farm's windows
 * @param at when the check was made (the reconcile's clock)
 * @param emergency an emergency rollout is in force: windows do not hold
 */
public record WindowCheck(MaintenanceWindows windows, Instant at, boolean emergency) {

  /** Whether windows restrict this rollout at all. */
  public boolean restricted() {
    return windows.restricted() && !emergency;
  }

  /** Steps may start at {@link #at} (given that they fit). */
  public boolean open() {
    return !restricted() || windows.openAt(at).isPresent();
  }

  /** The period open at {@link #at}, when windows restrict and one is open. */
  public Optional<OpenPeriod> current() {
    return restricted() ? windows.openAt(at) : Optional.empty();
  }

  /** The next window to open after {@link #at}. */
  public Optional<OpenPeriod> next() {
    return restricted() ? windows.nextOpening(at) : Optional.empty();
  }

  /**
   * Null when a step expected to take {@code estimate} may start at {@code t}; otherwise why not, saying when
   * it can.
   */
  public String refusal(Duration estimate, Instant t) {
    if (!restricted()) {
      return null;
    }
    Optional<OpenPeriod> now = windows.openAt(t);
    if (now.isPresent() && !t.plus(estimate).isAfter(now.get().end())) {
      return null;
    }
    Optional<OpenPeriod> fitting = windows.firstFitting(t, estimate);
    String next = fitting.map(p -> "the next window long enough opens " + Times.describe(p.start(), p.zone()))
        .orElse("no maintenance window is that long: lengthen one, or use the emergency override");
    if (now.isPresent()) {
      return "a step takes about " + Times.approximately(estimate) + " but the maintenance window closes "
          + Times.describe(now.get().end(), now.get().zone()) + "; " + next;
    }
    return "outside every maintenance window; " + next;
  }

  /** For a condition: when changes may start again. */
  public String closedMessage() {
    return next().map(p -> "No maintenance window is open; the next opens " + Times.describe(p.start(), p.zone())
        + ".").orElse("No maintenance window is open, and none opens within two weeks: check spec.rollout.windows.");
  }
}
