package io.iisfarm.operator.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmStatus;
import java.util.Objects;

/**
 * Writes an IisFarm's status subresource by server-side apply, and only when it differs from the status the
 * resource already has (docs/decisions/0004-status-writes-by-server-side-apply.md).
 *
 * <p>The operator applies its whole status as field manager {@value #FIELD_MANAGER}, forcing ownership of what
 * it writes: what it wrote before and leaves out now disappears, while fields and list-map entries (conditions
 * by type, host rows by name) that another writer owns stay. No read-modify-write, so a concurrent writer's
 * change is never lost and no conflict is retried.
 *
 * <p>Server errors (e.g. 5xx) surface as {@link io.fabric8.kubernetes.client.KubernetesClientException}, for
 * the reconciler to retry.
 */
public final class StatusRecorder implements StatusWriter {
  public static final String FIELD_MANAGER = "iis-farm-operator";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final KubernetesClient client;

  public StatusRecorder(KubernetesClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** Applies {@code status} to {@code farm} unless they are equal; true when it was applied. */
  @Override
  public boolean record(IisFarm farm, IisFarmStatus status) {
    if (Objects.equals(ownView(farm.getStatus(), status), status)) {
      return false;
    }
    client.resources(IisFarm.class)
        .inNamespace(farm.getMetadata().getNamespace())
        .withName(farm.getMetadata().getName())
        .subresource("status")
        .patch(new PatchContext.Builder().withPatchType(PatchType.SERVER_SIDE_APPLY)
            .withFieldManager(FIELD_MANAGER).withForce(true).build(), applyConfiguration(farm, status));
    return true;
  }

  /**
   * {@code current} without the conditions of types {@code status} does not report: another writer's conditions
   * are not the operator's to write, and must not make it write on every reconcile.
   */
  static IisFarmStatus ownView(IisFarmStatus current, IisFarmStatus status) {
    if (current == null || current.getConditions() == null || status.getConditions() == null) {
      return current;
    }
    java.util.Set<String> own = status.getConditions().stream().map(c -> c.getType())
        .collect(java.util.stream.Collectors.toSet());
    IisFarmStatus view = MAPPER.convertValue(current, IisFarmStatus.class);
    view.setConditions(current.getConditions().stream().filter(c -> own.contains(c.getType())).toList());
    return view;
  }

  /** The apply configuration: the object's identity and the status, nothing else. */
  static String applyConfiguration(IisFarm farm, IisFarmStatus status) {
    ObjectNode apply = MAPPER.createObjectNode();
    apply.put("apiVersion", IisFarm.GROUP + "/" + IisFarm.VERSION);
    apply.put("kind", "IisFarm");
    apply.putObject("metadata").put("name", farm.getMetadata().getName())
        .put("namespace", farm.getMetadata().getNamespace());
    apply.set("status", MAPPER.valueToTree(status));
    return apply.toString();
  }
}
