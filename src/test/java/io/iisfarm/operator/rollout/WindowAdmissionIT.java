package io.iisfarm.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.plan.Step;
import io.iisfarm.operator.schedule.MaintenanceWindows;
import io.iisfarm.operator.schedule.StepEstimates;
import io.iisfarm.operator.schedule.WindowCheck;
import io.iisfarm.operator.schedule.WindowRule;
import io.iisfarm.operator.testing.MutableClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Steps start only when a maintenance window admits them at that moment; a step under way when its window
 * closes finishes (and its host goes back into NLB); the next host waits. Time is moved by hand.
 */
class WindowAdmissionIT {
  /** Tuesdays 22:00 to 23:00 UTC. */
  private static final MaintenanceWindows TUESDAY_NIGHT = MaintenanceWindows.of(List.of(new WindowRule(
      Set.of(DayOfWeek.TUESDAY), LocalTime.of(22, 0), LocalTime.of(23, 0), ZoneId.of("UTC"))));

  private static StepAdmission admission(MutableClock clock) {
    StepEstimates estimates = new StepEstimates(Map.of(), Duration.ofMinutes(10));
    return (host, now) -> new WindowCheck(TUESDAY_NIGHT, clock.instant(), false).refusal(estimates.of(host), now);
  }

  @Test
  void outsideEveryWindowNoStepStarts() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
    try (RolloutWorld w = RolloutWorld.nlbFarm()) {
      Map<String, HostOutcome> outcomes = w.run(RolloutWorld.settings(RolloutWorld.nlb(), null, admission(clock)),
          clock, "web19", "web06");

      assertThat(outcomes).isEmpty();
      assertThat(w.host("web19").journal().changes()).isEmpty();
      assertThat(w.host("web06").journal().changes()).isEmpty();
      assertThat(w.events.lines).contains("web19 deferred outside every maintenance window; the next window long"
          + " enough opens Tue 2026-11-24 22:00 UTC");
    }
  }

  @Test
  void aStepUnderWayWhenTheWindowClosesFinishesAndTheNextHostWaits() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T22:00:00Z"));
    try (RolloutWorld w = RolloutWorld.nlbFarm()) {
      AtomicBoolean moved = new AtomicBoolean();
      RolloutListener closesDuringTheFirstStep = new RolloutListener() {
        @Override
        public void applied(String host, Step step) {
          w.events.applied(host, step);
          if (moved.compareAndSet(false, true)) {
            clock.set(Instant.parse("2026-11-24T22:55:00Z"));
          }
        }

        @Override
        public void restored(String host, String method, Duration took) {
          w.events.restored(host, method, took);
        }

        @Override
        public void deferred(String host, String why) {
          w.events.deferred(host, why);
        }
      };
      RolloutSettings settings = RolloutWorld.settings(RolloutWorld.nlb(), null, admission(clock));

      Map<String, HostOutcome> outcomes = new Rollout(w.connector, w.reader, w.planner, clock).run(w.desired,
          List.of(w.change("web19"), w.change("web06")), settings, w.ledger, closesDuringTheFirstStep);

      assertThat(outcomes).containsOnlyKeys("web19");
      assertThat(outcomes.get("web19").result().succeeded()).isTrue();
      assertThat(w.host("web19").windows().site("Shop").orElseThrow().id()).isEqualTo(2);
      assertThat(w.host("web19").windows().nlbState()).contains("Converged");
      assertThat(w.events.lines).contains("web19 restored nlb", "web06 deferred a step takes about 10m but the"
          + " maintenance window closes Tue 2026-11-24 23:00 UTC; the next window long enough opens"
          + " Tue 2026-12-01 22:00 UTC");
      assertThat(w.host("web06").journal().changes()).isEmpty();
      assertThat(w.ledger.current).isEmpty();
    }
  }
}
