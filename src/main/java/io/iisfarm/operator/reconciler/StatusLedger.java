package io.iisfarm.operator.reconciler;

import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.InFlightStep;
import io.iisfarm.operator.rollout.InFlightLedger;
import io.iisfarm.operator.status.FarmReport;
import io.iisfarm.operator.status.StatusBuilder;
import io.iisfarm.operator.status.StatusWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the host steps in flight in the IisFarm's status while a rollout runs: each change is written
 * before {@link #begin} returns, so a host is never touched before its step is on record.
 */
final class StatusLedger implements InFlightLedger {
  private final IisFarm farm;
  private final FarmReport report;
  private final StatusBuilder builder;
  private final StatusWriter recorder;
  private final List<InFlightStep> inFlight;

  /** @param report what this reconcile saw before acting; the status shows it with the steps in flight */
  StatusLedger(IisFarm farm, FarmReport report, StatusBuilder builder, StatusWriter recorder) {
    this.farm = farm;
    this.report = report;
    this.builder = builder;
    this.recorder = recorder;
    this.inFlight = new ArrayList<>(report.inFlight());
  }

  @Override
  public synchronized void begin(InFlightStep step) {
    inFlight.removeIf(s -> s.host().equals(step.host()));
    inFlight.add(step);
    write();
  }

  @Override
  public synchronized void end(String host) {
    if (inFlight.removeIf(s -> s.host().equals(host))) {
      write();
    }
  }

  /** The steps still on record: those whose rollback failed, for the next reconcile to resume. */
  synchronized List<InFlightStep> remaining() {
    return List.copyOf(inFlight);
  }

  private void write() {
    FarmReport now = new FarmReport(report.generation(), report.mode(), report.machineKeysManaged(),
        report.checkedAt(), report.hosts(), report.blockers(), List.copyOf(inFlight), report.gate());
    var status = builder.build(now, farm.getStatus());
    recorder.record(farm, status);
    farm.setStatus(status);
  }
}
