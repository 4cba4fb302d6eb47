package io.iisfarm.operator.reconciler;

import static io.iisfarm.operator.reconciler.OperatorHarness.FARM;
import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.api.InFlightStep;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.testing.OperatorProcess;
import io.iisfarm.operator.testing.RealApiServer;
import io.iisfarm.operator.testing.SecretScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator process is killed (SIGKILL) in the middle of a host's change. A new operator finds the step
 * in flight in the status, finishes the farm, and never more than maxUnavailable hosts are disrupted.
 */
@RealApiServer
class OperatorRestartIT {

  @Test
  void aKilledOperatorsRolloutIsResumedByTheNextOne(@TempDir Path dir) throws Exception {
    try (OperatorHarness h = OperatorHarness.sample("60s").withSecrets()) {
      SimulatedHost web02 = h.host("web02");
      // slow enough that the kill lands between the first and the last command of web02's change
      web02.faults().latency(Duration.ofMillis(250));
      h.create(h.manifests.farm());
      Path kubeconfig = h.api.writeKubeconfig(dir.resolve("kubeconfig"), OperatorHarness.NAMESPACE);

      String output;
      try (OperatorProcess first = OperatorProcess.start(kubeconfig, dir.resolve("operator-1.log"), Map.of(),
          "--metrics-port", "-1", "--concurrency", "2")) {
        IisFarmStatus midway = h.awaitStatus(FARM, Duration.ofSeconds(120), s -> inFlight(s, "web02")
            && !web02.journal().changes().isEmpty());
        assertThat(midway.getInFlight()).extracting(InFlightStep::host).containsExactly("web02");
        first.kill();
        assertThat(first.alive()).isFalse();
        output = first.output();
      }
      int changesBeforeRestart = web02.journal().changes().size();
      assertThat(h.farm(FARM).orElseThrow().getStatus().getInFlight()).extracting(InFlightStep::host)
          .containsExactly("web02");

      h.startOperator();
      IisFarmStatus done = h.awaitStatus(FARM, Duration.ofSeconds(120),
          OperatorHarness.condition("Ready", "True", null));

      assertThat(done.getInFlight()).isNullOrEmpty();
      assertThat(done.getInSync()).isEqualTo("4/4");
      assertThat(web02.journal().changes().size()).isGreaterThan(changesBeforeRestart);
      h.sim.hosts().forEach(FarmConvergenceIT::assertSitesRight);
      assertThat(h.sim.maxDisruptedHosts()).as("hosts disrupted at once").isLessThanOrEqualTo(1);
      SecretScan.assertClean("the killed operator's output", output, h.secretValues());
      assertThat(output).as("the first operator really ran").contains("operator started");
      h.assertNoSecretsLeaked();
    }
  }

  private static boolean inFlight(IisFarmStatus status, String host) {
    return status.getInFlight() != null && status.getInFlight().stream().anyMatch(s -> host.equals(s.host()));
  }
}
