package io.iisfarm.operator.reconciler;

import static io.iisfarm.operator.reconciler.OperatorHarness.FARM;
import static io.iisfarm.operator.reconciler.OperatorHarness.NAMESPACE;
import static io.iisfarm.operator.reconciler.OperatorHarness.condition;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.api.SiteSpec;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.testing.RealApiServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What comes from Secrets and the spec, on a real API server: a Secret created or rotated reconciles the farm, a
 * generated key Secret is created once, an invalid spec is not retried. (Malformed Secrets, adoptFrom and invalid
 * algorithms are rows of IisFarmReconcilerTest: no Kubernetes behaviour of their own.)
 */
@RealApiServer
class SecretsAndSpecIT {
  private static final String NEW_VALIDATION_KEY =
      "A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F90"
          + "0F1E2D3C4B5A69788796A5B4C3D2E1F00F1E2D3C4B5A69788796A5B4C3D2E1F0";
  private static final String NEW_DECRYPTION_KEY = "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF";

  @Test
  void aMissingKeySecretTouchesNoHostUntilItIsCreated() {
    try (OperatorHarness h = OperatorHarness.sample("60s")) {
      List<Secret> secrets = h.manifests.secrets();
      Secret key = secrets.stream().filter(s -> s.getMetadata().getName().equals(h.manifests.keySecretName()))
          .findFirst().orElseThrow();
      secrets.stream().filter(s -> s != key).forEach(s -> h.client.secrets().resource(s).create());
      h.create(h.manifests.farm());
      h.startOperator();

      IisFarmStatus status = h.awaitStatus(FARM, Duration.ofSeconds(60),
          OperatorHarness.condition("Ready", "False", "SecretMissing"));
      assertThat(condition(status, "Ready").orElseThrow().getMessage()).contains(h.manifests.keySecretName());
      h.sim.hosts().forEach(host -> assertThat(host.journal().size()).as(host.name()).isZero());

      // creating the Secret reconciles the farm without waiting for the resync interval
      h.client.secrets().resource(key).create();
      h.awaitStatus(FARM, Duration.ofSeconds(120), OperatorHarness.condition("Ready", "True", null));
      h.assertNoSecretsLeaked();
    }
  }

  @Test
  void aRotatedKeyIsRolledOutToEveryHost() {
    try (OperatorHarness h = OperatorHarness.sample("60s").withSecrets()) {
      h.create(h.manifests.farm());
      h.startOperator();
      h.awaitStatus(FARM, Duration.ofSeconds(90), OperatorHarness.condition("Ready", "True", null));

      h.client.secrets().inNamespace(NAMESPACE).withName(h.manifests.keySecretName())
          .edit(s -> new SecretBuilder(s).withData(Map.of("validationKey", b64(NEW_VALIDATION_KEY),
              "decryptionKey", b64(NEW_DECRYPTION_KEY))).build());

      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (System.nanoTime() < deadline && !h.sim.hosts().stream().allMatch(SecretsAndSpecIT::hasNewKey)) {
        OperatorHarness.sleep(200);
      }
      h.sim.hosts().forEach(host -> assertThat(hasNewKey(host)).as("%s has the rotated key", host.name()).isTrue());
      h.awaitStatus(FARM, Duration.ofSeconds(60), OperatorHarness.condition("Ready", "True", null));
      h.assertNoSecretsLeaked();
      h.logs.close();
      assertThat(h.logs.text()).doesNotContain(NEW_VALIDATION_KEY.substring(0, 16));
    }
  }

