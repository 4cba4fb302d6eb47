package io.iisfarm.operator.status;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.iisfarm.operator.api.IisFarm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes core/v1 Events about an IisFarm. An Event repeated with the same type, reason and message is
 * aggregated as Kubernetes does (count and lastTimestamp go up on one Event object) instead of creating a new
 * object every resync. Failing to write an Event is logged, never thrown: Events must not break a reconcile.
 */
public final class KubernetesEvents implements EventWriter {
  private static final Logger LOG = LoggerFactory.getLogger(KubernetesEvents.class);

  private final KubernetesClient client;
  private final Clock clock;

  public KubernetesEvents(KubernetesClient client, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Creates the Event, or bumps count and lastTimestamp of the identical Event already there. */
  @Override
  public void write(IisFarm farm, EventRecorder.Type type, String reason, String text) {
    String namespace = farm.getMetadata().getNamespace();
    String name = eventName(farm, type, reason, text);
    String now = HostTable.time(clock.instant());
    try {
      var events = client.v1().events().inNamespace(namespace);
      Event existing = events.withName(name).get();
      if (existing == null) {
        try {
          events.resource(newEvent(farm, name, type, reason, text, now)).create();
          return;
        } catch (KubernetesClientException e) {
          if (e.getCode() != 409) {
            throw e;
          }
          existing = events.withName(name).get();
          if (existing == null) {
            throw e;
          }
        }
      }
      int count = existing.getCount() == null ? 1 : existing.getCount();
      events.withName(name).patch(PatchContext.of(PatchType.JSON_MERGE),
          "{\"count\":" + (count + 1) + ",\"lastTimestamp\":\"" + now + "\"}");
    } catch (KubernetesClientException e) {
      LOG.warn("Could not record Event {} for IisFarm {}/{}: HTTP {}", reason, namespace,
          farm.getMetadata().getName(), e.getCode());
    }
  }

  private Event newEvent(IisFarm farm, String name, EventRecorder.Type type, String reason, String message,
      String now) {
    return new EventBuilder()
        .withNewMetadata().withName(name).withNamespace(farm.getMetadata().getNamespace()).endMetadata()
        .withInvolvedObject(involvedObject(farm))
        .withType(type.wireName())
        .withReason(reason)
        .withMessage(message)
        .withCount(1)
        .withFirstTimestamp(now)
        .withLastTimestamp(now)
        .withNewSource().withComponent(EventRecorder.COMPONENT).endSource()
        .withReportingComponent(EventRecorder.COMPONENT)
        .build();
  }

  static ObjectReference involvedObject(IisFarm farm) {
    return new ObjectReferenceBuilder()
        .withApiVersion(IisFarm.GROUP + "/" + IisFarm.VERSION)
        .withKind("IisFarm")
        .withNamespace(farm.getMetadata().getNamespace())
        .withName(farm.getMetadata().getName())
        .withUid(farm.getMetadata().getUid())
        .build();
  }

  /** Same IisFarm, type, reason and message: same name, so repeats aggregate on one object. */
  static String eventName(IisFarm farm, EventRecorder.Type type, String reason, String message) {
    String identity = farm.getMetadata().getNamespace() + "/" + farm.getMetadata().getName() + "/"
        + farm.getMetadata().getUid() + "/" + type.wireName() + "/" + reason + "/" + message;
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      String farmName = farm.getMetadata().getName();
      String prefix = farmName.length() > 200 ? farmName.substring(0, 200) : farmName;
      return prefix + "." + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
