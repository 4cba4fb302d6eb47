package io.iisfarm.operator.cli.audit;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.iisfarm.operator.api.IisFarm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the IisFarm to audit from a YAML (or JSON) file: one document, kind IisFarm, no unknown field. */
final class FarmDocument {
  static final String API_VERSION = IisFarm.GROUP + "/" + IisFarm.VERSION;
  private static final YAMLMapper YAML = new YAMLMapper();

  private FarmDocument() {}

  static IisFarm read(Path file) throws UsageException {
    String text = text(file, "IisFarm file");
    List<JsonNode> documents = documents(text, file);
    if (documents.size() != 1) {
      throw new UsageException(file + " holds " + documents.size() + " YAML documents: give a file with exactly"
          + " one IisFarm (pass its Secrets with --secrets FILE)");
    }
    JsonNode doc = documents.get(0);
    String kind = doc.path("kind").asText("");
    String apiVersion = doc.path("apiVersion").asText("");
    if (!"IisFarm".equals(kind) || !API_VERSION.equals(apiVersion)) {
      throw new UsageException(file + " holds kind '" + kind + "' (apiVersion '" + apiVersion + "'), not an IisFarm:"
          + " give a file with apiVersion: " + API_VERSION + " and kind: IisFarm");
    }
    IisFarm farm;
    try {
      farm = Serialization.unmarshal(text, IisFarm.class);
    } catch (RuntimeException e) {
      throw new UsageException(file + " is not a valid IisFarm: " + rootMessage(e));
    }
    if (farm.getMetadata() == null || farm.getMetadata().getName() == null || farm.getMetadata().getName().isBlank()) {
      throw new UsageException(file + ": metadata.name is missing: name the IisFarm, as kubectl would require");
    }
    return farm;
  }

  /** The file's text; a missing or unreadable file is a usage error. */
  static String text(Path file, String what) throws UsageException {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new UsageException(what + " " + file + " does not exist");
    } catch (IOException e) {
      throw new UsageException("cannot read " + what + " " + file + ": " + e.getClass().getSimpleName());
    }
  }

  /**
   * Every non-empty document of a YAML stream.
   *
   * @throws UsageException naming only the line and column of a syntax error: the parser's own message quotes
   *     the offending text, which in a Secrets file could be a password
   */
  static List<JsonNode> documents(String text, Path file) throws UsageException {
    List<JsonNode> out = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
      while (it.hasNextValue()) {
        JsonNode node = it.nextValue();
        if (node != null && !node.isNull() && !node.isMissingNode()) {
          out.add(node);
        }
      }
    } catch (JsonProcessingException e) {
      throw new UsageException(file + " is not valid YAML" + where(e.getLocation()));
    } catch (IOException | RuntimeException e) {
      Throwable cause = e.getCause();
      JsonLocation location = cause instanceof JsonProcessingException j ? j.getLocation() : null;
      throw new UsageException(file + " is not valid YAML" + where(location));
    }
    return out;
  }

  private static String where(JsonLocation location) {
    return location == null || location.getLineNr() < 1 ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t instanceof JsonProcessingException j ? j.getOriginalMessage() : t.getMessage();
    return message == null ? t.getClass().getSimpleName() : message;
  }
}
