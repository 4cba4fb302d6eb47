package io.iisfarm.operator.cli.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.iisfarm.operator.api.HostSpec;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmSpec;
import io.iisfarm.operator.api.MachineKeySpec;
import io.iisfarm.operator.api.SecretRef;
import io.iisfarm.operator.secrets.MachineKeySecret;
import io.iisfarm.operator.secrets.SecretProblemException;
import io.iisfarm.operator.secrets.SecretReader;
import io.iisfarm.operator.secrets.WinRmSecrets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Secrets an IisFarm names, for an audit without Kubernetes: each from the {@code --secrets} file when it
 * holds a Secret of that name, otherwise from the environment. Never from the command line, where other users
 * of the machine could read them.
 */
final class AuditSecrets {
  static final String USERNAME = "IISFARM_WINRM_USERNAME";
  static final String PASSWORD = "IISFARM_WINRM_PASSWORD";
  static final String CA_FILE = "IISFARM_WINRM_CA_FILE";
  static final String VALIDATION_KEY = "IISFARM_VALIDATION_KEY";
  static final String DECRYPTION_KEY = "IISFARM_DECRYPTION_KEY";

  private final Map<String, Map<String, String>> data;
  private final Map<String, String> origins;
  private final List<String> notes;

  private AuditSecrets(Map<String, Map<String, String>> data, Map<String, String> origins, List<String> notes) {
    this.data = data;
    this.origins = origins;
    this.notes = notes;
  }

  /**
   * @param file the {@code --secrets} file, or null
   * @throws UsageException naming every Secret that is not given and how to give it
   */
  static AuditSecrets load(IisFarm farm, Path file, Map<String, String> env) throws UsageException {
    Map<String, Map<String, String>> fromFile = file == null ? Map.of()
        : readFile(file, farm.getMetadata().getNamespace());
    String fileOrigin = "--secrets " + file;
    Map<String, Map<String, String>> data = new HashMap<>();
    Map<String, String> origins = new HashMap<>();
    List<String> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    IisFarmSpec spec = farm.getSpec();

    for (Map.Entry<String, SecretRef> ref : credentialRefs(spec).entrySet()) {
      String name = ref.getValue().getName();
      if (take(name, fromFile, fileOrigin, data, origins)) {
        continue;
      }
      String username = env(env, USERNAME);
      String password = env(env, PASSWORD);
      if (username != null && password != null) {
        put(name, Map.of(WinRmSecrets.USERNAME, username, WinRmSecrets.PASSWORD, password),
            "the environment (" + USERNAME + ", " + PASSWORD + ")", data, origins);
      } else {
        problems.add("WinRM credentials: Secret " + name + " (" + ref.getKey() + ") is not given"
            + missingEnv(username == null ? USERNAME : null, password == null ? PASSWORD : null)
            + ". Set " + USERNAME + " and " + PASSWORD + ", or pass --secrets FILE holding that Secret.");
      }
    }

    SecretRef ca = spec.getWinrm().getCaSecretRef();
    String caFile = env(env, CA_FILE);
    if (ca != null && !take(ca.getName(), fromFile, fileOrigin, data, origins)) {
      if (caFile != null) {
        put(ca.getName(), Map.of(WinRmSecrets.CA_CERT, FarmDocument.text(Path.of(caFile), CA_FILE)),
            "the environment (" + CA_FILE + ")", data, origins);
      } else {
        problems.add("WinRM CA: Secret " + ca.getName() + " (spec.winrm.caSecretRef) is not given. Set " + CA_FILE
            + " to the PEM file of the CA that signed the hosts' certificates, or pass --secrets FILE holding"
            + " that Secret.");
      }
    } else if (ca == null && caFile != null) {
      notes.add(CA_FILE + " is ignored: spec.winrm.caSecretRef is not set, so host certificates are checked"
          + " against the JVM trust store.");
    }

    MachineKeySpec key = spec.getMachineKey();
    if (key != null && !take(key.getSecretRef().getName(), fromFile, fileOrigin, data, origins)) {
      String validation = env(env, VALIDATION_KEY);
      String decryption = env(env, DECRYPTION_KEY);
      String name = key.getSecretRef().getName();
      if (validation != null && decryption != null) {
        put(name, Map.of(MachineKeySecret.VALIDATION_KEY, validation, MachineKeySecret.DECRYPTION_KEY, decryption),
            "the environment (" + VALIDATION_KEY + ", " + DECRYPTION_KEY + ")", data, origins);
      } else if (key.getAdoptFrom() == null || validation != null || decryption != null) {
        // adoptFrom without a key: the audit compares every host with the key the named host holds
        problems.add("machineKey: Secret " + name + " (spec.machineKey.secretRef) is not given"
            + missingEnv(validation == null ? VALIDATION_KEY : null, decryption == null ? DECRYPTION_KEY : null)
            + (Boolean.TRUE.equals(key.getGenerate()) ? "; generate: true would create a new random key, but an"
                + " audit creates nothing and needs the key to compare with" : "")
            + ". Set " + VALIDATION_KEY + " and " + DECRYPTION_KEY + " (hex), or pass --secrets FILE holding that"
            + " Secret.");
      }
    }
    if (!problems.isEmpty()) {
      throw new UsageException(String.join("\n", problems));
    }
    return new AuditSecrets(data, origins, notes);
  }

