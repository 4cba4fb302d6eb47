package io.iisfarm.operator.status;

import static io.iisfarm.operator.status.Reports.farm;
import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.api.EmergencyRolloutStatus;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.api.InFlightStep;
import io.iisfarm.operator.rollout.RolloutResult;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Conditions, host rows and planned steps when windows hold steps back, and when drains or health checks fail. */
class RolloutConditionsTest {
  private static final String NEXT = "No maintenance window is open; the next opens Sat 2026-11-28 22:00"
      + " Europe/Berlin (2026-11-28 21:00 UTC).";
  private static final RolloutGate CLOSED = new RolloutGate(true, NEXT, Map.of(), null, false);

  private static ConditionVerdict verdict(FarmReport report, String type) {
    return FarmConditions.evaluate(report).stream().filter(v -> v.type().equals(type)).findFirst().orElseThrow();
  }

  @Test
  void outsideTheWindowsStepsWaitAndTheReasonSaysWhenTheNextOpens() {
    FarmReport report = farm().host("web1", Reports.swapped()).host("web2", Reports.converged()).gate(CLOSED).build();

    ConditionVerdict ready = verdict(report, "Ready");
    ConditionVerdict progressing = verdict(report, "Progressing");

    assertThat(ready.status()).isEqualTo("False");
    assertThat(ready.reason()).isEqualTo("WaitingForMaintenanceWindow");
    assertThat(ready.message()).contains("web1").contains(NEXT);
    assertThat(progressing.status()).isEqualTo("False");
    assertThat(progressing.reason()).isEqualTo("WaitingForMaintenanceWindow");
    assertThat(progressing.message()).startsWith("3 steps on 1 host wait (see status.plannedSteps): " + NEXT)
        .contains("iisfarm.io/emergency-rollout");
  }

  @Test
  void waitingStepsAreListedInStatusAndTheHostRowSaysItWaits() {
    IisFarmStatus status = new StatusBuilder(Clock.fixed(Reports.CHECKED_AT, ZoneOffset.UTC)).build(
        farm().host("web1", Reports.swapped()).gate(CLOSED).build(), null);

    assertThat(status.getPlannedSteps()).hasSize(3);
    assertThat(status.getHosts().get(0).message()).endsWith("; waiting for a maintenance window");
  }

  @Test
  void aHostDeferredBecauseItsStepWouldNotFitSaysWhy() {
    String why = "a step takes about 15m but the maintenance window closes Sun 2026-11-29 02:00 Europe/Berlin";
    FarmReport report = farm().host("web1", Reports.swapped())
        .gate(RolloutGate.OPEN.withDeferred(Map.of("web1", why))).build();

    assertThat(verdict(report, "Progressing").message()).contains("web1: " + why);
    assertThat(new StatusBuilder(Clock.systemUTC()).build(report, null).getHosts().get(0).message())
        .endsWith("; waiting: " + why);
  }

  @Test
  void aFailedHealthCheckIsDegradedHealthCheckFailedNamingTheSiteAndTheAnswer() {
    String why = "health check failed after the change: site Shop: GET http://10.0.0.1:80/health (Host:"
        + " shop.example.com) answered 500 Internal Server Error";
    FarmReport report = farm().changed("web1", Reports.swapped(), Reports.swapped(),
        RolloutResult.healthCheckFailed(Reports.CHANGED_AT, List.of(), why)).build();

    ConditionVerdict degraded = verdict(report, "Degraded");

    assertThat(degraded.status()).isEqualTo("True");
    assertThat(degraded.reason()).isEqualTo("HealthCheckFailed");
    assertThat(degraded.message()).contains("web1: " + why);
    assertThat(verdict(report, "Ready").reason()).isEqualTo("HealthCheckFailed");
  }

  @Test
  void drainAndRestoreFailuresHaveTheirOwnReasons() {
    FarmReport drain = farm().changed("web1", Reports.swapped(), null,
        RolloutResult.drainFailed("taking the host out of the load balancer failed")).build();
    FarmReport restore = farm().changed("web1", Reports.swapped(), Reports.converged(),
        RolloutResult.restoreFailed(Reports.CHANGED_AT, List.of(), "putting the host back failed")).build();

    assertThat(verdict(drain, "Degraded").reason()).isEqualTo("DrainFailed");
    assertThat(verdict(drain, "Degraded").message()).contains("Nothing was changed");
    assertThat(verdict(restore, "Degraded").reason()).isEqualTo("RestoreFailed");
    assertThat(verdict(restore, "Degraded").message()).contains("out of the load balancer");
    assertThat(verdict(restore, "Ready").reason()).isEqualTo("RestoreFailed");
  }

  @Test
  void theHostRowShowsThePhaseOfItsStepAndHowLongTheLastStepTook() {
    InFlightStep step = new InFlightStep("web1", "move site Shop", List.of(), List.of("iisfarm_x"), "t", "Health",
        List.of("nlb"));
    FarmReport report = farm().changed("web2", Reports.swapped(), Reports.converged(),
        RolloutResult.applied(Reports.CHANGED_AT, List.of()).took(Duration.ofSeconds(83)))
        .host("web1", Reports.swapped()).inFlight(step).build();

    IisFarmStatus status = new StatusBuilder(Clock.systemUTC()).build(report, null);

    assertThat(status.getHosts().get(0).lastStepDuration()).isEqualTo("1m23s");
    assertThat(status.getHosts().get(0).phase()).isNull();
    assertThat(status.getHosts().get(1).phase()).isEqualTo("Health");
  }

  @Test
  void anEmergencyRolloutIsShownInStatusAndProgress() {
    EmergencyRolloutStatus emergency = new EmergencyRolloutStatus("CVE fix", "2026-11-25T14:00:00Z", null);
    FarmReport report = farm().host("web1", Reports.swapped())
        .gate(new RolloutGate(false, null, Map.of(), emergency, true)).build();

    assertThat(new StatusBuilder(Clock.systemUTC()).build(report, null).getEmergencyRollout()).isEqualTo(emergency);
    assertThat(verdict(report, "Progressing").message()).contains("emergency rollout outside the maintenance"
        + " windows: CVE fix");
  }
}
