package io.iisfarm.operator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The CRD is generated from the Java types at every build; the copies under version control (for
 * {@code kubectl apply -f crds/} and for the Helm chart) must be exactly what the build generated.
 */
class CommittedCrdTest {
  static final List<Path> COMMITTED_COPIES = List.of(GeneratedCrd.ROOT_COPY, GeneratedCrd.CHART_COPY);

  @ParameterizedTest(name = "{0}")
  @FieldSource("COMMITTED_COPIES")
  void committedCopyIsByteIdenticalToTheGeneratedCrd(Path copy) throws IOException {
    byte[] generated = Files.readAllBytes(GeneratedCrd.GENERATED);
    if (!Files.exists(copy)) {
      fail(copy + " is missing; create it with: " + GeneratedCrd.REFRESH_COMMAND);
    }
    byte[] committed = Files.readAllBytes(copy);

    assertThat(new String(committed, StandardCharsets.UTF_8))
        .withFailMessage(() -> copy + " differs from the CRD this build generated (" + GeneratedCrd.GENERATED
            + ")" + firstDifference(committed, generated) + ". Refresh both copies with: "
            + GeneratedCrd.REFRESH_COMMAND)
        .isEqualTo(new String(generated, StandardCharsets.UTF_8));
  }

  @Test
  void printerColumnsShowReadyInSyncModeAndAge() {
    Map<String, String> columns = new LinkedHashMap<>();
    Map<String, String> types = new LinkedHashMap<>();
    for (JsonNode column : GeneratedCrd.version().path("additionalPrinterColumns")) {
      columns.put(column.path("name").asText(), column.path("jsonPath").asText());
      types.put(column.path("name").asText(), column.path("type").asText());
    }

    assertThat(columns).containsOnly(
        Map.entry("Ready", ".status.conditions[?(@.type==\"Ready\")].status"),
        Map.entry("In Sync", ".status.inSync"),
        Map.entry("Mode", ".status.mode"),
        Map.entry("Age", ".metadata.creationTimestamp"));
    assertThat(types).containsEntry("Age", "date").containsEntry("Ready", "string")
        .containsEntry("In Sync", "string").containsEntry("Mode", "string");
  }

  @Test
  void statusIsASubresourceAndTheResourceIsNamespacedWithItsNames() {
    JsonNode crd = GeneratedCrd.crd();
    JsonNode version = GeneratedCrd.version();

    assertThat(version.path("subresources").has("status")).isTrue();
    assertThat(version.path("subresources").path("status").isObject()).isTrue();
    assertThat(version.path("served").asBoolean()).isTrue();
    assertThat(version.path("storage").asBoolean()).isTrue();
    assertThat(crd.at("/metadata/name").asText()).isEqualTo("iisfarms.iisfarm.io");
    assertThat(crd.at("/spec/group").asText()).isEqualTo(IisFarm.GROUP);
    assertThat(crd.at("/spec/scope").asText()).isEqualTo("Namespaced");
    assertThat(crd.at("/spec/names/kind").asText()).isEqualTo("IisFarm");
    assertThat(crd.at("/spec/names/plural").asText()).isEqualTo("iisfarms");
    assertThat(crd.at("/spec/names/shortNames/0").asText()).isEqualTo("iisf");
  }

  private static String firstDifference(byte[] committed, byte[] generated) {
    String[] a = new String(committed, StandardCharsets.UTF_8).split("\n", -1);
    String[] b = new String(generated, StandardCharsets.UTF_8).split("\n", -1);
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      if (!a[i].equals(b[i])) {
        return "; first difference at line " + (i + 1) + ": committed [" + a[i] + "], generated [" + b[i] + "]";
      }
    }
    return "; committed has " + a.length + " lines, generated " + b.length;
  }
}
