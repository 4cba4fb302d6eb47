package io.iisfarm.operator.reconciler;

import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.metrics.OperatorMetrics;
import io.iisfarm.operator.rollout.RolloutListener;
import io.iisfarm.operator.status.EventRecorder;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A farm's rollout as Kubernetes sees it while it runs: an Event for each drain, restore and failed health
 * check, the drain and health-check times in metrics, and the hosts the windows held back.
 */
final class RolloutEvents implements RolloutListener {
  private final IisFarm farm;
  private final EventRecorder events;
  private final OperatorMetrics metrics;
  private final Map<String, String> deferred = Collections.synchronizedMap(new LinkedHashMap<>());

  RolloutEvents(IisFarm farm, EventRecorder events, OperatorMetrics metrics) {
    this.farm = farm;
    this.events = events;
    this.metrics = metrics;
  }

  @Override
  public void drained(String host, String method, Duration took) {
    metrics.drain(namespace(), name(), host, method, "drain", took);
    if (!method.equals("delay")) {
      events.emit(farm, EventRecorder.Type.NORMAL, EventRecorder.DRAINED, host + ": taken out of the load balancer"
          + " (" + method + ") before its change");
    }
  }

  @Override
  public void drainNote(String host, String note) {
    events.emit(farm, EventRecorder.Type.NORMAL, EventRecorder.DRAINED, host + ": " + note);
  }

  @Override
  public void restored(String host, String method, Duration took) {
    metrics.drain(namespace(), name(), host, method, "restore", took);
    events.emit(farm, EventRecorder.Type.NORMAL, EventRecorder.RESTORED, host + ": back in the load balancer ("
        + method + ")");
  }

  @Override
  public void healthChecked(String host, String site, String answer, boolean healthy, boolean beforeChange,
      Duration took) {
    metrics.healthCheck(namespace(), name(), host, site, healthy ? "healthy" : "unhealthy", took);
    if (!healthy && beforeChange) {
      events.emit(farm, EventRecorder.Type.WARNING, EventRecorder.SITE_DOWN_BEFORE_CHANGE, host + ": " + answer
          + "; it does not answer before the change, so it is not checked after it");
    } else if (!healthy) {
      events.emit(farm, EventRecorder.Type.WARNING, EventRecorder.HEALTH_CHECK_FAILED, host + ": " + answer);
    }
  }

  @Override
  public void deferred(String host, String why) {
    deferred.put(host, why);
  }

  /** Hosts whose step the windows did not let start, with why. */
  Map<String, String> deferredHosts() {
    synchronized (deferred) {
      return Collections.unmodifiableMap(new LinkedHashMap<>(deferred));
    }
  }

  private String namespace() {
    return farm.getMetadata().getNamespace();
  }

  private String name() {
    return farm.getMetadata().getName();
  }
}
