package io.iisfarm.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.iisfarm.operator.api.HostStatus;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.secrets.WinRmSecrets;
import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.testing.LogCapture;
import io.iisfarm.operator.testing.SecretScan;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo}, run as a user runs it: the sample farm converges, drift is corrected, and no secret is shown. */
class DemoCommandIT {
  private static final List<String> HOSTS = List.of("web01", "web02", "web03", "web04");

  @TempDir
  Path dir;

  @Test
  void convergesTheSampleFarmCorrectsDriftAndShowsNoSecret() throws Exception {
    List<String> secrets = new ArrayList<>(samplePasswords());
    String out;
    String err;
    int exit;
    try (LogCapture logs = LogCapture.start(); DemoRun demo = DemoRun.startAndAwaitServing(dir)) {
      try (KubernetesClient client = demo.client()) {
        IisFarm farm = client.resources(IisFarm.class).inNamespace("web").withName("shop").get();
        assertThat(farm.getStatus().getInSync()).isEqualTo("4/4");
        HostStatus web03 = farm.getStatus().getHosts().stream().filter(h -> h.name().equals("web03")).findFirst()
            .orElseThrow();
        assertThat(web03.sites()).allSatisfy(s -> assertThat(s.actualId()).isEqualTo(s.desiredId()));
        for (Secret secret : client.secrets().inNamespace("web").list().getItems()) {
          secret.getData().forEach((key, value) -> {
            if (!key.equals(WinRmSecrets.CA_CERT) && !key.equals(WinRmSecrets.USERNAME)) {
              secrets.add(new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8));
            }
          });
        }
      }
      exit = demo.stop();
      out = demo.out();
      err = demo.err();
      // the four passwords twice (sample file and Secrets), and the generated validation and decryption keys
      assertThat(secrets).hasSize(10);
      SecretScan.assertClean("demo stdout", out, secrets);
      SecretScan.assertClean("demo stderr", err, secrets);
      SecretScan.assertClean("logs", logs.text(), secrets);
    }

    assertThat(exit).as("exit code; stderr: %s", err).isZero();
    assertThat(err).isBlank();
    assertThat(out).contains("kubeconfig      " + dir.resolve("demo.kubeconfig"), "kubectl get iisfarms");
    assertThat(out).containsPattern(progress("web01", "observed") + "IIS 6\\.0 on Windows Server 2003")
        .containsPattern(progress("web02", "observed") + "IIS 7\\.5 on Windows Server 2008 R2")
        .containsPattern(progress("web03", "observed") + "IIS 10\\.0 on Windows Server 2019")
        .containsPattern(progress("web01", "found") + "SiteIdDrift: site Shop has ID 1739249713, not 2");
    for (String host : HOSTS) {
      for (String label : List.of("planned", "backed up", "changed", "verified")) {
        assertThat(out).containsPattern(progress(host, label));
      }
    }
    assertThat(out).contains("$ kubectl get iisfarms\nNAME   READY   IN SYNC   MODE      AGE\n")
        .containsPattern("\nshop   True    4/4       Enforce   \\d+s\n");
    assertThat(out).contains("$ kubectl describe iisfarm shop")
        .containsPattern("Ready +True +InSync +All hosts are in sync \\(4/4\\)\\.")
        .containsPattern("SiteIdsInSync +True +SiteIdsMatch")
        .containsPattern("MachineKeysInSync +True +MachineKeysMatch")
        .containsPattern("Degraded +False +NoFailures")
        .containsPattern("web01 +True +Windows Server 2003 +6\\.0 +True +Shop=2, Api=3")
        .containsPattern("Normal +ChangeApplied +\\S+ +iis-farm-operator +web02: applied and verified 7 steps");
    assertThat(out).containsPattern(progress("web03", "drift injected") + "site Shop's ID changed from 2 to 7")
        .containsPattern(progress("web03", "drift detected"))
        .containsPattern("Drift on web03 corrected in \\d+\\.\\d s\\.")
        .contains("Event: Normal DriftCorrected web03: drift corrected and verified")
        .contains("Demo finished in");
  }

  private static String progress(String host, String label) {
    return "\\[ *\\d+\\.\\ds\\] " + host + " +" + Pattern.quote(label) + " +";
  }

  /** The simulated hosts' WinRM passwords, as the sample farm file sets them. */
  private static List<String> samplePasswords() throws Exception {
    try (InputStream in = SimulatedFarm.class.getResourceAsStream(SimulatedFarm.SAMPLE_RESOURCE)) {
      Matcher m = Pattern.compile("password: ([^,}\\s]+)").matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      List<String> passwords = new ArrayList<>();
      while (m.find()) {
        passwords.add(m.group(1));
      }
      assertThat(passwords).hasSize(4);
      return passwords;
    }
  }
}
