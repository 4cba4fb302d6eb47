package io.iisfarm.operator.schedule;

import io.iisfarm.operator.api.MaintenanceWindowSpec;
import io.iisfarm.operator.api.Weekday;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Reads {@code spec.rollout.windows} into {@link MaintenanceWindows}. */
public final class WindowSpecs {
  private WindowSpecs() {}

  /**
   * @throws IllegalArgumentException naming the window and what is wrong (unknown zone, bad time, no day, start
   *     equal to end)
   */
  public static MaintenanceWindows read(List<MaintenanceWindowSpec> specs) {
    if (specs == null || specs.isEmpty()) {
      return MaintenanceWindows.unrestricted();
    }
    List<WindowRule> rules = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      rules.add(rule(specs.get(i), "spec.rollout.windows[" + i + "]"));
    }
    return MaintenanceWindows.of(rules);
  }

  static WindowRule rule(MaintenanceWindowSpec spec, String path) {
    if (spec == null) {
      throw new IllegalArgumentException(path + ": empty entry: give days, start and end");
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    if (spec.getDays() != null) {
      spec.getDays().stream().filter(d -> d != null).map(Weekday::dayOfWeek).forEach(days::add);
    }
    if (days.isEmpty()) {
      throw new IllegalArgumentException(path + ".days: name at least one day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)");
    }
    LocalTime start = time(spec.getStart(), path + ".start");
    LocalTime end = time(spec.getEnd(), path + ".end");
    if (start.equals(end)) {
      throw new IllegalArgumentException(path + ": start and end are both " + spec.getStart() + "; a window must"
          + " have a length (an end before the start closes the next day)");
    }
    return new WindowRule(days, start, end, zone(spec.getTimeZone(), path + ".timeZone"));
  }

  private static LocalTime time(String text, String path) {
    if (text == null || !text.matches(MaintenanceWindowSpec.TIME_PATTERN)) {
      throw new IllegalArgumentException(path + ": '" + text + "' is not a 24-hour time HH:MM, e.g. 22:00");
    }
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(path + ": '" + text + "' is not a time HH:MM", e);
    }
  }

  private static ZoneId zone(String text, String path) {
    if (text == null) {
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(path + ": '" + text + "' is not an IANA time zone, e.g. Europe/Berlin,"
          + " America/New_York or UTC", e);
    }
  }
}
