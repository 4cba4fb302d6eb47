package io.iisfarm.operator.reconciler;

import static io.iisfarm.operator.reconciler.OperatorHarness.FARM;
import static io.iisfarm.operator.reconciler.OperatorHarness.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.iisfarm.operator.api.HostSpec;
import io.iisfarm.operator.api.HostStatus;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.status.StatusRecorder;
import io.iisfarm.operator.testing.RealApiServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two writers of one IisFarm's status on the real API server: the operator (server-side apply, field manager
 * iis-farm-operator) and another manager that keeps a condition of its own. Neither loses the other's change,
 * and what the operator stops reporting disappears (docs/decisions/0004-status-writes-by-server-side-apply.md).
 */
@RealApiServer
class StatusWritersIT {
  private static final String OTHER = "change-window-bot";

  @Test
  void anotherWritersConditionSurvivesEveryOperatorWriteDuringARollout() throws Exception {
    try (OperatorHarness h = OperatorHarness.sample("60s").withSecrets()) {
      h.create(h.manifests.farm());
      AtomicInteger ticks = new AtomicInteger();
      h.startOperator();
      // the other writer keeps applying its condition while the operator writes status host by host
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (!isReady(h) && System.nanoTime() < deadline) {
        applyOtherCondition(h, "tick " + ticks.incrementAndGet());
        OperatorHarness.sleep(200);
      }
      IisFarmStatus converged = h.awaitStatus(FARM, Duration.ofSeconds(30), OperatorHarness.condition("Ready", "True", null));
      applyOtherCondition(h, "tick " + ticks.incrementAndGet());

      assertThat(ticks.get()).as("the other writer wrote while the operator rolled out").isGreaterThan(3);
      IisFarmStatus status = h.farm(FARM).orElseThrow().getStatus();
      assertThat(OperatorHarness.condition(status, "ChangeWindow")).get()
          .satisfies(c -> assertThat(c.getMessage()).isEqualTo("tick " + ticks.get()));
      assertThat(status.getConditions()).extracting("type").contains("Ready", "HostsReachable", "SiteIdsInSync",
          "MachineKeysInSync", "Progressing", "Degraded", "ChangeWindow");
      assertThat(converged.getInSync()).isEqualTo("4/4");

      // a spec change makes the operator write again; the other condition stays
      long generation = h.mergePatch(FARM, Map.of("spec", Map.of("resyncInterval", "61s"))).getMetadata()
          .getGeneration();
      IisFarmStatus after = h.awaitStatus(FARM, Duration.ofSeconds(60), s -> s.getObservedGeneration() == generation);
      assertThat(OperatorHarness.condition(after, "ChangeWindow")).isPresent();

      List<ManagedFieldsEntry> managers = h.farm(FARM).orElseThrow().getMetadata().getManagedFields();
      assertThat(managers).anySatisfy(m -> {
        assertThat(m.getManager()).isEqualTo(StatusRecorder.FIELD_MANAGER);
        assertThat(m.getOperation()).isEqualTo("Apply");
        assertThat(m.getSubresource()).isEqualTo("status");
      });
      assertThat(managers).anySatisfy(m -> assertThat(m.getManager()).isEqualTo(OTHER));
    }
  }

  @Test
  void aHostRemovedFromTheSpecLeavesTheStatusAndTheOtherWritersConditionStays() {
    try (OperatorHarness h = OperatorHarness.sample("60s").withSecrets()) {
      h.create(h.manifests.farm());
      h.startOperator();
      h.awaitStatus(FARM, Duration.ofSeconds(120), OperatorHarness.condition("Ready", "True", null));
      applyOtherCondition(h, "open");

      List<HostSpec> hosts = h.farm(FARM).orElseThrow().getSpec().getHosts();
      h.mergePatch(FARM, Map.of("spec", Map.of("hosts", hosts.stream().filter(x -> !x.getName().equals("web04"))
          .toList())));

      IisFarmStatus status = h.awaitStatus(FARM, Duration.ofSeconds(60), s -> "3/3".equals(s.getInSync()));
      assertThat(status.getHosts()).extracting(HostStatus::name).containsExactlyInAnyOrder("web01", "web02", "web03");
      assertThat(OperatorHarness.condition(status, "ChangeWindow")).get().extracting("message").isEqualTo("open");
    }
  }

  private static boolean isReady(OperatorHarness h) {
    IisFarmStatus status = h.farm(FARM).map(IisFarm::getStatus).orElse(null);
    return status != null && OperatorHarness.condition("Ready", "True", null).test(status);
  }

  /** What another controller or a person does: applies its own condition to the status, as its own manager. */
  @Test
  void aStaleCopyOfTheFarmIsJudgedAgainstTheStatusWrittenLast() throws Exception {
    try (OperatorHarness h = OperatorHarness.sample("60s")) {
      IisFarm stale = h.create(h.manifests.farm());
      StatusRecorder recorder = new StatusRecorder(h.client);
      IisFarmStatus first = new IisFarmStatus();
      first.setInSync("0/4");
      assertThat(recorder.record(stale, first)).isTrue();

      // the informer's copy still shows no status: the recorder answers with what it wrote
      assertThat(stale.getStatus()).isNull();
      assertThat(recorder.latest(stale)).extracting(IisFarmStatus::getInSync).isEqualTo("0/4");
      assertThat(recorder.record(stale, first)).as("nothing new to write").isFalse();
      IisFarmStatus second = new IisFarmStatus();
      second.setInSync("4/4");
      assertThat(recorder.record(stale, second)).isTrue();
      assertThat(h.farm(FARM).orElseThrow().getStatus().getInSync()).isEqualTo("4/4");

      // once a copy as new as the last write arrives, it is the truth again, another writer's change included
      applyOtherCondition(h, "open");
      IisFarm fresh = h.farm(FARM).orElseThrow();
      assertThat(recorder.latest(fresh)).isSameAs(fresh.getStatus());
      assertThat(OperatorHarness.condition(recorder.latest(fresh), "ChangeWindow")).isPresent();
    }
  }

  private static void applyOtherCondition(OperatorHarness h, String message) {
    String apply = """
        {"apiVersion": "iisfarm.io/v1alpha1", "kind": "IisFarm",
         "metadata": {"name": "%s", "namespace": "%s"},
         "status": {"conditions": [{"type": "ChangeWindow", "status": "True", "reason": "WindowOpen",
           "message": "%s", "lastTransitionTime": "%s"}]}}""".formatted(FARM, NAMESPACE, message,
        Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    h.client.resources(IisFarm.class).inNamespace(NAMESPACE).withName(FARM).subresource("status")
        .patch(new PatchContext.Builder().withPatchType(PatchType.SERVER_SIDE_APPLY).withFieldManager(OTHER).build(),
            apply);
  }
}