  /** The Secret's data, for {@code FarmResolver.SecretSource}. */
  Optional<Map<String, String>> find(String namespace, String name) {
    return Optional.ofNullable(data.get(name));
  }

  /** Where the Secret of that name came from, for messages: the file or the environment variables. */
  String origin(String name) {
    return origins.get(name);
  }

  /** Environment variables set but not used, and why. */
  List<String> notes() {
    return List.copyOf(notes);
  }

  /** Every credentials reference of the spec, by where it is set. */
  private static Map<String, SecretRef> credentialRefs(IisFarmSpec spec) {
    Map<String, SecretRef> refs = new LinkedHashMap<>();
    refs.put("spec.winrm.credentialsSecretRef", spec.getWinrm().getCredentialsSecretRef());
    for (HostSpec host : spec.getHosts()) {
      if (host.getCredentialsSecretRef() != null) {
        refs.put("spec.hosts[" + host.getName() + "].credentialsSecretRef", host.getCredentialsSecretRef());
      }
    }
    return refs;
  }

  private static boolean take(String name, Map<String, Map<String, String>> fromFile, String origin,
      Map<String, Map<String, String>> data, Map<String, String> origins) {
    Map<String, String> found = fromFile.get(name);
    if (found == null) {
      return false;
    }
    put(name, found, origin, data, origins);
    return true;
  }

  private static void put(String name, Map<String, String> values, String origin,
      Map<String, Map<String, String>> data, Map<String, String> origins) {
    data.merge(name, values, (a, b) -> {
      Map<String, String> merged = new HashMap<>(a);
      merged.putAll(b);
      return merged;
    });
    origins.merge(name, origin, (a, b) -> a.equals(b) ? a : a + " and " + b);
  }

  private static String env(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value;
  }

  private static String missingEnv(String first, String second) {
    List<String> unset = new ArrayList<>();
    if (first != null) {
      unset.add(first);
    }
    if (second != null) {
      unset.add(second);
    }
    return unset.size() == 1 ? " (" + unset.get(0) + " is not set)" : "";
  }

  /**
   * The Secrets of a YAML file (one or several documents, or a v1 List), by name, decoded. Secrets of another
   * namespace than the farm's are left out; documents of other kinds are ignored.
   */
  static Map<String, Map<String, String>> readFile(Path file, String namespace) throws UsageException {
    String text = FarmDocument.text(file, "Secrets file");
    List<JsonNode> documents = new ArrayList<>();
    for (JsonNode doc : FarmDocument.documents(text, file)) {
      if ("List".equals(doc.path("kind").asText()) && doc.path("items").isArray()) {
        doc.path("items").forEach(documents::add);
      } else {
        documents.add(doc);
      }
    }
    Map<String, Map<String, String>> secrets = new HashMap<>();
    int index = 0;
    for (JsonNode doc : documents) {
      index++;
      if (!"Secret".equals(doc.path("kind").asText()) || !"v1".equals(doc.path("apiVersion").asText())) {
        continue;
      }
      Secret secret = secret(doc, file, index);
      String name = secret.getMetadata() == null ? null : secret.getMetadata().getName();
      if (name == null || name.isBlank()) {
        throw new UsageException(file + ": Secret number " + index + " has no metadata.name");
      }
      String secretNamespace = secret.getMetadata().getNamespace();
      if (namespace != null && secretNamespace != null && !Objects.equals(namespace, secretNamespace)) {
        continue;
      }
      if (secrets.containsKey(name)) {
        throw new UsageException(file + " holds Secret " + name + " twice: keep one");
      }
      try {
        secrets.put(name, SecretReader.decode(secret));
      } catch (SecretProblemException e) {
        throw new UsageException(file + ": " + e.getMessage());
      }
    }
    return secrets;
  }

  private static Secret secret(JsonNode doc, Path file, int index) throws UsageException {
    try {
      return Serialization.unmarshal(Serialization.asJson(doc), Secret.class);
    } catch (RuntimeException e) {
      // the parser's message could quote a value
      throw new UsageException(file + ": Secret number " + index + " is not a valid v1 Secret (data and"
          + " stringData map keys to strings)");
    }
  }
}
