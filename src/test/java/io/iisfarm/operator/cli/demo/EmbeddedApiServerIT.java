package io.iisfarm.operator.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.iisfarm.operator.api.HostSpec;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmSpec;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.api.SecretRef;
import io.iisfarm.operator.api.WinRmSpec;
import io.iisfarm.operator.testing.Kubectl;
import io.iisfarm.operator.testing.RealApiServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@RealApiServer
class EmbeddedApiServerIT {

  @Test
  void kubectlListsIisFarmsWithThePrinterColumns(@TempDir Path dir) throws Exception {
    Kubectl kubectl = Kubectl.requireOrSkip();
    try (EmbeddedApiServer api = EmbeddedApiServer.start(0); KubernetesClient client = api.newClient()) {
      IisFarm farm = new IisFarm();
      farm.getMetadata().setName("shop");
      farm.getMetadata().setNamespace("web");
      IisFarmSpec spec = new IisFarmSpec();
      spec.setWinrm(new WinRmSpec());
      spec.getWinrm().setCredentialsSecretRef(new SecretRef("shop-winrm"));
      spec.setHosts(List.of(new HostSpec("web01", "web01.corp.example")));
      farm.setSpec(spec);
      client.resource(farm).create();
      IisFarmStatus status = new IisFarmStatus();
      status.setMode("Audit");
      status.setInSync("3/4");
      status.setConditions(List.of(new ConditionBuilder().withType("Ready").withStatus("False")
          .withReason("DriftDetected").withMessage("m").withLastTransitionTime("2026-01-01T00:00:00Z").build()));
      farm = client.resources(IisFarm.class).inNamespace("web").withName("shop").get();
      farm.setStatus(status);
      client.resource(farm).updateStatus();

      Path kubeconfig = api.writeKubeconfig(dir.resolve("kubeconfig"), "web");
      Kubectl.Result table = kubectl.run(kubeconfig, "get", "iisfarms");
      assertThat(table.exitCode()).as(table.stderr()).isZero();
      List<String> lines = table.stdout().lines().toList();
      assertThat(lines.get(0)).matches("NAME\\s+READY\\s+IN SYNC\\s+MODE\\s+AGE\\s*");
      assertThat(lines.get(1)).matches("shop\\s+False\\s+3/4\\s+Audit\\s+\\d+s\\s*");

      Kubectl.Result shortName = kubectl.run(kubeconfig, "get", "iisf", "shop", "-o", "yaml");
      assertThat(shortName.exitCode()).as(shortName.stderr()).isZero();
      assertThat(shortName.stdout()).contains("kind: IisFarm").contains("inSync: 3/4").contains("reason: DriftDetected");
    }
  }
}
