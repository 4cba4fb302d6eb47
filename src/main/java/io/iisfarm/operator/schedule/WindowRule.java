package io.iisfarm.operator.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One maintenance window as configured: it opens at {@code start} local time on each of {@code days} and
 * closes at {@code end}; an end at or before the start means the next day (a window crossing midnight is
 * named by the day it opens). Local times that do not exist (the spring DST gap) move forward by the gap's
 * length, and ambiguous ones (the autumn overlap) take the earlier instant, as {@link ZonedDateTime#of} does;
 * so a window is an hour shorter or longer on the nights the clocks change.
 */
public record WindowRule(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone) {

  public WindowRule {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(zone, "zone");
    if (days == null || days.isEmpty()) {
      throw new IllegalArgumentException("a maintenance window needs at least one day");
    }
    if (start.equals(end)) {
      throw new IllegalArgumentException("a maintenance window must not start and end at the same time ("
          + start + ")");
    }
    days = Set.copyOf(EnumSet.copyOf(days));
  }

  public boolean crossesMidnight() {
    return end.isBefore(start);
  }

  /** The period opening on {@code date} (a local date in the window's zone), if the window opens that day. */
  public Optional<OpenPeriod> openingOn(LocalDate date) {
    if (!days.contains(date.getDayOfWeek())) {
      return Optional.empty();
    }
    ZonedDateTime opens = ZonedDateTime.of(date, start, zone);
    ZonedDateTime closes = ZonedDateTime.of(crossesMidnight() ? date.plusDays(1) : date, end, zone);
    if (!closes.toInstant().isAfter(opens.toInstant())) {
      // a window inside a DST gap has no length that night
      return Optional.empty();
    }
    return Optional.of(new OpenPeriod(opens.toInstant(), closes.toInstant(), zone));
  }

  @Override
  public String toString() {
    return days + " " + start + "-" + end + " " + zone;
  }
}
