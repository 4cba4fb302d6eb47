package io.iisfarm.operator.reconciler;

import static io.iisfarm.operator.reconciler.OperatorHarness.FARM;
import static io.iisfarm.operator.reconciler.OperatorHarness.condition;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.simulator.windows.SiteView;
import io.iisfarm.operator.testing.RealApiServer;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The sample mixed farm (IIS6, IIS7.5, two IIS10), wrong in every way, converges to its IisFarm. */
@RealApiServer
class FarmConvergenceIT {

  @Test
  void mixedFarmConvergesAndOnlyMachineKeysChangeInConfigFiles() {
    try (OperatorHarness h = OperatorHarness.sample("60s").withSecrets()) {
      Map<String, Map<String, byte[]>> before = new HashMap<>();
      h.sim.hosts().forEach(host -> before.put(host.name(), FarmFiles.configs(host)));
      h.create(h.manifests.farm());
      h.startOperator();

      IisFarmStatus status = h.awaitStatus(FARM, Duration.ofSeconds(90), OperatorHarness.condition("Ready", "True", null));

      assertThat(status.getInSync()).isEqualTo("4/4");
      assertThat(condition(status, "SiteIdsInSync")).get().extracting("status").isEqualTo("True");
      assertThat(condition(status, "MachineKeysInSync")).get().extracting("status").isEqualTo("True");
      assertThat(condition(status, "Degraded")).get().extracting("status").isEqualTo("False");
      assertThat(status.getInFlight()).isNullOrEmpty();
      String farmKey = new String(Base64.getDecoder().decode(h.client.secrets().inNamespace("web")
          .withName(h.manifests.keySecretName()).get().getData().get("validationKey")), StandardCharsets.UTF_8);
      for (SimulatedHost host : h.sim.hosts()) {
        assertSitesRight(host);
        Map<String, byte[]> after = FarmFiles.configs(host);
        assertThat(after.keySet()).isEqualTo(before.get(host.name()).keySet());
        after.forEach((path, bytes) -> {
          byte[] old = before.get(host.name()).get(path);
          assertThat(FarmFiles.withoutMachineKey(bytes)).as("%s %s outside <machineKey>", host.name(), path)
              .isEqualTo(FarmFiles.withoutMachineKey(old));
          if (FarmFiles.validationKey(old) != null || path.endsWith("machine.config")) {
            assertThat(FarmFiles.validationKey(bytes)).as("%s %s key", host.name(), path).isEqualTo(farmKey);
          }
        });
      }
      assertThat(h.events()).extracting(Event::getReason).contains("ChangeApplied");
      assertThat(h.sim.maxDisruptedHosts()).isLessThanOrEqualTo(1);
      h.assertNoSecretsLeaked();
    }
  }

  static void assertSitesRight(SimulatedHost host) {
    Map<String, Long> wanted = Map.of("Shop", 2L, "Api", 3L);
    wanted.forEach((name, id) -> {
      SiteView site = host.windows().site(name).orElseThrow();
      assertThat(site.id()).as("%s %s id", host.name(), name).isEqualTo(id);
      assertThat(site.started()).as("%s %s started", host.name(), name).isTrue();
      if (site.appRoot() != null) {
        assertThat(site.appRoot()).as("%s %s AppRoot", host.name(), name).isEqualTo("/LM/W3SVC/" + id + "/ROOT");
        site.applications().forEach(app -> assertThat(app.appRoot()).as("%s %s%s AppRoot", host.name(), name, app.path())
            .isEqualTo("/LM/W3SVC/" + id + "/ROOT" + app.path()));
      }
    });
  }
}
