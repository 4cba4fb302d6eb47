package io.iisfarm.operator.schedule;

import static io.iisfarm.operator.schedule.MaintenanceWindowsTest.BERLIN;
import static io.iisfarm.operator.schedule.MaintenanceWindowsTest.at;
import static io.iisfarm.operator.schedule.MaintenanceWindowsTest.rule;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whether a step may start: window open, step fits, the override, and what the messages say. */
class WindowCheckTest {
  private final MaintenanceWindows saturdayNight =
      MaintenanceWindows.of(List.of(rule("22:00", "02:00", BERLIN, DayOfWeek.SATURDAY)));

  @Test
  void outsideEveryWindowTheMessageSaysWhenTheNextOpensInItsZoneAndInUtc() {
    WindowCheck check = new WindowCheck(saturdayNight, at("2026-11-25T14:00:00", BERLIN), false);

    assertThat(check.open()).isFalse();
    assertThat(check.closedMessage())
        .isEqualTo("No maintenance window is open; the next opens Sat 2026-11-28 22:00 Europe/Berlin"
            + " (2026-11-28 21:00 UTC).");
    assertThat(check.refusal(Duration.ofMinutes(10), check.at()))
        .isEqualTo("outside every maintenance window; the next window long enough opens"
            + " Sat 2026-11-28 22:00 Europe/Berlin (2026-11-28 21:00 UTC)");
  }

  @Test
  void aStepThatWouldOutlastTheWindowWaitsForTheNextOne() {
    Instant lateInWindow = at("2026-11-29T01:50:00", BERLIN);
    WindowCheck check = new WindowCheck(saturdayNight, lateInWindow, false);

    assertThat(check.open()).isTrue();
    assertThat(check.refusal(Duration.ofMinutes(5), lateInWindow)).isNull();
    assertThat(check.refusal(Duration.ofMinutes(15), lateInWindow))
        .isEqualTo("a step takes about 15m but the maintenance window closes Sun 2026-11-29 02:00 Europe/Berlin"
            + " (2026-11-29 01:00 UTC); the next window long enough opens Sat 2026-12-05 22:00 Europe/Berlin"
            + " (2026-12-05 21:00 UTC)");
    // exactly to the end fits
    assertThat(check.refusal(Duration.ofMinutes(10), lateInWindow)).isNull();
  }

  @Test
  void theEmergencyOverrideLiftsTheWindows() {
    WindowCheck check = new WindowCheck(saturdayNight, at("2026-11-25T14:00:00", BERLIN), true);

    assertThat(check.restricted()).isFalse();
    assertThat(check.open()).isTrue();
    assertThat(check.refusal(Duration.ofHours(5), check.at())).isNull();
  }

  @Test
  void aStepLongerThanEveryWindowSaysSo() {
    WindowCheck check = new WindowCheck(saturdayNight, at("2026-11-28T22:00:00", BERLIN), false);

    assertThat(check.refusal(Duration.ofHours(5), check.at())).contains("no maintenance window is that long");
  }

  @Test
  void estimatesPadTheMeasuredStepAndFallBackToTheExpectation() {
    StepEstimates estimates = new StepEstimates(Map.of("web01", Duration.ofMinutes(4), "web02", Duration.ofSeconds(3)),
        Duration.ofMinutes(10));

    assertThat(estimates.of("web01")).isEqualTo(Duration.ofMinutes(6));
    assertThat(estimates.of("web02")).isEqualTo(Duration.ofSeconds(30));
    assertThat(estimates.of("web03")).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void timesAreShownInTheWindowZoneAndUtc() {
    assertThat(Times.describe(Instant.parse("2026-07-04T20:00:00Z"), BERLIN))
        .isEqualTo("Sat 2026-07-04 22:00 Europe/Berlin (2026-07-04 20:00 UTC)");
    assertThat(Times.describe(Instant.parse("2026-07-04T20:00:00Z"), java.time.ZoneId.of("UTC")))
        .isEqualTo("Sat 2026-07-04 20:00 UTC");
    assertThat(Times.approximately(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(Times.approximately(Duration.ofMinutes(90))).isEqualTo("1h30m");
  }
}
