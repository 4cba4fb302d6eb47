package io.iisfarm.operator.reconciler;

import static io.iisfarm.operator.reconciler.OperatorHarness.FARM;
import static io.iisfarm.operator.reconciler.OperatorHarness.condition;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.api.Mode;
import io.iisfarm.operator.api.PlannedStep;
import io.iisfarm.operator.simulator.SimulatedHost;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Audit and suspend observe and report; they change nothing, not even a backup. Enforce then applies the plan. */
class ModesIT {

  @Test
  void auditChangesNothingAndListsThePlanThenEnforceAppliesIt() {
    try (OperatorHarness h = OperatorHarness.sample("5s").withSecrets()) {
      Map<String, Map<String, byte[]>> before = new HashMap<>();
      h.sim.hosts().forEach(host -> before.put(host.name(), FarmFiles.configs(host)));
      IisFarm farm = h.manifests.farm();
      farm.getSpec().setMode(Mode.AUDIT);
      h.create(farm);
      h.startOperator();

      IisFarmStatus status = h.awaitStatus(FARM, Duration.ofSeconds(60),
          OperatorHarness.condition("Ready", "False", "DriftDetected"));
      assertThat(status.getMode()).isEqualTo("Audit");
      assertThat(condition(status, "Progressing")).get().extracting("reason").isEqualTo("AuditMode");
      assertThat(status.getPlannedSteps()).extracting(PlannedStep::host).contains("web01", "web02", "web04");
      assertThat(status.getPlannedSteps()).anyMatch(s -> s.host().equals("web01") && s.detail().contains("Shop"));
      assertThat(h.events()).extracting(Event::getReason).contains("DriftDetected");
      // a second look (resync 5 s) still changes nothing
      OperatorHarness.sleep(6_000);
      for (SimulatedHost host : h.sim.hosts()) {
        assertThat(host.journal().changes()).as("%s: no changing command in audit mode", host.name()).isEmpty();
        assertThat(host.journal().commandLines()).as(host.name())
            .noneMatch(l -> l.contains("add backup") || l.contains("iisback"));
        FarmFiles.configs(host).forEach((path, bytes) -> assertThat(bytes).isEqualTo(before.get(host.name()).get(path)));
      }

      // as `kubectl patch --type merge` would: no resourceVersion, so the operator's status writes cannot conflict
      h.client.resources(IisFarm.class).inNamespace(OperatorHarness.NAMESPACE).withName(FARM)
          .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"mode\":\"Enforce\"}}");
      IisFarmStatus enforced = h.awaitStatus(FARM, Duration.ofSeconds(90),
          OperatorHarness.condition("Ready", "True", null));
      assertThat(enforced.getPlannedSteps()).isNullOrEmpty();
      assertThat(h.events()).extracting(Event::getReason).contains("ChangeApplied");
      h.sim.hosts().forEach(FarmConvergenceIT::assertSitesRight);
      h.assertNoSecretsLeaked();
    }
  }

  @Test
  void suspendObservesAndReportsOnly() {
    try (OperatorHarness h = OperatorHarness.sample("5s").withSecrets()) {
      IisFarm farm = h.manifests.farm();
      farm.getSpec().setSuspend(true);
      h.create(farm);
      h.startOperator();

      IisFarmStatus status = h.awaitStatus(FARM, Duration.ofSeconds(60),
          s -> condition(s, "Progressing").filter(c -> "Suspended".equals(c.getReason())).isPresent());
      assertThat(status.getMode()).isEqualTo("Suspended");
      assertThat(status.getHosts()).hasSize(4).allMatch(r -> Boolean.TRUE.equals(r.reachable()));
      assertThat(status.getPlannedSteps()).isNotEmpty();
      OperatorHarness.sleep(6_000);
      h.sim.hosts().forEach(host -> assertThat(host.journal().changes()).as(host.name()).isEmpty());
    }
  }
}
