package io.iisfarm.operator.status;

import io.iisfarm.operator.api.IisFarm;

/**
 * Where the Events {@link EventRecorder} decides on go: core/v1 Events ({@link KubernetesEvents}), or, in the
 * reconciler's unit tests, memory. Writing an Event never throws: Events must not break a reconcile.
 */
@FunctionalInterface
public interface EventWriter {

  /**
   * @param reason CamelCase
   * @param message at most {@link EventRecorder#MAX_MESSAGE} characters; no secrets: fingerprints only
   */
  void write(IisFarm farm, EventRecorder.Type type, String reason, String message);
}
