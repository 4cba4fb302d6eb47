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
import io.iisfarm.operator.cli.OperatorRuntime;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.testing.RealApiServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Audit observes and reports over real WinRM; it changes nothing, not even a backup. Enforce, patched in as kubectl
 * would, then applies the plan. (Suspend, and Audit's status and Events, are rows of IisFarmReconcilerTest.)
 */
@RealApiServer
class ModesIT {

  @Test
  void auditChangesNothingAndListsThePlanThenEnforceAppliesIt() {
    try (OperatorHarness h = OperatorHarness.sample("5s").withSecrets()) {
      Map<String, Map<String, byte[]>> before = new HashMap<>();
      h.sim.hosts().forEach(host -> before.put(host.name(), FarmFiles.configs(host)));
      IisFarm farm = h.manifests.farm();
      farm.getSpec().setMode(Mode.AUDIT);
      h.create(farm);
      OperatorRuntime operator = h.startOperator();

      IisFarmStatus status = h.awaitStatus(FARM, Duration.ofSeconds(60),
          OperatorHarness.condition("Ready", "False", "DriftDetected"));
      assertThat(status.getMode()).isEqualTo("Audit");
      assertThat(condition(status, "Progressing")).get().extracting("reason").isEqualTo("AuditMode");
      assertThat(status.getPlannedSteps()).extracting(PlannedStep::host).contains("web01", "web02", "web04");
      assertThat(status.getPlannedSteps()).anyMatch(s -> s.host().equals("web01") && s.detail().contains("Shop"));
      assertThat(h.events()).extracting(Event::getReason).contains("DriftDetected");
      // a second look (resync 5 s) still changes nothing
      OperatorHarness.awaitALaterReconcile(operator);
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
}
