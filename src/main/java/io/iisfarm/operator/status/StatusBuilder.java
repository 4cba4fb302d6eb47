package io.iisfarm.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.iisfarm.operator.api.HostStatus;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.api.PlannedStep;
import io.iisfarm.operator.plan.Step;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one place that turns a {@link FarmReport} into {@code IisFarmStatus}. Deterministic: the same report
 * and previous status give an equal status, so an unchanged farm causes no patch.
 */
public final class StatusBuilder {
  private final Clock clock;

  public StatusBuilder(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param previous the status the IisFarm has now, or null: conditions keep their lastTransitionTime when
   *     their status does not flip, and host rows keep their last change
   */
  public IisFarmStatus build(FarmReport report, IisFarmStatus previous) {
    IisFarmStatus status = new IisFarmStatus();
    status.setObservedGeneration(report.generation());
    status.setConditions(conditions(FarmConditions.evaluate(report), report.generation(), previous));
    status.setMode(report.mode().wireName());
    int total = report.hosts().size();
    int inSync = report.hostsInSync();
    status.setHostsTotal(total);
    status.setHostsInSync(inSync);
    status.setInSync(inSync + "/" + total);
    status.setLastCheck(HostTable.time(report.checkedAt()));

    List<HostStatus> rows = new ArrayList<>();
    for (HostReport host : report.hosts()) {
      rows.add(HostTable.row(host, report, previousRow(previous, host.name())));
    }
    status.setHosts(rows);
    status.setInFlight(report.inFlight().isEmpty() ? null : report.inFlight());
    status.setPlannedSteps(report.mode().changesHosts() && !report.gate().holdsSteps() ? null : planned(report));
    status.setEmergencyRollout(report.gate().emergency());
    return status;
  }

  private List<Condition> conditions(List<ConditionVerdict> verdicts, long generation, IisFarmStatus previous) {
    String now = HostTable.time(clock.instant());
    List<Condition> out = new ArrayList<>();
    for (ConditionVerdict v : verdicts) {
      Condition before = previousCondition(previous, v.type());
      String since = before != null && v.status().equals(before.getStatus()) && before.getLastTransitionTime() != null
          ? before.getLastTransitionTime()
          : now;
      out.add(new ConditionBuilder().withType(v.type()).withStatus(v.status()).withReason(v.reason())
          .withMessage(v.message()).withLastTransitionTime(since).withObservedGeneration(generation).build());
    }
    return out;
  }

  private static List<PlannedStep> planned(FarmReport report) {
    List<PlannedStep> out = new ArrayList<>();
    for (HostReport host : report.hosts()) {
      for (Step step : host.plan().steps()) {
        out.add(new PlannedStep(host.name(), step.action(), step.describe()));
      }
    }
    return out.isEmpty() ? null : out;
  }

  private static Condition previousCondition(IisFarmStatus previous, String type) {
    if (previous == null || previous.getConditions() == null) {
      return null;
    }
    return previous.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
  }

  private static HostStatus previousRow(IisFarmStatus previous, String host) {
    if (previous == null || previous.getHosts() == null) {
      return null;
    }
    return previous.getHosts().stream().filter(h -> host.equals(h.name())).findFirst().orElse(null);
  }
}
