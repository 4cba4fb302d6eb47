package io.iisfarm.operator.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the CRUD mock lacks for Events and kubectl needs: field selectors on {@code involvedObject.*} (kubectl
 * describe finds an object's Events that way) and the Table {@code kubectl get events} prints, with the API
 * server's event columns (kubernetes pkg/printers/internalversion, printEvent).
 */
final class EventQueries {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EVENT_LIST = Pattern.compile("^/api/v1(/namespaces/[^/]+)?/events(\\?.*)?$");

  private EventQueries() {}

  static boolean isEventList(String path) {
    return EVENT_LIST.matcher(path).matches() && !path.contains("watch=");
  }

  /** The {@code fieldSelector} of a request path as field → value; empty when there is none. */
  static Map<String, String> fieldSelector(String path) {
    Map<String, String> selector = new LinkedHashMap<>();
    int query = path.indexOf('?');
    if (query < 0) {
      return selector;
    }
    for (String param : path.substring(query + 1).split("&")) {
      if (param.startsWith("fieldSelector=")) {
        String value = URLDecoder.decode(param.substring("fieldSelector=".length()), StandardCharsets.UTF_8);
        for (String term : value.split(",")) {
          String[] kv = term.split("==?", 2);
          if (kv.length == 2) {
            selector.put(kv[0].strip(), kv[1].strip());
          }
        }
      }
    }
    return selector;
  }

  /** The path without its fieldSelector, for the store, which cannot select on nested fields. */
  static String withoutFieldSelector(String path) {
    return path.replaceAll("([?&])fieldSelector=[^&]*&?", "$1").replaceAll("[?&]$", "");
  }

  static List<JsonNode> select(List<JsonNode> events, Map<String, String> selector) {
    return events.stream().filter(e -> selector.entrySet().stream()
        .allMatch(s -> s.getValue().equals(e.at("/" + s.getKey().replace('.', '/')).asText(null)))).toList();
  }

  static ObjectNode list(List<JsonNode> events) {
    ObjectNode list = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "EventList");
    list.putObject("metadata");
    events.forEach(list.putArray("items")::add);
    return list;
  }

  /** LAST SEEN, TYPE, REASON, OBJECT, MESSAGE, and with -o wide also SUBOBJECT, SOURCE, FIRST SEEN, COUNT, NAME. */
  static ObjectNode table(List<JsonNode> events, Instant now) {
    ObjectNode table = JSON.createObjectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
    table.putObject("metadata");
    ArrayNode columns = table.putArray("columnDefinitions");
    column(columns, "Last Seen", "string", 0);
    column(columns, "Type", "string", 0);
    column(columns, "Reason", "string", 0);
    column(columns, "Object", "string", 0);
    column(columns, "Subobject", "string", 1);
    column(columns, "Source", "string", 1);
    column(columns, "Message", "string", 0);
    column(columns, "First Seen", "string", 1);
    column(columns, "Count", "integer", 1);
    column(columns, "Name", "string", 1);
    ArrayNode rows = table.putArray("rows");
    events.stream().sorted(Comparator.comparing(e -> e.path("lastTimestamp").asText(""))).forEach(e -> {
      ObjectNode row = rows.addObject();
      JsonNode involved = e.path("involvedObject");
      String kind = involved.path("kind").asText("").toLowerCase(Locale.ROOT);
      row.putArray("cells")
          .add(age(e.path("lastTimestamp").asText(null), now))
          .add(e.path("type").asText(""))
          .add(e.path("reason").asText(""))
          .add(involved.hasNonNull("name") ? kind + "/" + involved.get("name").asText() : kind)
          .add(involved.path("fieldPath").asText(""))
          .add(e.path("source").path("component").asText(""))
          .add(e.path("message").asText("").strip())
          .add(age(e.path("firstTimestamp").asText(null), now))
          .add(e.path("count").asInt(1))
          .add(e.at("/metadata/name").asText());
      ObjectNode object = row.putObject("object");
      object.put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
      object.set("metadata", e.get("metadata"));
    });
    return table;
  }

  private static void column(ArrayNode columns, String name, String type, int priority) {
    columns.addObject().put("name", name).put("type", type).put("format", "").put("priority", priority)
        .put("description", "");
  }

  private static String age(String timestamp, Instant now) {
    return timestamp == null || timestamp.isEmpty() ? "<unknown>"
        : PrinterColumns.humanAge(Duration.between(Instant.parse(timestamp), now));
  }
}
