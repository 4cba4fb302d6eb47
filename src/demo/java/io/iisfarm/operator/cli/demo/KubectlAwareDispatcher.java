package io.iisfarm.operator.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.iisfarm.operator.api.IisFarm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * fabric8's CRUD dispatcher taught what kubectl asks a real API server before and while it lists
 * IisFarms: the discovery documents, and the {@code as=Table} rendering with the CRD's printer columns; for
 * Events, the Table and the {@code involvedObject} field selectors that kubectl get and describe use; and the
 * access review the operator framework sends before it takes part in leader election; and server-side apply of
 * an IisFarm's status, the operator's one way of writing it, taken here as what it is for a single writer: the
 * applied status replaces the stored one.
 */
final class KubectlAwareDispatcher extends KubernetesCrudDispatcher {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GROUP_VERSION = IisFarm.GROUP + "/" + IisFarm.VERSION;
  private static final Pattern IISFARM_PATH = Pattern.compile(
      "^/apis/" + Pattern.quote(GROUP_VERSION) + "(/namespaces/[^/]+)?/iisfarms(/[^/?]+)?(\\?.*)?$");

  private static final Pattern IISFARM_STATUS_PATH = Pattern.compile(
      "^/apis/" + Pattern.quote(GROUP_VERSION) + "/namespaces/[^/]+/iisfarms/[^/]+/status$");
  private static final String APPLY_PATCH = "application/apply-patch+yaml";

  private final PrinterColumns printerColumns = PrinterColumns.fromGeneratedCrd();
  private final Clock clock;
  private volatile Function<RecordedRequest, MockResponse> interceptor = request -> null;

  KubectlAwareDispatcher(Clock clock) {
    this.clock = clock;
  }

  /** Answers chosen requests first (tests use it to fail a status update); null lets the request through. */
  void intercept(Function<RecordedRequest, MockResponse> interceptor) {
    this.interceptor = interceptor;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    MockResponse intercepted = interceptor.apply(request);
    if (intercepted != null) {
      return intercepted;
    }
    String path = request.getPath();
    String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    if ("PATCH".equals(request.getMethod()) && APPLY_PATCH.equals(request.getHeader("Content-Type"))
        && IISFARM_STATUS_PATH.matcher(bare).matches()) {
      return applyStatus(request);
    }
    if ("POST".equals(request.getMethod()) && AccessReviews.RULES_REVIEW_PATH.equals(bare)) {
      return json(AccessReviews.allowEverything(request.getUtf8Body()), 201);
    }
    if ("GET".equals(request.getMethod())) {
      switch (bare) {
        case "/version":
          return json(DiscoveryDocuments.version());
        case "/api":
          return json(DiscoveryDocuments.coreVersions());
        case "/api/v1":
          return json(DiscoveryDocuments.coreResources());
        case "/apis":
          return json(DiscoveryDocuments.groups());
        case "/apis/coordination.k8s.io/v1":
          return json(DiscoveryDocuments.coordinationResources());
        default:
          break;
      }
      if (bare.equals("/apis/" + GROUP_VERSION)) {
        return json(DiscoveryDocuments.iisFarmResources());
      }
      String accept = request.getHeader("Accept");
      boolean asTable = accept != null && accept.contains("as=Table");
      if (EventQueries.isEventList(path) && (asTable || !EventQueries.fieldSelector(path).isEmpty())) {
        return events(path, asTable);
      }
      if (asTable && IISFARM_PATH.matcher(path).matches()
          && !path.contains("watch=")) {
        return table(path);
      }
    }
    return super.dispatch(request);
  }

  /** The applied status (JSON is YAML) as the JSON Patch {@code add /status} the CRUD store understands. */
  private MockResponse applyStatus(RecordedRequest request) {
    try {
      JsonNode applied = JSON.readTree(request.getUtf8Body());
      ArrayNode patch = JSON.createArrayNode();
      patch.addObject().put("op", "add").put("path", "/status").set("value", applied.path("status"));
      io.fabric8.mockwebserver.http.Headers headers = io.fabric8.mockwebserver.http.Headers.builder()
          .setHeaders(request.getHeaders()).set("Content-Type", "application/json-patch+json").build();
      return super.handlePatch(new RecordedRequest(request.getHttpVersion(), request.method(), request.getPath(),
          headers, new io.fabric8.mockwebserver.http.Buffer().writeUtf8(patch.toString())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private MockResponse table(String path) {
    MockResponse stored = handleGet(path);
    if (stored.code() != 200) {
      return stored;
    }
    try {
      JsonNode body = JSON.readTree(stored.getBody().readUtf8());
      List<JsonNode> items = body.has("items") ? list(body.get("items")) : List.of(body);
      return json(toTable(items));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private MockResponse events(String path, boolean asTable) {
    MockResponse stored = handleGet(EventQueries.withoutFieldSelector(path));
    if (stored.code() != 200) {
      return stored;
    }
    try {
      List<JsonNode> items = list(JSON.readTree(stored.getBody().readUtf8()).path("items"));
      List<JsonNode> selected = EventQueries.select(items, EventQueries.fieldSelector(path));
      return json(asTable ? EventQueries.table(selected, clock.instant()) : EventQueries.list(selected));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ObjectNode toTable(List<JsonNode> items) {
    ObjectNode table = JSON.createObjectNode();
    table.put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
    table.putObject("metadata");
    ArrayNode columns = table.putArray("columnDefinitions");
    columns.addObject().put("name", "Name").put("type", "string").put("format", "name").put("priority", 0)
        .put("description", "Name must be unique within a namespace.");
    printerColumns.columns().forEach(c -> columns.addObject().put("name", c.name()).put("type", c.type())
        .put("format", "").put("priority", c.priority()).put("description", c.description()));
    ArrayNode rows = table.putArray("rows");
    for (JsonNode item : items) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      cells.add(item.at("/metadata/name").asText());
      printerColumns.columns().forEach(c -> cells.add(printerColumns.cell(c, item, clock.instant())));
      ObjectNode object = row.putObject("object");
      object.put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
      object.set("metadata", item.get("metadata"));
    }
    return table;
  }

  private static List<JsonNode> list(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false).toList();
  }

  private static MockResponse json(JsonNode body) {
    return json(body, 200);
  }

  private static MockResponse json(JsonNode body, int code) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
        .setBody(body.toString());
  }
}
