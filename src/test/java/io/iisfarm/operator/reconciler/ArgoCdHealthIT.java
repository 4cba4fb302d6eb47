package io.iisfarm.operator.reconciler;

import static io.iisfarm.operator.reconciler.OperatorHarness.FARM;
import static io.iisfarm.operator.reconciler.OperatorHarness.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.Mode;
import io.iisfarm.operator.testing.LuaHealthCheck;
import io.iisfarm.operator.testing.RealApiServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Argo CD health check shipped in docs/argocd, run by a real Lua interpreter on IisFarms exactly as the real
 * API server returns them while the operator works: in Audit with drift, just after a spec change, while rolling
 * out, converged, with a host gone, and suspended.
 */
@RealApiServer
class ArgoCdHealthIT {

  @Test
  void theHealthCheckFollowsAFarmThroughItsLife() throws Exception {
    LuaHealthCheck health = LuaHealthCheck.requireOrSkip();
    try (OperatorHarness h = OperatorHarness.sample("60s").withSecrets()) {
      IisFarm farm = h.manifests.farm();
      farm.getSpec().setMode(Mode.AUDIT);
      h.create(farm);
      assertThat(health.of(json(h))).as("before the first check").startsWith("Progressing\t");

      h.startOperator();
      h.awaitStatus(FARM, Duration.ofSeconds(90), OperatorHarness.condition("Ready", "False", "DriftDetected"));
      assertThat(health.of(json(h))).as("Audit with drift").startsWith("Degraded\tDriftDetected: ");

      h.host("web02").faults().latency(Duration.ofMillis(300));
      // the object the API server returns for the change: the status is still that of generation 1
      IisFarm changed = h.mergePatch(FARM, Map.of("spec", Map.of("mode", "Enforce")));
      assertThat(health.of(json(h, changed))).as("a spec the operator has not checked yet")
          .startsWith("Progressing\tWaiting for the operator to check generation 2");

      // each state judged on the object read when the status showed it, however quickly the operator moves on
      IisFarm rolling = h.awaitFarm(FARM, Duration.ofSeconds(90), OperatorHarness.condition("Progressing", "True", null));
      assertThat(health.of(json(h, rolling))).as("rolling out").startsWith("Progressing\t");

      IisFarm converged = h.awaitFarm(FARM, Duration.ofSeconds(120), OperatorHarness.condition("Ready", "True", null));
      assertThat(health.of(json(h, converged))).as("converged").startsWith("Healthy\tAll hosts are in sync (4/4).");

      h.host("web04").faults().refuseConnections(true);
      h.mergePatch(FARM, Map.of("spec", Map.of("resyncInterval", "5s")));
      IisFarm unreachable = h.awaitFarm(FARM, Duration.ofSeconds(60),
          OperatorHarness.condition("Ready", "False", "HostUnreachable"));
      assertThat(health.of(json(h, unreachable))).as("a host refuses connections")
          .startsWith("Degraded\tHostUnreachable: ");

      long generation = h.mergePatch(FARM, Map.of("spec", Map.of("suspend", true))).getMetadata().getGeneration();
      IisFarm suspended = h.awaitFarm(FARM, Duration.ofSeconds(60), s -> s.getObservedGeneration() == generation);
      assertThat(health.of(json(h, suspended))).as("suspended").startsWith("Suspended\tspec.suspend is true");
    }
  }

  private static String json(OperatorHarness h) {
    return json(h, h.farm(FARM).orElseThrow());
  }

  private static String json(OperatorHarness h, IisFarm farm) {
    return h.client.getKubernetesSerialization().asJson(farm);
  }
}
