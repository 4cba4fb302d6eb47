package io.iisfarm.operator.plan;

import io.iisfarm.operator.model.DesiredFarm.DesiredSite;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.ObservedSite;
import io.iisfarm.operator.model.SiteWebConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Site IDs of one host: matching, conflicts, ordered moves (through free temporary IDs) and IIS6 AppRoots. */
final class SitePlanner {
  /** IIS site IDs are unsigned 32-bit: 1..4294967295. */
  static final long MAX_SITE_ID = 4_294_967_295L;

  record Result(List<Step> steps, List<Finding> findings, SyncState sync, List<SiteCheck> sites) {}

  private SitePlanner() {}

  static Result plan(String host, List<DesiredSite> desired, HostObservation obs) {
    Finding duplicate = duplicates(host, desired);
    if (duplicate != null) {
      return new Result(List.of(), List.of(duplicate), SyncState.UNKNOWN, List.of());
    }
    boolean iis6 = obs.iisVersion() != null && obs.iisVersion().isIis6();
    List<Finding> findings = new ArrayList<>();
    List<SiteCheck> checks = new ArrayList<>();
    Map<DesiredSite, ObservedSite> matched = new LinkedHashMap<>();
    Set<ObservedSite> namedBySpec = Collections.newSetFromMap(new IdentityHashMap<>());

    for (DesiredSite d : desired) {
      if (!obs.representable(d.name())) {
        findings.add(new Finding(host, FindingReason.SITE_NAME_NOT_REPRESENTABLE, "site " + d.name() + ": its name"
            + " holds characters the WinRM shell's code page " + obs.consoleCodePage() + " cannot carry, so the"
            + " operator cannot tell it from other sites on this host; it is neither checked nor changed (rename"
            + " the site, or manage its ID by hand)"));
        checks.add(new SiteCheck(d.name(), d.id(), null, SiteCheck.UNKNOWN, null, false));
        continue;
      }
      List<ObservedSite> found = obs.sitesNamed(d.name());
      namedBySpec.addAll(found);
      if (found.isEmpty()) {
        findings.add(new Finding(host, FindingReason.SITE_MISSING, "site " + d.name() + " does not exist on this"
            + " host; the operator never creates sites: create it (with ID " + d.id() + ") or remove it from"
            + " spec.sites"));
        checks.add(new SiteCheck(d.name(), d.id(), null, SiteCheck.MISSING, null, false));
      } else if (found.size() > 1) {
        String ids = found.stream().map(s -> String.valueOf(s.id())).collect(Collectors.joining(", "));
        findings.add(new Finding(host, FindingReason.AMBIGUOUS_SITE_NAME, found.size() + " sites are named "
            + d.name() + " (IDs " + ids + "), so the operator cannot tell which one spec.sites means; nothing is"
            + " changed on this host until all but one are renamed (ServerComment) or deleted"));
        checks.add(new SiteCheck(d.name(), d.id(), null, SiteCheck.AMBIGUOUS, null, false));
      } else {
        matched.put(d, found.get(0));
      }
    }

    findings.addAll(conflicts(host, matched, obs, namedBySpec));
    obs.siteConfigs().stream().filter(SiteWebConfig::isUnreadable).forEach(c -> findings.add(new Finding(host,
        FindingReason.SITE_CONFIG_UNREADABLE, "site " + c.site() + "'s web.config (" + c.path() + ") could not be"
            + " read: " + c.unreadable() + "; a machineKey or sessionState it sets is unknown")));

    List<AlignAppRoots> aligns = new ArrayList<>();
    for (Map.Entry<DesiredSite, ObservedSite> e : matched.entrySet()) {
      DesiredSite d = e.getKey();
      ObservedSite s = e.getValue();
      boolean idOk = s.id() == d.id();
      if (!idOk) {
        findings.add(new Finding(host, FindingReason.SITE_ID_DRIFT, "site " + d.name() + " has ID " + s.id()
            + ", not " + d.id() + ", so its ASP.NET application path differs from the other hosts' and sessions"
            + " are lost; " + (obs.sharedConfiguration() != null ? "not changed from this host (see SharedConfiguration)"
                : "planned: move it to ID " + d.id() + (iis6 ? " and align its AppRoots" : "")
                    + " (the site stops briefly)")));
      }
      boolean appRootsOk = true;
      if (iis6) {
        AppRoots.Outcome outcome = AppRoots.check(host, d, s);
        findings.addAll(outcome.findings());
        if (outcome.step() != null) {
          aligns.add(outcome.step());
          appRootsOk = false;
        }
      }
      checks.add(new SiteCheck(d.name(), d.id(), s.id(), s.state(), iis6 ? s.appRoot() : null, idOk && appRootsOk));
    }

    boolean conflict = findings.stream().anyMatch(f -> f.reason().isConflict());
    List<Step> steps = new ArrayList<>();
    if (!conflict) {
      List<MoveSite> moves = orderMoves(matched, obs, desired);
      if (!moves.isEmpty() && obs.sharedConfiguration() != null) {
        findings.add(sharedConfiguration(host, obs.sharedConfiguration()));
        moves = List.of();
      }
      steps.addAll(moves);
      steps.addAll(aligns);
    }
    SyncState sync = checks.stream().allMatch(SiteCheck::inSync) ? SyncState.TRUE : SyncState.FALSE;
    return new Result(steps, findings, sync, checks);
  }

