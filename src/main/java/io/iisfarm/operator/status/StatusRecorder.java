package io.iisfarm.operator.status;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmStatus;
import java.util.Objects;

/**
 * Writes an IisFarm's status subresource with a JSON merge patch (RFC 7386), and only when it differs from the
 * status the resource already has. Merge patch works on every API server and on fabric8's mock server, which
 * does not support server-side apply.
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
   * Patches {@code farm}'s status to {@code status} unless they are equal.
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
        .patch(PatchContext.of(PatchType.JSON_MERGE), mergePatch(status));
    return true;
  }

  /**
   * {@code {"status": {...}}} with every status field: the ones the new status leaves out are sent as null, so
   * a merge patch removes them (e.g. plannedSteps after leaving Audit mode). Lists are replaced whole.
   */
  static String mergePatch(IisFarmStatus status) {
    ObjectNode body = MAPPER.valueToTree(status);
    BeanDescription description = MAPPER.getSerializationConfig().introspect(
        MAPPER.constructType(IisFarmStatus.class));
    for (BeanPropertyDefinition property : description.findProperties()) {
      if (property.couldSerialize() && !body.has(property.getName())) {
        body.putNull(property.getName());
      }
    }
    ObjectNode patch = MAPPER.createObjectNode();
    patch.set("status", body);
    return patch.toString();
  }
}
