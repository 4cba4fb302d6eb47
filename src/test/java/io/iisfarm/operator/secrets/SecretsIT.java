package io.iisfarm.operator.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.iisfarm.operator.api.DecryptionAlgorithm;
import io.iisfarm.operator.api.ValidationAlgorithm;
import io.iisfarm.operator.model.KeyMaterial;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.iisfarm.operator.testing.RealApiServer;
import io.iisfarm.operator.testing.RealKube;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading and creating Secrets on the real API server, each test in a namespace of its own. */
@RealApiServer
class SecretsIT {
  private KubernetesClient client;
  private String ns;

  @BeforeEach
  void start() {
    RealKube kube = RealKube.get();
    ns = kube.createNamespace("secrets");
    client = kube.adminClient(ns);
  }

  @AfterEach
  void stop() {
    client.close();
  }

  @Test
  void readsBase64DataAndReportsAMissingSecretByName() {
    client.secrets().inNamespace(ns).resource(new SecretBuilder()
        .withNewMetadata().withName("shop-winrm").endMetadata()
        .addToData("username", b64("CORP\\farmadmin"))
        .addToData("password", b64("pa55-w0rd!"))
        .build()).create();
    SecretReader reader = new SecretReader(client);

    assertThat(reader.require(ns, "shop-winrm", "WinRM credentials"))
        .containsEntry("username", "CORP\\farmadmin")
        .containsEntry("password", "pa55-w0rd!");
    assertThatThrownBy(() -> reader.require(ns, "absent", "WinRM credentials"))
        .isInstanceOfSatisfying(SecretProblemException.class, e -> {
          assertThat(e.reason()).isEqualTo("SecretMissing");
          assertThat(e.getMessage()).isEqualTo("Secret " + ns + "/absent (WinRM credentials) not found: create it in"
              + " namespace " + ns + " or fix the reference in the IisFarm");
        });
  }

  @Test
  void createsTheKeySecretOnceWithoutOwnerAndNeverOverwrites() {
    KeyGenerator generator = new KeyGenerator();
    KeyMaterial validation = generator.validationKey(ValidationAlgorithm.SHA1);
    KeyMaterial decryption = generator.decryptionKey(DecryptionAlgorithm.AES);
    KeySecretWriter writer = new KeySecretWriter(client);

    assertThat(writer.createIfAbsent(ns, "shop-machinekey", "shop", "generated", validation, decryption)).isTrue();
    KeyMaterial other = generator.validationKey(ValidationAlgorithm.SHA1);
    assertThat(writer.createIfAbsent(ns, "shop-machinekey", "shop", "generated", other, decryption)).isFalse();

    Secret stored = client.secrets().inNamespace(ns).withName("shop-machinekey").get();
    assertThat(stored.getMetadata().getOwnerReferences()).isNullOrEmpty();
    assertThat(stored.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "iis-farm-operator");
    assertThat(SecretReader.decode(stored))
        .containsEntry("validationKey", validation.reveal())
        .containsEntry("decryptionKey", decryption.reveal());
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
