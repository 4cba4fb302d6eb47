package io.iisfarm.operator.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How times appear in messages: in the window's own zone, as the admin wrote it, and in UTC. */
public final class Times {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT);
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private Times() {}

  /** e.g. {@code Sat 2026-11-28 22:00 Europe/Berlin (2026-11-28 21:00 UTC)}. */
  public static String describe(Instant instant, ZoneId zone) {
    String local = LOCAL.format(instant.atZone(zone)) + " " + zone.getId();
    if (zone.normalized().equals(ZoneOffset.UTC)) {
      return local;
    }
    return local + " (" + UTC.format(instant.atZone(ZoneOffset.UTC)) + " UTC)";
  }

  /** A rounded duration for people: {@code 45s}, {@code 12m}, {@code 1h30m}. */
  public static String approximately(Duration d) {
    long seconds = Math.max(0, d.toSeconds());
    if (seconds < 120) {
      return seconds + "s";
    }
    long minutes = (seconds + 59) / 60;
    return minutes < 60 ? minutes + "m" : minutes / 60 + "h" + (minutes % 60 == 0 ? "" : minutes % 60 + "m");
  }
}
