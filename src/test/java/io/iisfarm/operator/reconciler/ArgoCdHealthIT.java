package io.iisfarm.operator.reconciler;

import static io.iisfarm.operator.reconciler.OperatorHarness.FARM;
import static io.iisfarm.operator.reconciler.OperatorHarness.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.Mode;
import io.iisfarm.operator.testing.LuaHealthCheck;
import io.iisfarm.operator.testing.RealApiServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The Argo CD health check shipped in deploy/argocd, run by a real Lua interpreter on IisFarms exactly as the real
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
      h.client.resources(IisFarm.class).inNamespace(NAMESPACE).withName(FARM)
          .edit(f -> { f.getSpec().setMode(Mode.ENFORCE); return f; });
      assertThat(health.of(json(h))).as("a spec the operator has not checked yet")
          .startsWith("Progressing\tWaiting for the operator to check generation 2");

      h.awaitStatus(FARM, Duration.ofSeconds(90), OperatorHarness.condition("Progressing", "True", null));
      assertThat(health.of(json(h))).as("rolling out").startsWith("Progressing\t");

      h.awaitStatus(FARM, Duration.ofSeconds(120), OperatorHarness.condition("Ready", "True", null));
      assertThat(health.of(json(h))).as("converged").startsWith("Healthy\tAll hosts are in sync (4/4).");

      h.host("web04").faults().refuseConnections(true);
      h.client.resources(IisFarm.class).inNamespace(NAMESPACE).withName(FARM)
          .edit(f -> { f.getSpec().setResyncInterval("5s"); return f; });
      h.awaitStatus(FARM, Duration.ofSeconds(60), OperatorHarness.condition("Ready", "False", "HostUnreachable"));
      assertThat(health.of(json(h))).as("a host refuses connections").startsWith("Degraded\tHostUnreachable: ");

      h.client.resources(IisFarm.class).inNamespace(NAMESPACE).withName(FARM)
          .edit(f -> { f.getSpec().setSuspend(true); return f; });
      long generation = h.farm(FARM).orElseThrow().getMetadata().getGeneration();
      h.awaitStatus(FARM, Duration.ofSeconds(60), s -> s.getObservedGeneration() == generation);
      assertThat(health.of(json(h))).as("suspended").startsWith("Suspended\tspec.suspend is true");
    }
  }

  private static String json(OperatorHarness h) {
    return h.client.getKubernetesSerialization().asJson(h.farm(FARM).orElseThrow());
  }
}
