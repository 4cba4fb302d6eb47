package io.iisfarm.operator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.iisfarm.operator.api.AuthScheme;
import io.iisfarm.operator.api.HostSpec;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmSpec;
import io.iisfarm.operator.api.MachineKeySpec;
import io.iisfarm.operator.api.SecretRef;
import io.iisfarm.operator.api.Transport;
import io.iisfarm.operator.api.WinRmSpec;
import io.iisfarm.operator.plan.SpecProblem;
import io.iisfarm.operator.plan.SpecValidator;
import io.iisfarm.operator.secrets.KeyGenerator;
import io.iisfarm.operator.secrets.MachineKeySecret;
import io.iisfarm.operator.secrets.WinRmSecrets;
import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.simulator.SimulatedHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An IisFarm for the hosts a simulated farm serves, and the Secrets it names, for {@code audit} or an operator
 * to use. The farm file's optional top-level {@code iisFarm:} says what the farm wants: {@code name},
 * {@code namespace} and any {@code spec} field but {@code winrm} and {@code hosts}. Those two come from the
 * running hosts: addresses on 127.0.0.1, transport, auth, legacy TLS, credentials and CA.
 */
final class SimulatedFarmManifests {
  static final String SECTION = "iisFarm";
  private static final YAMLMapper YAML = new YAMLMapper();

  record Manifests(IisFarm farm, List<Secret> secrets) {
    String farmYaml() {
      return Serialization.asYaml(farm);
    }

    String secretsYaml() {
      return secrets.stream().map(Serialization::asYaml).map(SimulatedFarmManifests::asDocument)
          .collect(Collectors.joining());
    }
  }

  private SimulatedFarmManifests() {}

  /**
   * @param farmYaml the farm file the simulated farm was started from
   * @throws IllegalArgumentException when the section is malformed or the hosts cannot share one IisFarm
   */
  static Manifests of(String farmYaml, SimulatedFarm simulated, KeyGenerator keys) {
    JsonNode section;
    try {
      section = YAML.readTree(farmYaml).path(SECTION);
    } catch (IOException e) {
      throw new IllegalArgumentException("farm file is not valid YAML", e);
    }
    String name = section.path("name").asText("simulated");
    String namespace = section.path("namespace").asText("default");
    IisFarmSpec spec = spec(section.path("spec"));
    List<SimulatedHost> hosts = simulated.hosts();
    SimulatedHost first = hosts.get(0);
    Map<String, Secret> secrets = new LinkedHashMap<>();

    WinRmSpec winrm = new WinRmSpec();
    winrm.setTransport(same(hosts.stream().map(SimulatedHost::https).toList(), "https and http")
        ? Transport.HTTPS : Transport.HTTP);
    winrm.setAuth(auth(hosts));
    winrm.setAllowLegacyTls(hosts.stream().anyMatch(SimulatedHost::legacyTls));
    winrm.setCredentialsSecretRef(new SecretRef(name + "-winrm"));
    secrets.put(name + "-winrm", credentials(name + "-winrm", namespace, first));
    if (first.https()) {
      winrm.setCaSecretRef(new SecretRef(name + "-winrm-ca"));
      secrets.put(name + "-winrm-ca", secret(name + "-winrm-ca", namespace, Map.of(WinRmSecrets.CA_CERT,
          simulated.caPem())));
    }
    spec.setWinrm(winrm);

    List<HostSpec> hostSpecs = new ArrayList<>();
    for (SimulatedHost host : hosts) {
      HostSpec hostSpec = new HostSpec(host.name().toLowerCase(Locale.ROOT), "127.0.0.1:" + host.port());
      boolean ownCredentials = !host.username().equals(first.username()) || !host.password().equals(first.password());
      if (ownCredentials) {
        String secretName = name + "-" + hostSpec.getName() + "-winrm";
        hostSpec.setCredentialsSecretRef(new SecretRef(secretName));
        secrets.put(secretName, credentials(secretName, namespace, host));
      }
      hostSpecs.add(hostSpec);
    }
    spec.setHosts(hostSpecs);

    MachineKeySpec key = spec.getMachineKey();
    if (key != null) {
      if (key.getSecretRef() == null) {
        key.setSecretRef(new SecretRef(name + "-machinekey"));
      }
      if (key.getAdoptFrom() == null) {
        secrets.put(key.getSecretRef().getName(), secret(key.getSecretRef().getName(), namespace, Map.of(
            MachineKeySecret.VALIDATION_KEY, keys.validationKey(key.getValidation()).reveal(),
            MachineKeySecret.DECRYPTION_KEY, keys.decryptionKey(key.getDecryption()).reveal())));
      }
    }
    List<SpecProblem> problems = SpecValidator.validate(spec);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("the farm's IisFarm would be invalid: " + SpecValidator.summary(problems));
    }
    IisFarm farm = new IisFarm();
    farm.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    farm.setSpec(spec);
    return new Manifests(farm, List.copyOf(secrets.values()));
  }

  /** Writes the Secrets readable by the owner alone, where the file system knows POSIX permissions. */
  static void writePrivate(Path file, String text) throws IOException {
    Files.deleteIfExists(file);
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(file);
    }
    Files.writeString(file, text);
  }

  private static IisFarmSpec spec(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return new IisFarmSpec();
    }
    if (node.has("winrm") || node.has("hosts")) {
      throw new IllegalArgumentException(SECTION + ".spec: leave winrm and hosts out; they come from the hosts"
          + " the farm serves");
    }
    try {
      return Serialization.unmarshal(Serialization.asJson(node), IisFarmSpec.class);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(SECTION + ".spec is not an IisFarm spec: " + e.getMessage(), e);
    }
  }

  private static boolean same(List<Boolean> values, String what) {
    if (values.stream().distinct().count() > 1) {
      throw new IllegalArgumentException("the hosts mix " + what + ", but an IisFarm has one transport");
    }
    return values.get(0);
  }

  private static AuthScheme auth(List<SimulatedHost> hosts) {
    if (hosts.stream().allMatch(SimulatedHost::basicAuth)) {
      return AuthScheme.BASIC;
    }
    if (hosts.stream().allMatch(SimulatedHost::ntlmAuth)) {
      return AuthScheme.NTLM;
    }
    throw new IllegalArgumentException("the hosts accept no common authentication (basic or ntlm)");
  }

  private static Secret credentials(String name, String namespace, SimulatedHost host) {
    return secret(name, namespace, Map.of(WinRmSecrets.USERNAME, host.username(),
        WinRmSecrets.PASSWORD, host.password()));
  }

  private static Secret secret(String name, String namespace, Map<String, String> stringData) {
    return new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
        .withType("Opaque").withStringData(new java.util.TreeMap<>(stringData)).build();
  }

  private static String asDocument(String yaml) {
    return yaml.startsWith("---") ? yaml : "---\n" + yaml;
  }
}
