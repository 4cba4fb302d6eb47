package io.iisfarm.operator.plan;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one host needs: ordered steps, findings, and whether its site IDs and machineKeys match the spec.
 *
 * @param reachable false when the host was not observed; everything else is then empty or UNKNOWN
 * @param steps in execution order: site moves, then AppRoot alignment, then machineKey writes
 * @param sites one entry per spec site
 * @param keyFiles every machine-level config file read, managed or not
 */
public record HostPlan(
    String host,
    boolean reachable,
    List<Step> steps,
    List<Finding> findings,
    SyncState siteIdsInSync,
    SyncState machineKeysInSync,
    List<SiteCheck> sites,
    List<KeyFileCheck> keyFiles) {

  public HostPlan {
    Objects.requireNonNull(host, "host");
    steps = List.copyOf(steps);
    findings = List.copyOf(findings);
    sites = List.copyOf(sites);
    keyFiles = List.copyOf(keyFiles);
    Objects.requireNonNull(siteIdsInSync, "siteIdsInSync");
    Objects.requireNonNull(machineKeysInSync, "machineKeysInSync");
  }

  /** The plan of a host that could not be read. */
  public static HostPlan unreachable(String host) {
    return new HostPlan(host, false, List.of(), List.of(), SyncState.UNKNOWN, SyncState.UNKNOWN, List.of(), List.of());
  }

  /**
   * The host counts as in sync (docs/design.md §6): reachable, site IDs in sync, and keys in sync, or unknown only
   * because they cannot be read over plain http (the host then counts on its site IDs alone).
   */
  public boolean inSync() {
    if (!reachable || siteIdsInSync != SyncState.TRUE) {
      return false;
    }
    return machineKeysInSync == SyncState.TRUE
        || (machineKeysInSync == SyncState.UNKNOWN && has(FindingReason.INSECURE_TRANSPORT)
            && !has(FindingReason.INVALID_SPEC));
  }

  /** A conflict blocks every step on this host. */
  public boolean hasConflict() {
    return findings.stream().anyMatch(f -> f.reason().isConflict());
  }

  public boolean has(FindingReason reason) {
    return findings.stream().anyMatch(f -> f.reason() == reason);
  }

  public List<Finding> findings(FindingReason reason) {
    return findings.stream().filter(f -> f.reason() == reason).toList();
  }

  /** Every site some step stops, in step order, each once. */
  public List<String> stops() {
    Set<String> names = new LinkedHashSet<>();
    steps.forEach(s -> names.addAll(s.stops()));
    return List.copyOf(names);
  }

  /** Same plan without steps: for a host whose changes are blocked elsewhere (InvalidSpec on any host). */
  HostPlan withoutSteps() {
    return new HostPlan(host, reachable, List.of(), findings, siteIdsInSync, machineKeysInSync, sites, keyFiles);
  }

  HostPlan withMoreFindings(List<Finding> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<Finding> all = new java.util.ArrayList<>(findings);
    all.addAll(more);
    return new HostPlan(host, reachable, steps, all, siteIdsInSync, machineKeysInSync, sites, keyFiles);
  }
}
