package io.iisfarm.operator.status;

import io.iisfarm.operator.plan.Finding;
import io.iisfarm.operator.plan.FindingReason;
import io.iisfarm.operator.plan.HostPlan;
import io.iisfarm.operator.plan.KeyFileCheck;
import io.iisfarm.operator.plan.SiteCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Short host lists for condition messages: at most a few hosts, then a count. */
final class Summaries {
  private static final int MAX_HOSTS = 5;

  private Summaries() {}

  static String names(List<HostReport> hosts) {
    return join(hosts, HostReport::name);
  }

  static String failures(List<HostReport> hosts) {
    return join(hosts, h -> h.name() + " (" + h.failure().statusLine() + "; " + h.failure().kind().hint() + ")");
  }

  static String hostsWithDrift(List<HostReport> hosts) {
    return join(hosts, h -> h.name() + " (" + driftOf(h.plan()) + ")");
  }

  private static String driftOf(HostPlan plan) {
    if (plan.hasConflict()) {
      return plan.findings().stream().filter(f -> f.reason().isConflict()).findFirst()
          .map(f -> f.reason().camelCase()).orElse("conflict");
    }
    if (!plan.steps().isEmpty()) {
      return plural(plan.steps().size(), "step") + " planned";
    }
    return plan.findings().stream().map(f -> f.reason().camelCase()).distinct().collect(Collectors.joining(", "));
  }

  static String pending(List<HostReport> hosts) {
    return join(hosts, h -> {
      List<?> steps = h.plan().steps();
      String first = h.plan().steps().get(0).describe();
      return h.name() + ": " + first + (steps.size() > 1 ? " and " + plural(steps.size() - 1, "more step") : "");
    });
  }

  static String stepCount(int steps, List<HostReport> hosts) {
    return plural(steps, "step") + " on " + plural(hosts.size(), "host");
  }

  /** The first finding of one of {@code reasons}, prefixed with its host. */
  static String firstFinding(List<HostReport> hosts, FindingReason... reasons) {
    Set<FindingReason> wanted = Set.of(reasons);
    for (HostReport h : hosts) {
      for (Finding f : h.plan().findings()) {
        if (wanted.contains(f.reason())) {
          String more = hosts.size() > 1 ? " (and on " + plural(hosts.size() - 1, "other host") + ")" : "";
          return h.name() + ": " + f.message() + more + ".";
        }
      }
    }
    return "";
  }

  static String siteDrift(List<HostReport> hosts) {
    return "Not in sync on " + join(hosts, h -> {
      List<String> parts = new ArrayList<>();
      for (SiteCheck s : h.plan().sites()) {
        if (s.inSync()) {
          continue;
        }
        if (s.actualId() == null) {
          parts.add(s.name() + ": " + s.state().toLowerCase(java.util.Locale.ROOT));
        } else if (s.actualId() != s.desiredId()) {
          parts.add(s.name() + ": ID " + s.actualId() + ", wants " + s.desiredId());
        } else {
          parts.add(s.name() + ": AppRoot " + s.appRoot());
        }
      }
      return h.name() + " (" + String.join("; ", parts) + ")";
    });
  }

  static String keyDrift(List<HostReport> hosts) {
    return "Not in sync on " + join(hosts, h -> {
      List<String> parts = new ArrayList<>();
      for (KeyFileCheck k : h.plan().keyFiles()) {
        if (k.managed() && Boolean.FALSE.equals(k.inSync())) {
          parts.add(k.location().label() + " holds " + k.fingerprint());
        }
      }
      h.plan().findings(FindingReason.MACHINE_CONFIG_MISSING).forEach(f -> parts.add(f.reason().camelCase()));
      return h.name() + " (" + String.join("; ", parts) + ")";
    });
  }

  static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String join(List<HostReport> hosts, Function<HostReport, String> text) {
    String shown = hosts.stream().limit(MAX_HOSTS).map(text).collect(Collectors.joining(", "));
    return hosts.size() > MAX_HOSTS ? shown + " and " + (hosts.size() - MAX_HOSTS) + " more" : shown;
  }
}
