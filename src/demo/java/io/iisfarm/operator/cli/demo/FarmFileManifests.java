package io.iisfarm.operator.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmSpec;
import io.iisfarm.operator.simulator.SimulatedFarm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code simulate --farm-out/--secrets-out} writes: an IisFarm for the hosts a simulated farm serves, and
 * the Secrets it names, for {@code audit} or an operator to use. The farm file's optional top-level
 * {@code iisFarm:} says what the farm wants: {@code name}, {@code namespace} and any {@code spec} field but
 * {@code winrm} and {@code hosts}, which come from the running hosts ({@link SimulatedFarmManifests}).
 */
public final class FarmFileManifests {
  static final String SECTION = "iisFarm";
  private static final YAMLMapper YAML = new YAMLMapper();

  public record Manifests(IisFarm farm, List<Secret> secrets) {
    public String farmYaml() {
      return Serialization.asYaml(farm);
    }

    public String secretsYaml() {
      return secrets.stream().map(Serialization::asYaml).map(FarmFileManifests::asDocument)
          .collect(Collectors.joining());
    }
  }

  private FarmFileManifests() {}

  /**
   * @param farmYaml the farm file the simulated farm was started from
   * @throws IllegalArgumentException when the section is malformed or the hosts cannot share one IisFarm
   */
  public static Manifests of(String farmYaml, SimulatedFarm simulated) {
    JsonNode section;
    try {
      section = YAML.readTree(farmYaml).path(SECTION);
    } catch (IOException e) {
      throw new IllegalArgumentException("farm file is not valid YAML", e);
    }
    String name = section.path("name").asText("simulated");
    String namespace = section.path("namespace").asText("default");
    SimulatedFarmManifests manifests = SimulatedFarmManifests.of(simulated, simulated.hosts(), namespace,
        name, spec(section.path("spec")));
    return new Manifests(manifests.farm(), manifests.secrets());
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

  private static String asDocument(String yaml) {
    return yaml.startsWith("---") ? yaml : "---\n" + yaml;
  }
}
