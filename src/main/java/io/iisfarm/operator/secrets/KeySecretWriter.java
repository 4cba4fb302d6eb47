package io.iisfarm.operator.secrets;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.iisfarm.operator.model.KeyMaterial;
import java.net.HttpURLConnection;
import java.util.Map;

/**
 * Creates the machineKey Secret for {@code generate} and {@code adoptFrom}. It only ever creates: an existing
 * Secret is never overwritten, and the Secret gets no ownerReference, so deleting the IisFarm never deletes
 * the farm's key.
 */
public class KeySecretWriter {
  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY = "iis-farm-operator";
  public static final String SOURCE_ANNOTATION = "iisfarm.io/key-source";
  public static final String FARM_ANNOTATION = "iisfarm.io/created-for";

  private final KubernetesClient client;

  public KeySecretWriter(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Creates the Secret unless one of that name exists.
   *
   * @param source what the key came from, e.g. {@code generated} or {@code adopted from web01 v4.0/64}
   * @return true when this call created it; false when it already existed (left untouched)
   */
  public boolean createIfAbsent(String namespace, String name, String farm, String source, KeyMaterial validationKey,
      KeyMaterial decryptionKey) {
    Secret secret = new SecretBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .addToLabels(MANAGED_BY_LABEL, MANAGED_BY)
        .addToAnnotations(Map.of(SOURCE_ANNOTATION, source, FARM_ANNOTATION, farm))
        .endMetadata()
        .withType("Opaque")
        .addToStringData(MachineKeySecret.VALIDATION_KEY, validationKey.reveal())
        .addToStringData(MachineKeySecret.DECRYPTION_KEY, decryptionKey.reveal())
        .build();
    try {
      client.secrets().inNamespace(namespace).resource(secret).create();
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        return false;
      }
      // the client's message can quote the request body; keep only the status
      throw new KubernetesClientException("creating Secret " + namespace + "/" + name + " failed with HTTP "
          + e.getCode() + ": check the operator's RBAC allows creating Secrets in " + namespace, e.getCode(), null);
    }
  }
}
