package io.iisfarm.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.rollout.DrainSettings;
import io.iisfarm.operator.secrets.KeyGenerator;
import io.iisfarm.operator.status.Blocker;
import io.iisfarm.operator.winrm.CaBundles;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** spec.rollout.drain with the webhook's CA and token from Secrets, and what a missing or bad Secret does. */
class DrainResolutionTest {
  private static final String TOKEN = "lb-token-not-a-real-secret-0c1d2e3f";
  private final Map<String, Map<String, String>> secrets = new HashMap<>();
  private final FarmResolver resolver = new FarmResolver((ns, name) -> Optional.ofNullable(secrets.get(ns + "/" + name)),
      (ns, name, farm, source, validation, decryption) -> false, new KeyGenerator());

  private static IisFarm farm() {
    return Serialization.unmarshal("""
        apiVersion: iisfarm.io/v1alpha1
        kind: IisFarm
        metadata: {name: shop, namespace: web}
        spec:
          winrm: {credentialsSecretRef: {name: shop-winrm}}
          hosts: [{name: web01, address: web01.corp.example}]
          rollout:
            drain:
              webhook: {url: "https://lb.corp.example/drain", caSecretRef: {name: lb-ca}, tokenSecretRef: {name: lb-token}, timeout: 5s, retries: 2}
              nlb: {timeout: 2m, pollInterval: 1s}
              delay: 30s
        """, IisFarm.class);
  }

  @Test
  void theSettingsCarryTheCaAndTheTokenWhichNeverShows() {
    String ca = io.iisfarm.operator.simulator.wsman.TlsIdentity.generate(java.util.List.of("lb")).caPem();
    secrets.put("web/lb-ca", Map.of("ca.crt", ca));
    secrets.put("web/lb-token", Map.of("token", TOKEN + "\n"));

    FarmResolver.DrainResolution resolution = resolver.drain(farm());

    assertThat(resolution.blocker()).isNull();
    DrainSettings drain = resolution.settings();
    assertThat(drain.nlb()).isEqualTo(new DrainSettings.Nlb(Duration.ofMinutes(2), Duration.ofSeconds(1)));
    assertThat(drain.delay()).isEqualTo(Duration.ofSeconds(30));
    assertThat(drain.webhook().url().toString()).isEqualTo("https://lb.corp.example/drain");
    assertThat(drain.webhook().caPem()).isEqualTo(ca);
    assertThat(drain.webhook().retries()).isEqualTo(2);
    assertThat(drain.webhook().farm()).isEqualTo("shop");
    assertThat(drain.toString()).doesNotContain(TOKEN);
    assertThat(CaBundles.sslContext(drain.webhook().caPem())).isNotNull();
  }

  @Test
  void aMissingTokenSecretBlocksChangesAndSaysWhichSecret() {
    secrets.put("web/lb-ca", Map.of("ca.crt", io.iisfarm.operator.simulator.wsman.TlsIdentity.generate(java.util.List.of("lb")).caPem()));

    Blocker blocker = resolver.drain(farm()).blocker();

    assertThat(blocker.kind()).isEqualTo(Blocker.Kind.SECRET_MISSING);
    assertThat(blocker.message()).contains("web/lb-token");
  }

  @Test
  void aTokenSecretWithoutTheTokenKeyIsInvalid() {
    secrets.put("web/lb-ca", Map.of("ca.crt", io.iisfarm.operator.simulator.wsman.TlsIdentity.generate(java.util.List.of("lb")).caPem()));
    secrets.put("web/lb-token", Map.of("bearer", TOKEN));

    Blocker blocker = resolver.drain(farm()).blocker();

    assertThat(blocker.kind()).isEqualTo(Blocker.Kind.SECRET_INVALID);
    assertThat(blocker.message()).contains("key token is missing").doesNotContain(TOKEN);
  }

  @Test
  void theWebhookSecretsAreWatched() {
    assertThat(SecretReferences.names(farm().getSpec())).contains("lb-ca", "lb-token");
  }
}
