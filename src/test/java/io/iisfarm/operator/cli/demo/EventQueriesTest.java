package io.iisfarm.operator.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventQueriesTest {
  /** The request kubectl 1.32 sends for the Events of {@code kubectl describe iisfarm shop}. */
  private static final String DESCRIBE = "/api/v1/namespaces/web/events?fieldSelector=involvedObject.name%3Dshop"
      + "%2CinvolvedObject.namespace%3Dweb%2CinvolvedObject.kind%3DIisFarm%2CinvolvedObject.uid%3Du-1&limit=500";

  @Test
  void readsKubectlsFieldSelectorAndKeepsTheRestOfTheQuery() {
    assertThat(EventQueries.fieldSelector(DESCRIBE)).containsExactly(
        Map.entry("involvedObject.name", "shop"), Map.entry("involvedObject.namespace", "web"),
        Map.entry("involvedObject.kind", "IisFarm"), Map.entry("involvedObject.uid", "u-1"));
    assertThat(EventQueries.withoutFieldSelector(DESCRIBE)).isEqualTo("/api/v1/namespaces/web/events?limit=500");
    assertThat(EventQueries.withoutFieldSelector("/api/v1/events?limit=5&fieldSelector=type%3DWarning"))
        .isEqualTo("/api/v1/events?limit=5");
    assertThat(EventQueries.fieldSelector("/api/v1/namespaces/web/events?limit=500")).isEmpty();
  }

  @Test
  void onlyListsAreAnsweredNeverWatchesOrSingleEvents() {
    assertThat(EventQueries.isEventList(DESCRIBE)).isTrue();
    assertThat(EventQueries.isEventList("/api/v1/events")).isTrue();
    assertThat(EventQueries.isEventList("/api/v1/namespaces/web/events/shop.1234")).isFalse();
    assertThat(EventQueries.isEventList("/api/v1/namespaces/web/events?watch=true")).isFalse();
  }

  @Test
  void selectsOnNestedFields() throws Exception {
    List<JsonNode> events = List.of(event("shop", "u-1", "ChangeApplied", 1), event("other", "u-2", "RolledBack", 1),
        event("shop", "u-0", "DriftCorrected", 1));

    assertThat(EventQueries.select(events, EventQueries.fieldSelector(DESCRIBE)))
        .extracting(e -> e.path("reason").asText()).containsExactly("ChangeApplied");
  }

  @Test
  void tableHasTheApiServersEventColumnsAndCells() throws Exception {
    JsonNode table = EventQueries.table(List.of(event("shop", "u-1", "DriftCorrected", 3)),
        Instant.parse("2026-11-24T10:05:00Z"));

    assertThat(table.path("columnDefinitions").findValuesAsText("name")).containsExactly("Last Seen", "Type",
        "Reason", "Object", "Subobject", "Source", "Message", "First Seen", "Count", "Name");
    assertThat(table.path("columnDefinitions").findValues("priority")).extracting(JsonNode::asInt)
        .containsExactly(0, 0, 0, 0, 1, 1, 0, 1, 1, 1);
    assertThat(table.at("/rows/0/cells").toString()).isEqualTo("[\"60s\",\"Normal\",\"DriftCorrected\","
        + "\"iisfarm/shop\",\"\",\"iis-farm-operator\",\"web03: drift corrected\",\"5m\",3,\"shop.abc\"]");
  }

  private static JsonNode event(String name, String uid, String reason, int count) throws Exception {
    return new ObjectMapper().readTree("""
        {"metadata": {"name": "%s.abc", "namespace": "web"}, "type": "Normal", "reason": "%s",
         "message": "web03: drift corrected ", "count": %d, "source": {"component": "iis-farm-operator"},
         "firstTimestamp": "2026-11-24T10:00:00Z", "lastTimestamp": "2026-11-24T10:04:00Z",
         "involvedObject": {"kind": "IisFarm", "name": "%s", "namespace": "web", "uid": "%s"}}
        """.formatted(name, reason, count, name, uid));
  }
}
