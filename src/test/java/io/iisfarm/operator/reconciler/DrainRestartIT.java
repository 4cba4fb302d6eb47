package io.iisfarm.operator.reconciler;

import static io.iisfarm.operator.reconciler.OperatorHarness.FARM;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.iisfarm.operator.api.DrainSpec;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.api.InFlightStep;
import io.iisfarm.operator.api.NlbDrainSpec;
import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.testing.OperatorProcess;
import io.iisfarm.operator.testing.RealApiServer;
import io.iisfarm.operator.testing.SecretScan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator process is killed (SIGKILL) while a host is out of NLB, after the drain and before the restore.
 * The drain is on record in the status, so the next operator finishes the host's change and puts it back.
 */
@RealApiServer
class DrainRestartIT {

  @Test
  void aHostLeftDrainedByAKilledOperatorIsPutBackByTheNextOne(@TempDir Path dir) throws Exception {
    try (OperatorHarness h = OperatorHarness.of(slowDrainFarm(), "60s").withSecrets()) {
      SimulatedHost web06 = h.host("web06");
      IisFarm farm = h.manifests.farm();
      DrainSpec drain = new DrainSpec();
      NlbDrainSpec nlb = new NlbDrainSpec();
      nlb.setTimeout("2m");
      nlb.setPollInterval("500ms");
      drain.setNlb(nlb);
      farm.getSpec().getRollout().setDrain(drain);
      h.create(farm);
      Path kubeconfig = h.api.writeKubeconfig(dir.resolve("kubeconfig"), OperatorHarness.NAMESPACE);

      String output;
      try (OperatorProcess first = OperatorProcess.start(kubeconfig, dir.resolve("operator-1.log"), Map.of(),
          "--metrics-port", "-1")) {
        IisFarmStatus drained = h.awaitStatus(FARM, Duration.ofSeconds(120), s -> s.getInFlight() != null
            && s.getInFlight().stream().anyMatch(step -> step.host().equals("web06")
                && step.drainedOrEmpty().contains("nlb")));
        // the drain is on record before nlb.exe drainstop is sent; the host drains for 20 s once it is
        OperatorHarness.await("web06 draining", Duration.ofSeconds(60),
            () -> web06.windows().nlbState().orElse("").contains("Draining"), () -> "" + web06.windows().nlbState());
        first.kill();
        output = first.output();
        assertThat(drained.getHosts()).filteredOn(r -> r.name().equals("web06")).extracting(r -> r.phase())
            .containsExactly("Drain");
      }
      InFlightStep left = h.farm(FARM).orElseThrow().getStatus().getInFlight().get(0);
      assertThat(left.drained()).containsExactly("nlb");
      assertThat(web06.journal().commandLines()).noneMatch(l -> l.contains("nlb.exe\" start"));
      int commandsBeforeRestart = web06.journal().size();

      h.startOperator();
      IisFarmStatus done = h.awaitStatus(FARM, Duration.ofSeconds(120),
          OperatorHarness.condition("Ready", "True", null));

      assertThat(done.getInFlight()).isNullOrEmpty();
      assertThat(done.getInSync()).isEqualTo("2/2");
      assertThat(web06.windows().nlbState()).contains("Converged as DEFAULT");
      List<String> after = web06.journal().commandLines().subList(commandsBeforeRestart, web06.journal().size());
      // the drain on record is not repeated; the host is changed and started again
      assertThat(after).noneMatch(l -> l.contains("drainstop")).anyMatch(l -> l.contains("nlb.exe\" start"));
      FarmConvergenceIT.assertSitesRight(web06);
      assertThat(h.events()).extracting(Event::getMessage).contains("web06: back in the load balancer (nlb)");
      SecretScan.assertClean("the killed operator's output", output, h.secretValues());
      assertThat(output).as("the first operator really ran").contains("operator started");
      h.assertNoSecretsLeaked();
    }
  }

  /** The NLB farm, with web06's connections taking long to drain: time enough to kill the operator. */
  private static SimulatedFarm slowDrainFarm() throws IOException {
    try (InputStream in = DrainRestartIT.class.getResourceAsStream("/simulator/nlb-farm.yaml")) {
      String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("nlb: {hostId: 1, members: [1, 2], drainSeconds: 1}",
              "nlb: {hostId: 1, members: [1, 2], drainSeconds: 20}");
      return SimulatedFarm.fromYaml(yaml);
    }
  }
}
