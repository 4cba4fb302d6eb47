package io.iisfarm.operator.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The mapping of an anonymized recording, from each stand-in back to the real name: for the user who recorded,
 * to read the maintainers' answers. It is written outside the transcripts' folder, readable by its owner only,
 * and is never to be shared.
 */
public final class MappingFile {
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());

  /** @param kind host, domain, ip, user, site or path */
  public record Entry(String kind, String original, String replacement) {}

  private MappingFile() {}

  /** Where the mapping of {@code dir} goes unless told: beside it, {@code <dir>.mapping.yaml}. */
  public static Path besides(Path dir) {
    Path absolute = dir.toAbsolutePath().normalize();
    return absolute.resolveSibling(absolute.getFileName() + ".mapping.yaml");
  }

  /** @throws IllegalArgumentException when {@code file} lies inside {@code dir}, where it would be shared */
  public static void write(Path file, Path dir, List<Entry> entries) throws IOException {
    if (file.toAbsolutePath().normalize().startsWith(dir.toAbsolutePath().normalize())) {
      throw new IllegalArgumentException("the mapping " + file + " would be inside " + dir + ", which is what gets"
          + " shared: give --mapping a file outside it");
    }
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    entries.forEach(e -> list.addObject().put("kind", e.kind()).put("original", e.original())
        .put("replacement", e.replacement()));
    String text = "# The real names behind the stand-ins of the anonymized transcripts in " + dir.getFileName()
        + ".\n# Keep this file to yourself: it undoes the anonymization. Never attach it to a report.\n"
        + YAML.writeValueAsString(JsonNodeFactory.instance.objectNode().set("names", list));
    Files.deleteIfExists(file);
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(file);
    }
    Files.writeString(file, text);
  }

  public static List<Entry> read(Path file) throws IOException {
    JsonNode root = YAML.readTree(Files.readString(file));
    List<Entry> entries = new ArrayList<>();
    for (JsonNode e : root.path("names")) {
      entries.add(new Entry(e.path("kind").asText(), e.path("original").asText(), e.path("replacement").asText()));
    }
    return entries;
  }
}
