package io.iisfarm.operator.reconciler;

import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.metrics.OperatorMetrics;
import io.iisfarm.operator.rollout.RolloutResult;
import io.iisfarm.operator.status.FarmReport;
import io.iisfarm.operator.status.HostReport;

/** Counts what a reconcile found and did into the operator's metrics. */
final class FarmMetrics {
  private FarmMetrics() {}

  static void record(OperatorMetrics metrics, IisFarm farm, FarmReport report) {
    String namespace = farm.getMetadata().getNamespace();
    String name = farm.getMetadata().getName();
    metrics.reconciled(namespace, name, report.blockers().isEmpty() ? "checked"
        : report.blockers().get(0).kind().reason());
    int drifted = 0;
    for (HostReport host : report.hosts()) {
      RolloutResult rollout = host.rollout();
      boolean changed = rollout != null && !rollout.applied().isEmpty();
      if (host.reachable() && (changed || !host.plan().inSync())) {
        metrics.driftFound(namespace, name, host.name());
      }
      if (!host.inSync()) {
        drifted++;
      }
      if (changed && rollout.succeeded()) {
        metrics.corrected(namespace, name, host.name());
      }
      if (rollout != null && rollout.rolledBack()) {
        metrics.rolledBack(namespace, name, host.name());
      }
    }
    metrics.hostsInDrift(namespace, name, drifted);
  }
}
