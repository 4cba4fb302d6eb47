package io.iisfarm.operator.secrets;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reads Secrets and decodes their data; knows nothing of what the values mean. */
public class SecretReader {
  private final KubernetesClient client;

  public SecretReader(KubernetesClient client) {
    this.client = client;
  }

  /** The Secret's decoded data, or empty when it does not exist. */
  public Optional<Map<String, String>> find(String namespace, String name) {
    Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
    return Optional.ofNullable(secret).map(SecretReader::decode);
  }

  /** The Secret's decoded data; a missing Secret is a {@link SecretProblemException}. */
  public Map<String, String> require(String namespace, String name, String purpose) {
    return find(namespace, name).orElseThrow(() -> SecretProblemException.missing(namespace, name, purpose));
  }

  /**
   * {@code data} is base64; {@code stringData} is honoured too, for API servers that do not fold it in (and
   * Secrets read from files).
   *
   * @throws SecretProblemException naming the key whose data is not base64, never its value
   */
  public static Map<String, String> decode(Secret secret) {
    Map<String, String> values = new HashMap<>();
    if (secret.getStringData() != null) {
      values.putAll(secret.getStringData());
    }
    if (secret.getData() != null) {
      Base64.Decoder decoder = Base64.getMimeDecoder();
      secret.getData().forEach((k, v) -> {
        try {
          values.put(k, new String(decoder.decode(v == null ? "" : v), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          var meta = secret.getMetadata();
          throw SecretProblemException.invalid(meta == null ? null : meta.getNamespace(),
              meta == null ? null : meta.getName(),
              "data." + k + " is not base64: put the value under stringData, or base64-encode it");
        }
      });
    }
    return values;
  }
}
