package io.iisfarm.operator.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The maintenance windows of a farm. Windows that overlap or touch form one period (a Friday 22:00-02:00
 * window followed by a Saturday 01:00-05:00 one is open from Friday 22:00 to Saturday 05:00). No windows at
 * all means no restriction. Every answer is computed from the instant passed in; nothing reads a clock.
 */
public final class MaintenanceWindows {
  /** Windows repeat weekly; two weeks ahead always holds the next opening, DST nights included. */
  static final Duration HORIZON = Duration.ofDays(15);

  private final List<WindowRule> rules;

  private MaintenanceWindows(List<WindowRule> rules) {
    this.rules = List.copyOf(rules);
  }

  public static MaintenanceWindows of(List<WindowRule> rules) {
    return new MaintenanceWindows(rules == null ? List.of() : rules);
  }

  /** No windows: changes may start at any time. */
  public static MaintenanceWindows unrestricted() {
    return new MaintenanceWindows(List.of());
  }

  public boolean restricted() {
    return !rules.isEmpty();
  }

  public List<WindowRule> rules() {
    return rules;
  }

  /** The period open at {@code t}; empty when {@code t} is outside every window (always open when unrestricted). */
  public Optional<OpenPeriod> openAt(Instant t) {
    return periodsAround(t).stream().filter(p -> p.contains(t)).findFirst();
  }

  /** The first period that opens after {@code t}. */
  public Optional<OpenPeriod> nextOpening(Instant t) {
    return periodsAround(t).stream().filter(p -> p.start().isAfter(t)).findFirst();
  }

  /**
   * The first period, from {@code t} on, with {@code needed} of time left in it: the one open now if enough of
   * it remains, else the first later one at least that long. Empty when no window is ever that long.
   */
  public Optional<OpenPeriod> firstFitting(Instant t, Duration needed) {
    for (OpenPeriod p : periodsAround(t)) {
      if (p.contains(t) ? p.remainingAt(t).compareTo(needed) >= 0
          : p.start().isAfter(t) && p.length().compareTo(needed) >= 0) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Merged periods overlapping {@code [t - 2 days, t + HORIZON]}, in time order. */
  List<OpenPeriod> periodsAround(Instant t) {
    if (rules.isEmpty()) {
      return List.of();
    }
    List<OpenPeriod> raw = new ArrayList<>();
    Instant until = t.plus(HORIZON);
    for (WindowRule rule : rules) {
      LocalDate first = t.atZone(rule.zone()).toLocalDate().minusDays(2);
      LocalDate last = until.atZone(rule.zone()).toLocalDate();
      for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
        rule.openingOn(d).ifPresent(raw::add);
      }
    }
    raw.sort(Comparator.comparing(OpenPeriod::start).thenComparing(OpenPeriod::end));
    List<OpenPeriod> merged = new ArrayList<>();
    for (OpenPeriod p : raw) {
      OpenPeriod last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && !p.start().isAfter(last.end())) {
        if (p.end().isAfter(last.end())) {
          merged.set(merged.size() - 1, new OpenPeriod(last.start(), p.end(), last.zone()));
        }
      } else {
        merged.add(p);
      }
    }
    return merged;
  }
}
