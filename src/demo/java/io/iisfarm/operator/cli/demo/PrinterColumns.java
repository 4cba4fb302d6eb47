package io.iisfarm.operator.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IisFarm CRD's printer columns, read from the generated CRD in the jar, evaluated against objects as
 * the API server does for {@code kubectl get}: simple JSON paths with {@code [?(@.field=="value")]} filters,
 * and {@code date} columns shown as an age.
 */
public final class PrinterColumns {
  static final String CRD_RESOURCE = "/META-INF/fabric8/iisfarms.iisfarm.io-v1.yml";
  private static final Pattern FILTER = Pattern.compile("^\\[\\?\\(@\\.(\\w+)==\"([^\"]*)\"\\)]");
  private static final Pattern FIELD = Pattern.compile("^\\.(\\w+)");

  private final List<Column> columns;

  private PrinterColumns(List<Column> columns) {
    this.columns = columns;
  }

  /** A printer column as the CRD declares it. */
  public record Column(String name, String type, String jsonPath, int priority, String description) {}

  public static PrinterColumns fromGeneratedCrd() {
    try (InputStream in = PrinterColumns.class.getResourceAsStream(CRD_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(CRD_RESOURCE + " is missing from the classpath: run mvn process-classes");
      }
      JsonNode crd = new ObjectMapper(new YAMLFactory()).readTree(in);
      List<Column> columns = new ArrayList<>();
      for (JsonNode c : crd.at("/spec/versions/0/additionalPrinterColumns")) {
        columns.add(new Column(c.path("name").asText(), c.path("type").asText(), c.path("jsonPath").asText(),
            c.path("priority").asInt(0), c.path("description").asText("")));
      }
      return new PrinterColumns(List.copyOf(columns));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<Column> columns() { return columns; }

  /** The cell text of {@code column} for {@code object}, as kubectl shows it. */
  public String cell(Column column, JsonNode object, Instant now) {
    JsonNode value = evaluate(object, column.jsonPath());
    if (value == null || value.isMissingNode() || value.isNull()) {
      return "";
    }
    if ("date".equals(column.type())) {
      return humanAge(Duration.between(Instant.parse(value.asText()), now));
    }
    return value.asText();
  }

  static JsonNode evaluate(JsonNode root, String path) {
    JsonNode current = root;
    String rest = path;
    while (!rest.isEmpty() && current != null) {
      Matcher field = FIELD.matcher(rest);
      Matcher filter = FILTER.matcher(rest);
      if (field.find()) {
        current = current.get(field.group(1));
        rest = rest.substring(field.end());
      } else if (filter.find()) {
        JsonNode match = null;
        for (JsonNode item : current) {
          if (filter.group(2).equals(item.path(filter.group(1)).asText(null))) {
            match = item;
            break;
          }
        }
        current = match;
        rest = rest.substring(filter.end());
      } else {
        throw new IllegalArgumentException("unsupported JSON path " + path);
      }
    }
    return current;
  }

  /** kubectl's short age: 45s, 3m20s, 12m, 2h15m, 5h, 3d4h, 12d. */
  static String humanAge(Duration age) {
    long seconds = Math.max(0, age.getSeconds());
    long minutes = seconds / 60;
    long hours = minutes / 60;
    long days = hours / 24;
    if (seconds < 120) {
      return seconds + "s";
    } else if (minutes < 10) {
      return seconds % 60 == 0 ? minutes + "m" : minutes + "m" + seconds % 60 + "s";
    } else if (minutes < 180) {
      return minutes + "m";
    } else if (hours < 8) {
      return minutes % 60 == 0 ? hours + "h" : hours + "h" + minutes % 60 + "m";
    } else if (hours < 48) {
      return hours + "h";
    } else if (days < 8) {
      return hours % 24 == 0 ? days + "d" : days + "d" + hours % 24 + "h";
    }
    return days + "d";
  }
}
