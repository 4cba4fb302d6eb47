package io.iisfarm.operator.status;

import io.iisfarm.operator.rollout.RolloutResult;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.plan.Finding;
import io.iisfarm.operator.plan.FindingReason;
import io.iisfarm.operator.plan.HostPlan;
import io.iisfarm.operator.plan.Step;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits core/v1 Events about an IisFarm. An Event repeated with the same type, reason and message is
 * aggregated as Kubernetes does (count and lastTimestamp go up on one Event object) instead of creating a new
 * object every resync. Failing to write an Event is logged, never thrown: Events must not break a reconcile.
 */
public final class EventRecorder {
  public static final String COMPONENT = "iis-farm-operator";
  /** Kubernetes truncates longer Event messages anyway; keep them readable. */
  static final int MAX_MESSAGE = 1024;

  // reasons of Events beyond the host failure kinds and blockers
  public static final String CHANGE_APPLIED = "ChangeApplied";
  public static final String DRIFT_CORRECTED = "DriftCorrected";
  public static final String DRIFT_DETECTED = ConditionReasons.DRIFT_DETECTED;
  public static final String ROLLED_BACK = ConditionReasons.ROLLED_BACK;
  public static final String ROLLOUT_FAILED = ConditionReasons.ROLLOUT_FAILED;
  public static final String SITE_ID_CONFLICT = ConditionReasons.SITE_ID_CONFLICT;
  public static final String DRAINED = "Drained";
  public static final String RESTORED = "Restored";
  public static final String HEALTH_CHECK_FAILED = ConditionReasons.HEALTH_CHECK_FAILED;
  public static final String DRAIN_FAILED = ConditionReasons.DRAIN_FAILED;
  public static final String RESTORE_FAILED = ConditionReasons.RESTORE_FAILED;
  public static final String MAINTENANCE_WINDOW_WAIT = "MaintenanceWindowWait";
  /** A site's health check failed before a host's change: the change is not held to it (or the path is blocked). */
  public static final String SITE_DOWN_BEFORE_CHANGE = "SiteDownBeforeChange";
  public static final String EMERGENCY_ROLLOUT = "EmergencyRollout";
  public static final String EMERGENCY_ROLLOUT_COMPLETED = "EmergencyRolloutCompleted";

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

  /** Event type. */
  public enum Type {
    NORMAL("Normal"),
    WARNING("Warning");

    private final String wireName;

    Type(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() { return wireName; }
  }

  private final KubernetesClient client;
  private final Clock clock;