  @Test
  void anInvalidSpecTouchesNoHostAndIsNotRetried() {
    try (OperatorHarness h = OperatorHarness.sample("60s").withSecrets()) {
      IisFarm farm = h.manifests.farm();
      // the API server accepts it (a rule comparing names case-insensitively costs too much on Kubernetes 1.26),
      // but IIS treats Shop and SHOP as one site
      farm.getSpec().setSites(List.of(new SiteSpec("Shop", 2L), new SiteSpec("SHOP", 3L)));
      // started first, so that the Secrets it finds at start map to no farm: one event, the farm's creation
      var runtime = h.startOperator();
      h.create(farm);

      IisFarmStatus status = h.awaitStatus(FARM, Duration.ofSeconds(60),
          OperatorHarness.condition("Ready", "False", "InvalidSpec"));
      assertThat(condition(status, "Ready").orElseThrow().getMessage()).contains("spec.sites", "case-insensitively");
      // events queued at the start (the status it wrote, Secrets the informers list) may each reconcile once;
      // then nothing: no retry (the first would come 5 s after the failure), no resync
      double settled = settledReconciles(runtime);
      OperatorHarness.sleep(12_000);
      assertThat(reconciles(runtime)).as("reconciles after the first quiet 3 s").isEqualTo(settled);
      h.sim.hosts().forEach(host -> assertThat(host.journal().size()).as(host.name()).isZero());
    }
  }

  @Test
  void generateCreatesTheKeySecretOnceAndNeverOverwritesIt() {
    try (OperatorHarness h = OperatorHarness.sample("5s")) {
      h.manifests.secrets().stream().filter(s -> !s.getMetadata().getName().equals(h.manifests.keySecretName()))
          .forEach(s -> h.client.secrets().resource(s).create());
      IisFarm farm = h.manifests.farm();
      farm.getSpec().getMachineKey().setGenerate(true);
      h.create(farm);
      var runtime = h.startOperator();

      h.awaitStatus(FARM, Duration.ofSeconds(90), OperatorHarness.condition("Ready", "True", null));
      Map<String, String> created = keySecret(h);
      assertThat(created.get("validationKey")).matches("[0-9A-F]{128}");
      assertThat(created.get("decryptionKey")).matches("[0-9A-F]{64}");
      h.sim.hosts().forEach(host -> assertThat(FarmFiles.validationKey(machineConfig(host)))
          .isEqualTo(created.get("validationKey")));
      // a later resync keeps the Secret as it is
      OperatorHarness.awaitALaterReconcile(runtime);
      assertThat(keySecret(h)).isEqualTo(created);
      h.assertNoSecretsLeaked();
    }
  }

  /** The reconciles counted once none has finished for 3 s (waiting up to a minute). */
  private static double settledReconciles(io.iisfarm.operator.cli.OperatorRuntime runtime) {
    double[] last = {reconciles(runtime)};
    long[] since = {System.nanoTime()};
    OperatorHarness.await("3 s without a reconcile", Duration.ofSeconds(60), () -> {
      double now = reconciles(runtime);
      if (now != last[0]) {
        last[0] = now;
        since[0] = System.nanoTime();
      }
      return System.nanoTime() - since[0] >= Duration.ofSeconds(3).toNanos();
    });
    return last[0];
  }

  private static double reconciles(io.iisfarm.operator.cli.OperatorRuntime runtime) {
    return runtime.registry().find("iisfarm.reconciles").counters().stream()
        .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
  }

  private static boolean hasNewKey(SimulatedHost host) {
    return NEW_VALIDATION_KEY.equals(FarmFiles.validationKey(machineConfig(host)));
  }

  private static byte[] machineConfig(SimulatedHost host) {
    String runtime = host.windows().readFile(host.windows().configPath("v4.0", 32, false)).isPresent() ? "v4.0" : "v2.0";
    return host.windows().readFile(host.windows().configPath(runtime, 32, false)).orElseThrow();
  }

  private static Map<String, String> keySecret(OperatorHarness h) {
    Secret secret = h.client.secrets().inNamespace(NAMESPACE).withName(h.manifests.keySecretName()).get();
    assertThat(secret).as("key Secret").isNotNull();
    // the API server folds stringData into data; the demo's embedded one keeps what it was sent
    Map<String, String> out = new java.util.TreeMap<>();
    if (secret.getStringData() != null) {
      out.putAll(secret.getStringData());
    }
    if (secret.getData() != null) {
      secret.getData().forEach((k, v) -> out.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    }
    return out;
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
