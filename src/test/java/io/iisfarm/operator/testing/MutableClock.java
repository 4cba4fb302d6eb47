package io.iisfarm.operator.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that tests move by hand. A frozen one moves only when told; a ticking one also runs on from where it
 * was last set, as real time passes (an operator run on it still sees seconds go by, so backups made a moment
 * apart get different names).
 */
public final class MutableClock extends Clock {
  private final boolean ticking;
  private Instant base;
  private long baseNanos;

  /** A frozen clock at {@code start}. */
  public MutableClock(Instant start) {
    this(start, false);
  }

  private MutableClock(Instant start, boolean ticking) {
    this.ticking = ticking;
    this.base = start;
    this.baseNanos = System.nanoTime();
  }

  /** A clock that runs from {@code start} at the speed of real time, until moved. */
  public static MutableClock ticking(Instant start) {
    return new MutableClock(start, true);
  }

  public synchronized void advance(Duration d) {
    set(instant().plus(d));
  }

  public synchronized void set(Instant t) {
    base = t;
    baseNanos = System.nanoTime();
  }

  @Override
  public synchronized Instant instant() {
    return ticking ? base.plusNanos(System.nanoTime() - baseNanos) : base;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a MutableClock keeps UTC");
  }
}