  /**
   * IIS on the host reads applicationHost.config from a shared store: an ID changed here changes on every host
   * sharing it at once, which no host-by-host rollout can stage or back up per host, so IDs are left alone.
   */
  private static Finding sharedConfiguration(String host, String store) {
    return new Finding(host, FindingReason.SHARED_CONFIGURATION, "IIS on this host reads its configuration from"
        + " the shared store " + store + " (Shared Configuration, redirection.config), so changing a site ID here"
        + " changes it at once on every host that shares the store; the operator does not change site IDs on such"
        + " hosts: change the ID once yourself (IIS Manager, or appcmd set site on one host of the store), or turn"
        + " shared configuration off on this host");
  }

  /** Unique names and IDs are what make the moves well defined; the CRD schema may not have checked them. */
  private static Finding duplicates(String host, List<DesiredSite> desired) {
    Set<String> names = new HashSet<>();
    Set<Long> ids = new HashSet<>();
    for (DesiredSite d : desired) {
      if (!names.add(d.name().toLowerCase(java.util.Locale.ROOT))) {
        return new Finding(host, FindingReason.INVALID_SPEC, "spec.sites names " + d.name() + " twice (IIS"
            + " compares names case-insensitively): list each site once; no host is changed until then");
      }
      if (!ids.add(d.id())) {
        return new Finding(host, FindingReason.INVALID_SPEC, "spec.sites gives ID " + d.id() + " to two sites:"
            + " give each site its own ID; no host is changed until then");
      }
    }
    return null;
  }

  /** A move whose target ID is held by a site the spec does not name cannot be planned safely. */
  private static List<Finding> conflicts(String host, Map<DesiredSite, ObservedSite> matched, HostObservation obs,
      Set<ObservedSite> namedBySpec) {
    List<Finding> out = new ArrayList<>();
    for (Map.Entry<DesiredSite, ObservedSite> e : matched.entrySet()) {
      DesiredSite d = e.getKey();
      if (e.getValue().id() == d.id()) {
        continue;
      }
      for (ObservedSite holder : obs.sites()) {
        if (holder.id() == d.id() && !namedBySpec.contains(holder)) {
          out.add(new Finding(host, FindingReason.SITE_ID_CONFLICT, "site " + d.name() + " must get ID " + d.id()
              + ", but site " + holder.name() + ", which spec.sites does not name, holds it; nothing is changed"
              + " on this host until " + holder.name() + " gets another ID, is deleted, or is added to spec.sites"
              + " with an ID of its own"));
        }
      }
    }
    return out;
  }

  private record PendingMove(String site, long target) {}

  /**
   * Orders the moves so that no target ID is held when its move runs: a move whose target is free goes
   * first (which resolves chains from their free end); when only cycles remain (swaps, 3-cycles), one site
   * of the cycle goes to a free temporary ID, which frees its old ID for the next site, and so on.
   */
  static List<MoveSite> orderMoves(Map<DesiredSite, ObservedSite> matched, HostObservation obs,
      List<DesiredSite> desired) {
    Map<Long, String> holderOf = new HashMap<>();
    obs.sites().forEach(s -> holderOf.put(s.id(), s.name()));
    Set<Long> excluded = new HashSet<>(holderOf.keySet());
    desired.forEach(d -> excluded.add(d.id()));

    Map<String, Long> current = new HashMap<>();
    List<PendingMove> pending = new ArrayList<>();
    matched.forEach((d, s) -> {
      if (s.id() != d.id()) {
        pending.add(new PendingMove(s.name(), d.id()));
        current.put(s.name(), s.id());
      }
    });

    List<MoveSite> out = new ArrayList<>();
    // each site moves at most twice (aside, then home); more would mean a planner bug, never loop on it
    int budget = 2 * pending.size();
    while (!pending.isEmpty()) {
      if (budget-- == 0) {
        throw new IllegalStateException("site moves did not converge");
      }
      PendingMove ready = pending.stream().filter(m -> !holderOf.containsKey(m.target())).findFirst().orElse(null);
      if (ready != null) {
        long from = current.get(ready.site());
        out.add(new MoveSite(ready.site(), from, ready.target(), false));
        holderOf.remove(from);
        holderOf.put(ready.target(), ready.site());
        pending.remove(ready);
      } else {
        PendingMove breaker = siteInACycle(pending, holderOf);
        long from = current.get(breaker.site());
        long temp = temporaryId(excluded);
        excluded.add(temp);
        out.add(new MoveSite(breaker.site(), from, temp, true));
        holderOf.remove(from);
        holderOf.put(temp, breaker.site());
        current.put(breaker.site(), temp);
      }
    }
    return out;
  }

  /**
   * When no move is ready every pending target is held by another pending site, so following "target held
   * by" from any pending move must reach a cycle. A site of the chain leading into it would not do: moving it
   * aside frees an ID nobody wants.
   */
  private static PendingMove siteInACycle(List<PendingMove> pending, Map<Long, String> holderOf) {
    Map<String, PendingMove> bySite = new HashMap<>();
    pending.forEach(m -> bySite.put(m.site(), m));
    Set<String> seen = new HashSet<>();
    PendingMove m = pending.get(0);
    while (seen.add(m.site())) {
      PendingMove next = bySite.get(holderOf.get(m.target()));
      if (next == null) {
        throw new IllegalStateException("target ID " + m.target() + " is held by a site that does not move");
      }
      m = next;
    }
    return m;
  }

  /**
   * A free ID for breaking a cycle: not held by any site of the host and not desired by any spec site. The
   * first ID above all of those when there is room, otherwise the highest free ID below 4294967295.
   */
  static long temporaryId(Set<Long> excluded) {
    long max = excluded.stream().mapToLong(Long::longValue).max().orElse(0L);
    if (max < MAX_SITE_ID) {
      return max + 1;
    }
    for (long id = MAX_SITE_ID; id >= 1; id--) {
      if (!excluded.contains(id)) {
        return id;
      }
    }
    throw new IllegalStateException("no free site ID left");
  }
}
