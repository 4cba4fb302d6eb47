package io.iisfarm.operator.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A stretch of time in which changes may start, {@code [start, end)}; {@code zone} is the zone of the window
 * that opened it, used to show its times the way the admin wrote them.
 */
public record OpenPeriod(Instant start, Instant end, ZoneId zone) {

  public OpenPeriod {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(zone, "zone");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("a period must end after it starts");
    }
  }

  public boolean contains(Instant t) {
    return !t.isBefore(start) && t.isBefore(end);
  }

  public Duration length() {
    return Duration.between(start, end);
  }

  /** How much of the period is left at {@code t} (zero once it has closed). */
  public Duration remainingAt(Instant t) {
    if (!t.isBefore(end)) {
      return Duration.ZERO;
    }
    return Duration.between(t.isBefore(start) ? start : t, end);
  }
}
