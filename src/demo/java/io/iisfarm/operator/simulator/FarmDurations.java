package io.iisfarm.operator.simulator;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes-style durations as farm files write them: {@code 50ms}, {@code 30s}, {@code 1h30m}. */
public final class FarmDurations {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

  private FarmDurations() {}

  public static Duration parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty duration");
    }
    String value = text.trim();
    if (value.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = PART.matcher(value);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        break;
      }
      double amount = Double.parseDouble(m.group(1));
      long nanos = switch (m.group(2)) {
        case "ms" -> (long) (amount * 1_000_000L);
        case "s" -> (long) (amount * 1_000_000_000L);
        case "m" -> (long) (amount * 60_000_000_000L);
        default -> (long) (amount * 3_600_000_000_000L);
      };
      total = total.plusNanos(nanos);
      end = m.end();
    }
    if (end != value.length() || end == 0) {
      throw new IllegalArgumentException("not a duration (like 50ms, 30s, 1h30m): " + text);
    }
    return total;
  }
}
