package io.iisfarm.operator.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmStatus;
import java.util.Objects;

/**
 * Writes an IisFarm's status subresource, and only when it differs from the status the resource already has.
 *
 * <p>The write is one JSON Patch (RFC 6902) operation, {@code add /status}, which replaces the whole status:
 * fields and list entries the new status leaves out disappear. Not server-side apply, which fabric8's mock
 * server does not support; and not a JSON merge patch: RFC 7386 replaces lists, as the API server does, but the
 * mock server (7.5.2) merges with Jackson's readerForUpdating, which appends list entries, so conditions and
 * host rows would pile up there. A JSON Patch behaves the same on both.
 *
 * <p>Server errors (e.g. 5xx) surface as {@link io.fabric8.kubernetes.client.KubernetesClientException}, for
 * the reconciler to retry.
 */
public final class StatusRecorder {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final KubernetesClient client;

  public StatusRecorder(KubernetesClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /**
   * Writes {@code status} to {@code farm} unless they are equal.
   *
   * @param farm the IisFarm as last read (its status is compared with {@code status})
   * @return true when a patch was sent
   */
  public boolean record(IisFarm farm, IisFarmStatus status) {
    if (Objects.equals(farm.getStatus(), status)) {
      return false;
    }
    client.resources(IisFarm.class)
        .inNamespace(farm.getMetadata().getNamespace())
        .withName(farm.getMetadata().getName())
        .subresource("status")
        .patch(PatchContext.of(PatchType.JSON), replaceStatus(status));
    return true;
  }

  /** {@code [{"op":"add","path":"/status","value":{...}}]}: adds the status, or replaces it whole. */
  static String replaceStatus(IisFarmStatus status) {
    ObjectNode op = MAPPER.createObjectNode();
    op.put("op", "add");
    op.put("path", "/status");
    op.set("value", MAPPER.valueToTree(status));
    ArrayNode patch = MAPPER.createArrayNode();
    patch.add(op);
    return patch.toString();
  }
}
