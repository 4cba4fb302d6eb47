package io.iisfarm.operator.rollout;

import io.iisfarm.operator.api.InFlightStep;

/**
 * Where host steps in flight are recorded (the IisFarm's status), so that a restarted operator finishes or
 * rolls back a step instead of guessing.
 */
public interface InFlightLedger {

  /** Records {@code step}; returns only once it is stored. Throws when it cannot be, and the host is not touched. */
  void begin(InFlightStep step);

  /** The step on {@code host} ended: verified, or rolled back and verified. */
  void end(String host);

  /** Keeps nothing: for one-shot use without Kubernetes (the audit command never changes hosts). */
  InFlightLedger NONE = new InFlightLedger() {
    @Override
    public void begin(InFlightStep step) {}

    @Override
    public void end(String host) {}
  };
}
