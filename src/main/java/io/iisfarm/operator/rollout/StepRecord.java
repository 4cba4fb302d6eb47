package io.iisfarm.operator.rollout;

import io.iisfarm.operator.api.InFlightStep;

/**
 * A host step as the ledger holds it, kept up to date as the step moves on: each phase and each load balancer
 * the host leaves or rejoins is on record before it happens, so that an operator that dies in between finds
 * the host where it was left and puts it back.
 */
final class StepRecord {
  private final InFlightLedger ledger;
  private final RolloutListener listener;
  private InFlightStep step;

  StepRecord(InFlightStep step, InFlightLedger ledger, RolloutListener listener) {
    this.step = step;
    this.ledger = ledger;
    this.listener = listener;
  }

  synchronized InFlightStep step() {
    return step;
  }

  String host() {
    return step().host();
  }

  RolloutPhase phase() {
    return RolloutPhase.of(step().phase());
  }

  boolean drained(String method) {
    return step().drainedOrEmpty().contains(method);
  }

  /** Records the phase (the host is not touched until it is stored). */
  void enter(RolloutPhase phase) {
    update(step().withPhase(phase.wireName()));
    listener.phase(host(), phase);
  }

  /** Records that the host is about to leave {@code method}, so that it is put back even after a crash. */
  void leaving(String method) {
    update(step().withDrained(method));
  }

  void rejoined(String method) {
    update(step().withRestored(method));
  }

  void end() {
    ledger.end(host());
  }

  private synchronized void update(InFlightStep next) {
    ledger.begin(next);
    step = next;
  }
}
