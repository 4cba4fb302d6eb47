package io.iisfarm.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.testing.Kubectl;
import io.iisfarm.operator.testing.RealApiServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The machine's real kubectl, pointed at {@code demo --wait} with the kubeconfig the demo wrote. */
@RealApiServer
class KubectlDemoIT {
  @TempDir
  Path dir;

  @Test
  void kubectlShowsTheConvergedFarmItsStatusAndEvents() throws Exception {
    Kubectl kubectl = Kubectl.requireOrSkip();
    try (DemoRun demo = DemoRun.startAndAwaitServing(dir)) {
      Kubectl.Result get = kubectl.run(demo.kubeconfig, "get", "iisfarms");
      assertThat(get.exitCode()).as(get.stderr()).isZero();
      assertThat(get.stderr()).as("kubectl finds every API group it is told of").isBlank();
      List<String> lines = get.stdout().lines().toList();
      assertThat(lines).hasSize(2);
      assertThat(lines.get(0)).matches("NAME\\s+READY\\s+IN SYNC\\s+MODE\\s+AGE");
      assertThat(lines.get(1)).matches("shop\\s+True\\s+4/4\\s+Enforce\\s+\\d+(s|m\\d*s?)");

      Kubectl.Result yaml = kubectl.run(demo.kubeconfig, "get", "iisfarms", "-o", "yaml");
      assertThat(yaml.exitCode()).as(yaml.stderr()).isZero();
      assertThat(yaml.stdout()).contains("kind: IisFarm", "inSync: 4/4", "mode: Enforce", "reason: InSync",
          "type: MachineKeysInSync", "name: web01", "iisVersion: \"6.0\"", "fingerprint: ", "observedGeneration: 1");

      Kubectl.Result describe = kubectl.run(demo.kubeconfig, "describe", "iisfarm", "shop");
      assertThat(describe.exitCode()).as(describe.stderr()).isZero();
      assertThat(describe.stdout()).containsPattern("Normal\\s+DriftCorrected\\s+.*iis-farm-operator\\s+web03: drift corrected");

      Kubectl.Result events = kubectl.run(demo.kubeconfig, "get", "events");
      assertThat(events.exitCode()).as(events.stderr()).isZero();
      assertThat(events.stdout().lines().findFirst().orElseThrow())
          .matches("LAST SEEN\\s+TYPE\\s+REASON\\s+OBJECT\\s+MESSAGE");
      assertThat(events.stdout()).containsPattern("Normal\\s+ChangeApplied\\s+iisfarm/shop\\s+web01: applied");

      assertThat(demo.stop()).isZero();
    }
  }
}
