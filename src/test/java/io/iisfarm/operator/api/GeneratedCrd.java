package io.iisfarm.operator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The IisFarm CRD exactly as this build's crd-generator-maven-plugin wrote it at process-classes. */
final class GeneratedCrd {
  static final Path GENERATED = Path.of("target/classes/META-INF/fabric8/iisfarms.iisfarm.io-v1.yml");
  /** The copies under version control; {@link #REFRESH_COMMAND} rewrites both from the generated file. */
  static final Path ROOT_COPY = Path.of("crds/iisfarms.iisfarm.io-v1.yml");
  static final Path CHART_COPY = Path.of("helm/iis-farm-operator/files/iisfarms.iisfarm.io-v1.yml");
  static final String REFRESH_COMMAND = "mvn -B -Pupdate-crds process-classes";

  static final ObjectMapper YAML = new YAMLMapper();

  private GeneratedCrd() {}

  static JsonNode crd() {
    return readYaml(GENERATED);
  }

  /** The one served version, v1alpha1. */
  static JsonNode version() {
    JsonNode versions = crd().path("spec").path("versions");
    for (JsonNode version : versions) {
      if (IisFarm.VERSION.equals(version.path("name").asText())) {
        return version;
      }
    }
    throw new IllegalStateException("no version " + IisFarm.VERSION + " in " + GENERATED);
  }

  static JsonNode openApiSchema() {
    return version().path("schema").path("openAPIV3Schema");
  }

  static JsonNode readYaml(Path file) {
    try {
      return YAML.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " (run the build first: mvn -B process-classes)", e);
    }
  }
}
