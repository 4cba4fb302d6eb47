package io.iisfarm.operator.schedule;

import java.time.Duration;
import java.util.Map;

/**
 * How long a host's next step is expected to take, to decide whether it fits the window open now: the host's
 * last measured step with half again as much for safety (at least {@link #FLOOR}), or, for a host never
 * measured, the farm's configured expectation.
 */
public record StepEstimates(Map<String, Duration> measured, Duration unmeasured) {
  /** Even a fast host is not started in the last seconds of a window. */
  static final Duration FLOOR = Duration.ofSeconds(30);

  public StepEstimates {
    measured = measured == null ? Map.of() : Map.copyOf(measured);
  }

  public Duration of(String host) {
    Duration last = measured.get(host);
    if (last == null) {
      return unmeasured;
    }
    Duration padded = last.plus(last.dividedBy(2));
    return padded.compareTo(FLOOR) < 0 ? FLOOR : padded;
  }
}
