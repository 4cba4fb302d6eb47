package io.iisfarm.operator.status;

import io.iisfarm.operator.rollout.RolloutResult;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.plan.Finding;
import io.iisfarm.operator.plan.FindingReason;
import io.iisfarm.operator.plan.HostPlan;
import io.iisfarm.operator.plan.Step;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Decides which Events a reconcile's report implies (changes applied, drift, rollbacks, failures, windows) and
 * hands them to an {@link EventWriter}: by default {@link KubernetesEvents}, which aggregates repeats as
 * Kubernetes does.
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

  private final EventWriter writer;

  /** Writes core/v1 Events through {@code client}, stamped by {@code clock}. */
  public EventRecorder(KubernetesClient client, Clock clock) {
    this(new KubernetesEvents(client, clock));
  }

  public EventRecorder(EventWriter writer) {
    this.writer = Objects.requireNonNull(writer, "writer");
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
   * Emits one Event (repeats aggregate, see {@link KubernetesEvents}); a message longer than
   * {@value #MAX_MESSAGE} characters is cut there.
   *
   * @param reason CamelCase
   * @param message no secrets: fingerprints only
   */
  public void emit(IisFarm farm, Type type, String reason, String message) {
    writer.write(farm, type, reason, message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE - 3) + "..."
        : message);
  }

  private static String describe(List<Step> steps) {
    return Summaries.plural(steps.size(), "step") + ": "
        + steps.stream().map(Step::describe).collect(Collectors.joining("; "));
  }
}
