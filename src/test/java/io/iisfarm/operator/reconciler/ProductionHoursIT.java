package io.iisfarm.operator.reconciler;

import static io.iisfarm.operator.reconciler.OperatorHarness.FARM;
import static io.iisfarm.operator.reconciler.OperatorHarness.condition;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Secret;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.api.MaintenanceWindowSpec;
import io.iisfarm.operator.api.Weekday;
import io.iisfarm.operator.cli.OperatorRuntime;
import io.iisfarm.operator.cli.demo.DemoRollout;
import io.iisfarm.operator.secrets.MachineKeySecret;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.simulator.windows.DriftAction;
import io.iisfarm.operator.testing.MutableClock;
import io.iisfarm.operator.testing.RealApiServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole operator on the sample farm, in production hours: changes only in the Saturday-night window (the
 * test moves the operator's clock, it never waits for an hour of the day), the emergency override, NLB drained
 * around each change and the sites checked before a host goes back.
 */
@RealApiServer
class ProductionHoursIT {
  /** Wednesday 2026-11-25 14:00 in Berlin. */
  private static final Instant WEDNESDAY_AFTERNOON = Instant.parse("2026-11-25T13:00:00Z");
  /** Saturday 2026-11-28 22:05 in Berlin. */
  private static final Instant SATURDAY_NIGHT = Instant.parse("2026-11-28T21:05:00Z");
  private static final String NEXT_WINDOW = "Sat 2026-11-28 22:00 Europe/Berlin (2026-11-28 21:00 UTC)";

  private static IisFarm farmWithWindows(OperatorHarness h) {
    IisFarm farm = DemoRollout.withDrainAndHealthChecks(h.manifests.farm());
    farm.getSpec().getRollout().setWindows(List.of(new MaintenanceWindowSpec(List.of(Weekday.SAT), "22:00", "02:00",
        "Europe/Berlin")));
    return farm;
  }

  @Test
  void outsideTheWindowNothingChangesAndTheReasonSaysWhenTheNextOpens() {
    MutableClock clock = MutableClock.ticking(WEDNESDAY_AFTERNOON);
    try (OperatorHarness h = OperatorHarness.sample("5s").withSecrets()) {
      h.create(farmWithWindows(h));
      OperatorRuntime operator = h.startOperatorWithClock(clock);

      IisFarmStatus waiting = h.awaitStatus(FARM, Duration.ofSeconds(90),
          condition("Progressing", "False", "WaitingForMaintenanceWindow"));
      // one more check later, still nothing changed
      String firstCheck = waiting.getLastCheck();
      IisFarmStatus later = h.awaitStatus(FARM, Duration.ofSeconds(60), s -> !firstCheck.equals(s.getLastCheck()));

      assertThat(OperatorHarness.condition(later, "Progressing").orElseThrow().getMessage()).contains(NEXT_WINDOW);
      assertThat(OperatorHarness.condition(later, "Ready").orElseThrow().getReason())
          .isEqualTo("WaitingForMaintenanceWindow");
      assertThat(later.getPlannedSteps()).isNotEmpty();
      h.sim.hosts().forEach(host -> assertThat(host.journal().changes()).as(host.name()).isEmpty());
      h.sim.hosts().forEach(host -> assertThat(host.windows().nlbState()).get().asString().startsWith("Converged"));
      assertThat(h.events()).filteredOn(e -> "MaintenanceWindowWait".equals(e.getReason()))
          .extracting(Event::getMessage).anyMatch(m -> m.startsWith("4 hosts wait for a maintenance window")
              && m.contains(NEXT_WINDOW));

      clock.set(SATURDAY_NIGHT);
      IisFarmStatus done = h.awaitStatus(FARM, Duration.ofSeconds(180), condition("Ready", "True", null));

      assertThat(done.getInSync()).isEqualTo("4/4");
      assertThat(done.getPlannedSteps()).isNull();
      assertThat(done.getHosts()).allSatisfy(row -> assertThat(row.lastStepDuration()).isNotNull());
      h.sim.hosts().forEach(FarmConvergenceIT::assertSitesRight);
      h.sim.hosts().forEach(host -> assertThat(host.windows().nlbState()).get().asString().startsWith("Converged"));
      assertThat(h.sim.maxDisruptedHosts()).isLessThanOrEqualTo(1);
      for (String host : List.of("web01", "web02", "web03", "web04")) {
        assertThat(h.events()).extracting(Event::getMessage)
            .contains(host + ": taken out of the load balancer (nlb) before its change",
                host + ": back in the load balancer (nlb)");
      }
      assertThat(operator.registry().find("iisfarm.drain").tag("phase", "drain").timers()).hasSize(4);
      assertThat(operator.registry().find("iisfarm.health.checks").tag("outcome", "healthy").timers()).isNotEmpty();
      h.assertNoSecretsLeaked();
    }
  }

  @Test
  void theEmergencyOverrideChangesHostsOutsideTheWindowOnceAndIsRecorded() {
    MutableClock clock = MutableClock.ticking(WEDNESDAY_AFTERNOON);
    try (OperatorHarness h = OperatorHarness.sample("5s").withSecrets()) {
      h.create(farmWithWindows(h));
      h.startOperatorWithClock(clock);
      h.awaitStatus(FARM, Duration.ofSeconds(90), condition("Progressing", "False", "WaitingForMaintenanceWindow"));

      h.mergePatch(FARM, Map.of("metadata", Map.of("annotations",
          Map.of(IisFarm.EMERGENCY_ROLLOUT_ANNOTATION, "CVE-2026-1234: rotate the key"))));
      IisFarmStatus done = h.awaitStatus(FARM, Duration.ofSeconds(180), s -> s.getEmergencyRollout() != null
          && s.getEmergencyRollout().completedAt() != null);

      assertThat(done.getInSync()).isEqualTo("4/4");
      assertThat(done.getEmergencyRollout().reason()).isEqualTo("CVE-2026-1234: rotate the key");
      assertThat(done.getEmergencyRollout().startedAt()).startsWith("2026-11-25T");
      assertThat(h.events()).filteredOn(e -> "EmergencyRollout".equals(e.getReason()))
          .allSatisfy(e -> assertThat(e.getType()).isEqualTo("Warning")).extracting(Event::getMessage)
          .containsExactly("Changing hosts outside the maintenance windows, as the annotation"
              + " iisfarm.io/emergency-rollout asks: CVE-2026-1234: rotate the key");
      assertThat(h.events()).extracting(Event::getReason).contains("EmergencyRolloutCompleted");

      // the override is spent: drift outside the window waits again, though the annotation is still there
      SimulatedHost web03 = h.host("web03");
      web03.windows().applyDrift(DriftAction.fromYaml("{kind: siteId, site: Shop, id: 7}"));
      IisFarmStatus waitingAgain = h.awaitStatus(FARM, Duration.ofSeconds(60),
          condition("Progressing", "False", "WaitingForMaintenanceWindow"));
      assertThat(OperatorHarness.condition(waitingAgain, "Progressing").orElseThrow().getMessage())
          .contains(NEXT_WINDOW);
      assertThat(web03.windows().site("Shop").orElseThrow().id()).isEqualTo(7);
      assertThat(waitingAgain.getEmergencyRollout().completedAt()).isNotNull();
      h.assertNoSecretsLeaked();
    }
  }

  @Test
  void aChangeThatBreaksASiteIsRolledBackAndNoFurtherHostIsTouched() {
    try (OperatorHarness h = OperatorHarness.sample("5s").withSecrets()) {
      // web02's applications cannot load a configuration that holds the farm's new key
      h.host("web02").windows().aspNetConfigurationFault(farmValidationKey(h));
      h.create(DemoRollout.withDrainAndHealthChecks(h.manifests.farm()));
      h.startOperator();

      IisFarmStatus degraded = h.awaitStatus(FARM, Duration.ofSeconds(150),
          condition("Degraded", "True", "HealthCheckFailed"));

      String message = OperatorHarness.condition(degraded, "Degraded").orElseThrow().getMessage();
      assertThat(message).contains("web02: health check failed after the change: site Shop: GET http://127.0.0.1:"
          + h.host("web02").httpPorts().get(80) + "/ (Host: shop.example.com) answered 500 Internal Server Error");
      assertThat(h.host("web02").windows().answerHttp(80, "shop.example.com").status()).isEqualTo(200);
      assertThat(h.host("web02").windows().nlbState()).get().asString().startsWith("Converged");
      assertThat(h.host("web01").journal().changes()).isNotEmpty();
      assertThat(h.host("web03").journal().changes()).isEmpty();
      assertThat(h.host("web04").journal().changes()).isEmpty();
      assertThat(h.events()).filteredOn(e -> "HealthCheckFailed".equals(e.getReason())).extracting(Event::getMessage)
          .anyMatch(m -> m.startsWith("web02: site Shop: GET http://127.0.0.1:") && m.endsWith("answered 500"
              + " Internal Server Error"));
      assertThat(h.events()).filteredOn(e -> "RolledBack".equals(e.getReason())).extracting(Event::getMessage)
          .anyMatch(m -> m.startsWith("web02: restored from backup after a failed change: health check failed"));
      h.assertNoSecretsLeaked();
    }
  }

  private static String farmValidationKey(OperatorHarness h) {
    Secret key = h.manifests.secrets().stream().filter(s -> s.getMetadata().getName().equals(h.manifests
        .keySecretName())).findFirst().orElseThrow();
    Map<String, String> data = key.getStringData() != null && !key.getStringData().isEmpty() ? key.getStringData()
        : Map.of(MachineKeySecret.VALIDATION_KEY, new String(Base64.getDecoder().decode(
            key.getData().get(MachineKeySecret.VALIDATION_KEY)), StandardCharsets.UTF_8));
    return data.get(MachineKeySecret.VALIDATION_KEY);
  }
}