  public EventRecorder(KubernetesClient client, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Emits every Event a reconcile's report implies. A change made while the spec generation is the one the
   * previous status saw corrects drift ({@code DriftCorrected}); otherwise it applies a new spec
   * ({@code ChangeApplied}).
   */
  public void record(IisFarm farm, FarmReport report) {
    record(farm, farm.getStatus(), report);
  }

  /**
   * As {@link #record(IisFarm, FarmReport)}, judged against {@code before}: the status the reconcile started
   * from, since statuses written during a rollout already carry the current generation.
   */
  public void record(IisFarm farm, IisFarmStatus before, FarmReport report) {
    boolean sameGeneration = before != null && before.getObservedGeneration() != null
        && before.getObservedGeneration() == report.generation();
    for (Blocker blocker : report.blockers()) {
      emit(farm, Type.WARNING, blocker.kind().reason(), blocker.message());
    }
    if (report.blocker(Blocker.Kind.INVALID_SPEC).isEmpty()) {
      // the planner's InvalidSpec findings (a v4.0-only algorithm meets a v2.0 runtime on some host)
      report.invalidSpecMessages().forEach(m -> invalidSpec(farm, m));
    }
    windows(farm, report);
    for (HostReport host : report.hosts()) {
      if (host.failure() != null) {
        hostFailed(farm, host.name(), host.failure());
      }
      RolloutResult rollout = host.rollout();
      if (rollout != null) {
        if (rollout.rolledBack()) {
          rolledBack(farm, host.name(), rollout.failure());
        } else if (rollout.cause() == RolloutResult.Cause.DRAIN) {
          emit(farm, Type.WARNING, DRAIN_FAILED, host.name() + ": " + rollout.failure());
        } else if (rollout.cause() == RolloutResult.Cause.RESTORE) {
          emit(farm, Type.WARNING, RESTORE_FAILED, host.name() + ": changed and healthy, but " + rollout.failure());
        } else if (rollout.failure() != null) {
          rolloutFailed(farm, host.name(), rollout.failure());
        } else if (!rollout.applied().isEmpty()) {
          if (sameGeneration) {
            driftCorrected(farm, host.name(), rollout.applied());
          } else {
            changeApplied(farm, host.name(), rollout.applied());
          }
        }
      }
      if (host.reachable()) {
        host.plan().findings().stream().filter(f -> f.reason().isConflict())
            .forEach(f -> emit(farm, Type.WARNING, SITE_ID_CONFLICT, host.name() + ": " + f.message()));
        if (!report.mode().changesHosts() && !host.plan().inSync() && !host.plan().hasConflict()) {
          driftDetected(farm, host.name(), host.plan());
        }
      }
    }
  }

  /** A reconcile whose steps wait for a maintenance window, or that overrode the windows in an emergency. */
  private void windows(IisFarm farm, FarmReport report) {
    if (!report.mode().changesHosts()) {
      return;
    }
    RolloutGate gate = report.gate();
    List<String> waiting = report.hosts().stream().filter(h -> h.reachable() && !h.plan().steps().isEmpty())
        .map(HostReport::name).toList();
    if (gate.holdsSteps() && !waiting.isEmpty()) {
      emit(farm, Type.NORMAL, MAINTENANCE_WINDOW_WAIT, Summaries.plural(waiting.size(), "host") + " wait for a"
          + " maintenance window (" + String.join(", ", waiting) + "): " + gate.why());
    }
    if (gate.emergencyActive()) {
      emit(farm, Type.WARNING, EMERGENCY_ROLLOUT, "Changing hosts outside the maintenance windows, as the"
          + " annotation " + IisFarm.EMERGENCY_ROLLOUT_ANNOTATION + " asks: " + gate.emergency().reason());
    }
  }

  /** The emergency rollout ended: every host is in sync, and the windows hold again. */
  public void emergencyCompleted(IisFarm farm, String reason) {
    emit(farm, Type.NORMAL, EMERGENCY_ROLLOUT_COMPLETED, "The emergency rollout (" + reason + ") is complete: every"
        + " host is in sync, and the maintenance windows hold again. Remove the annotation "
        + IisFarm.EMERGENCY_ROLLOUT_ANNOTATION + ", or give it a new reason to override the windows again.");
  }

  public void changeApplied(IisFarm farm, String host, List<Step> steps) {
    emit(farm, Type.NORMAL, CHANGE_APPLIED, host + ": applied and verified " + describe(steps));
  }

  public void driftCorrected(IisFarm farm, String host, List<Step> steps) {
    emit(farm, Type.NORMAL, DRIFT_CORRECTED, host + ": drift corrected and verified: " + describe(steps));
  }

  public void rolledBack(IisFarm farm, String host, String why) {
    emit(farm, Type.WARNING, ROLLED_BACK, host + ": restored from backup after a failed change: " + why);
  }

  public void rolloutFailed(IisFarm farm, String host, String why) {
    emit(farm, Type.WARNING, ROLLOUT_FAILED, host + ": change failed: " + why);
  }

  public void hostFailed(IisFarm farm, String host, HostFailure failure) {
    emit(farm, Type.WARNING, failure.kind().reason(), host + ": " + failure.message() + "; " + failure.kind().hint());
  }

  public void invalidSpec(IisFarm farm, String message) {
    emit(farm, Type.WARNING, ConditionReasons.INVALID_SPEC, message);
  }

  public void secretProblem(IisFarm farm, Blocker blocker) {
    emit(farm, Type.WARNING, blocker.kind().reason(), blocker.message());
  }

  /** Audit or suspended mode: what differs and would change. */
  public void driftDetected(IisFarm farm, String host, HostPlan plan) {
    String what = plan.steps().isEmpty()
        ? plan.findings().stream().map(Finding::reason).map(FindingReason::camelCase).distinct()
            .collect(Collectors.joining(", "))
        : "would " + describe(plan.steps());
    emit(farm, Type.WARNING, DRIFT_DETECTED, host + " differs from the spec: " + what);
  }

  /**
   * Emits one Event, or bumps count and lastTimestamp of the identical Event already there.
   *
   * @param reason CamelCase
   * @param message no secrets: fingerprints only
   */
  public void emit(IisFarm farm, Type type, String reason, String message) {
    String namespace = farm.getMetadata().getNamespace();
    String text = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE - 3) + "..." : message;
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

  private Event newEvent(IisFarm farm, String name, Type type, String reason, String message, String now) {
    return new EventBuilder()
        .withNewMetadata().withName(name).withNamespace(farm.getMetadata().getNamespace()).endMetadata()
        .withInvolvedObject(involvedObject(farm))
        .withType(type.wireName())
        .withReason(reason)
        .withMessage(message)
        .withCount(1)
        .withFirstTimestamp(now)
        .withLastTimestamp(now)
        .withNewSource().withComponent(COMPONENT).endSource()
        .withReportingComponent(COMPONENT)
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
  static String eventName(IisFarm farm, Type type, String reason, String message) {
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

  private static String describe(List<Step> steps) {
    return Summaries.plural(steps.size(), "step") + ": "
        + steps.stream().map(Step::describe).collect(Collectors.joining("; "));
  }
}
