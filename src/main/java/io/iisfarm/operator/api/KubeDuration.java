package io.iisfarm.operator.api;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes-style durations as the spec writes them ({@link IisFarmSpec#DURATION_PATTERN}): one or more
 * number+unit pairs with units {@code h}, {@code m}, {@code s} and {@code ms}, e.g. {@code 30s}, {@code 5m},
 * {@code 1h30m}. Go's time.ParseDuration also takes fractions and {@code us}/{@code ns}; the CRD schema
 * does not, so neither does this parser.
 */
public final class KubeDuration {
  private static final Pattern WHOLE = Pattern.compile(IisFarmSpec.DURATION_PATTERN);
  private static final Pattern PART = Pattern.compile("([0-9]+)(ms|s|m|h)");

  private KubeDuration() {}

  /**
   * Parses a duration such as {@code 1h30m}.
   *
   * @throws IllegalArgumentException with a message naming the accepted form
   */
  public static Duration parse(String text) {
    if (text == null || !WHOLE.matcher(text).matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration: write number+unit pairs with units"
          + " h, m, s or ms, e.g. 30s, 5m or 1h30m");
    }
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(text);
    try {
      while (m.find()) {
        long amount = Long.parseLong(m.group(1));
        Duration part = switch (m.group(2)) {
          case "h" -> Duration.ofHours(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "ms" -> Duration.ofMillis(amount);
          default -> throw new IllegalStateException("unit outside the pattern: " + m.group(2));
        };
        total = total.plus(part);
      }
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is too long a duration", e);
    }
    return total;
  }

  /** Formats a duration the way the spec writes it, e.g. {@code 1h30m}, {@code 45s}, {@code 0s}. */
  public static String format(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("negative duration");
    }
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder sb = new StringBuilder();
    long hours = d.toHours();
    int minutes = d.toMinutesPart();
    int seconds = d.toSecondsPart();
    int millis = d.toMillisPart();
    if (hours > 0) {
      sb.append(hours).append('h');
    }
    if (minutes > 0) {
      sb.append(minutes).append('m');
    }
    if (seconds > 0) {
      sb.append(seconds).append('s');
    }
    if (millis > 0) {
      sb.append(millis).append("ms");
    }
    return sb.toString();
  }
}
