package io.iisfarm.operator.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmStatus;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

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
  private final Map<String, IisFarm> written = new ConcurrentHashMap<>();

  public StatusRecorder(KubernetesClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** Applies {@code status} to {@code farm} unless they are equal; true when it was applied. */
  @Override
  public boolean record(IisFarm farm, IisFarmStatus status) {
    if (Objects.equals(ownView(latest(farm), status), status)) {
      return false;
    }
    IisFarm applied = client.resources(IisFarm.class)
        .inNamespace(farm.getMetadata().getNamespace())
        .withName(farm.getMetadata().getName())
        .subresource("status")
        .patch(new PatchContext.Builder().withPatchType(PatchType.SERVER_SIDE_APPLY)
            .withFieldManager(FIELD_MANAGER).withForce(true).build(), applyConfiguration(farm, status));
    if (applied != null && farm.getMetadata().getUid() != null) {
      written.put(farm.getMetadata().getUid(), applied);
    }
    return true;
  }

  /**
   * The status the API server returned for this recorder's last write, while the informer's copy of the farm is
   * older than it (a reconcile that follows closely on another may see the farm as it was before the other's
   * writes: without this, it would judge conditions' transitions, the steps in flight and what to write against
   * a status already replaced).
   */
  @Override
  public IisFarmStatus latest(IisFarm farm) {
    String uid = farm.getMetadata().getUid();
    IisFarm last = uid == null ? null : written.get(uid);
    if (last == null) {
      return farm.getStatus();
    }
    if (ResourceVersions.newer(last.getMetadata().getResourceVersion(), farm.getMetadata().getResourceVersion())) {
      return last.getStatus();
    }
    written.remove(uid, last);
    return farm.getStatus();
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
