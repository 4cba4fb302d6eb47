package io.iisfarm.operator.plan;

import io.iisfarm.operator.model.DesiredFarm;
import io.iisfarm.operator.model.HostObservation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Desired farm plus what each host holds gives what each host needs. Pure: no I/O, and the same inputs
 * always give the same plan.
 *
 * <p>Per host: site moves (swaps and cycles through a free temporary ID), IIS6 AppRoot alignment, machineKey
 * writes, in that order, and findings. A conflict (a target ID held by a site the spec does not name, or an
 * ambiguous IIS6 site name) leaves its host without steps. An {@link FindingReason#INVALID_SPEC} on any host
 * leaves every host without steps.
 */
public final class Planner {

  /**
   * Plans every host of the farm.
   *
   * @param hosts host names in spec order
   * @param observations what each host held; a host without an entry was not reachable
   */
  public FarmPlan plan(DesiredFarm desired, List<String> hosts, Map<String, HostObservation> observations) {
    List<HostPlan> plans = new ArrayList<>();
    Map<String, HostObservation> reached = new LinkedHashMap<>();
    for (String host : hosts) {
      HostObservation obs = observations.get(host);
      plans.add(planHost(desired, host, obs));
      if (obs != null) {
        reached.put(host, obs);
      }
    }
    Map<String, List<Finding>> crossHost = SessionStateChecker.acrossHosts(desired, reached);
    boolean invalid = plans.stream().anyMatch(p -> p.has(FindingReason.INVALID_SPEC));
    List<HostPlan> out = new ArrayList<>();
    for (HostPlan plan : plans) {
      HostPlan withSession = plan.withMoreFindings(crossHost.getOrDefault(plan.host(), List.of()));
      out.add(invalid ? withSession.withoutSteps() : withSession);
    }
    return new FarmPlan(out);
  }

  /**
   * Plans one host on its own, without comparing it with the others. The rollout verifies a change with it:
   * a fresh observation of a converged host gives no steps.
   *
   * @param observation null when the host could not be read
   */
  public HostPlan planHost(DesiredFarm desired, String host, HostObservation observation) {
    if (observation == null) {
      return HostPlan.unreachable(host);
    }
    SitePlanner.Result sites = SitePlanner.plan(host, desired.sites(), observation);
    KeyPlanner.Result keys = KeyPlanner.plan(host, desired.machineKey(), observation);

    List<Finding> findings = new ArrayList<>(sites.findings());
    findings.addAll(keys.findings());
    findings.addAll(SessionStateChecker.againstExpected(host, desired, observation));

    boolean blocked = findings.stream().anyMatch(f -> f.reason().isConflict() || f.reason() == FindingReason.INVALID_SPEC);
    List<Step> steps = new ArrayList<>();
    if (!blocked) {
      steps.addAll(sites.steps());
      steps.addAll(keys.steps());
    }
    return new HostPlan(host, true, steps, findings, sites.sync(), keys.sync(), sites.sites(), keys.files());
  }
}
