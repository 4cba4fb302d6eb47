package io.iisfarm.operator.plan;

import io.iisfarm.operator.model.ConfigFile;
import io.iisfarm.operator.model.DesiredFarm;
import io.iisfarm.operator.model.DesiredFarm.DesiredSite;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.SessionStateSetting;
import io.iisfarm.operator.model.SiteWebConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Session-state consistency: reported, never enforced, and never counted against "in sync".
 *
 * <p>For each spec site on a host the effective setting is its own web.config's {@code <sessionState>}, or
 * else the machine-level ones (machine.config and root web.config; which of them applies depends on the
 * application pool's runtime, which a read does not tell, so all distinct ones count). With no machine-level
 * setting ASP.NET's default, InProc, applies. Only the mode, the state server address and the SQL data source
 * are compared and shown: never a SQL connection string.
 */
final class SessionStateChecker {
  private static final String MACHINE_SCOPE = "machine level";

  private SessionStateChecker() {}

  /** One setting as compared: a normalised key and a display text. */
  record Effective(String key, String display) {}

  /** Scope (e.g. {@code site Shop}) to the settings in force there, for a host whose configs were read. */
  static Map<String, List<Effective>> effective(DesiredFarm desired, HostObservation obs) {
    Map<String, List<Effective>> out = new LinkedHashMap<>();
    if (!obs.configsRead()) {
      return out;
    }
    List<Effective> machine = obs.configFiles().stream()
        .sorted(Comparator.comparing(ConfigFile::location, KeyPlanner.LOCATION_ORDER))
        .map(ConfigFile::sessionState).filter(s -> s != null && s.mode() != null)
        .map(SessionStateChecker::effective)
        .collect(Collectors.toMap(Effective::key, e -> e, (a, b) -> a, LinkedHashMap::new)).values().stream().toList();
    if (machine.isEmpty()) {
      machine = List.of(new Effective("inproc||", "InProc (ASP.NET's default)"));
    }
    boolean anySite = false;
    for (DesiredSite site : desired.sites()) {
      if (obs.sitesNamed(site.name()).isEmpty()) {
        continue;
      }
      anySite = true;
      Optional<SessionStateSetting> own = obs.siteConfigs().stream()
          .filter(c -> c.site() != null && c.site().equalsIgnoreCase(site.name()))
          .map(SiteWebConfig::sessionState).filter(s -> s != null && s.mode() != null).findFirst();
      out.put("site " + site.name(), own.map(s -> List.of(effective(s))).orElse(machine));
    }
    if (!anySite) {
      out.put(MACHINE_SCOPE, machine);
    }
    return out;
  }

  private static Effective effective(SessionStateSetting s) {
    String mode = s.mode().strip();
    String lower = mode.toLowerCase(Locale.ROOT);
    String server = "stateserver".equals(lower) ? normalise(s.stateConnectionString()) : "";
    String data = "sqlserver".equals(lower) ? normalise(s.sqlDataSource()) : "";
    String display = mode;
    if (!server.isEmpty()) {
      display += " " + s.stateConnectionString().strip();
    } else if (!data.isEmpty()) {
      display += " on data source " + s.sqlDataSource().strip();
    }
    return new Effective(lower + "|" + server + "|" + data, display);
  }

  private static String normalise(String s) {
    return s == null ? "" : s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
  }

  /** Findings where a host's effective session state is not what spec.sessionState expects. */
  static List<Finding> againstExpected(String host, DesiredFarm desired, HostObservation obs) {
    SessionStateSetting expected = desired.sessionState();
    if (expected == null) {
      return List.of();
    }
    String expectedText = describeExpected(expected);
    List<Finding> out = new ArrayList<>();
    effective(desired, obs).forEach((scope, settings) -> {
      for (Effective actual : settings) {
        if (!matches(expected, actual)) {
          out.add(new Finding(host, FindingReason.SESSION_STATE_MISMATCH, scope + " uses session state "
              + actual.display() + ", not the expected " + expectedText + ", so sessions are not shared as"
              + " planned; change the sessionState setting on the host or in the application, or"
              + " spec.sessionState (the operator never changes session state)"));
        }
      }
    });
    return out;
  }

  private static boolean matches(SessionStateSetting expected, Effective actual) {
    String[] parts = actual.key().split("\\|", -1);
    if (expected.mode() != null && !expected.mode().strip().equalsIgnoreCase(parts[0])) {
      return false;
    }
    if (expected.stateConnectionString() != null && "stateserver".equals(parts[0])
        && !normalise(expected.stateConnectionString()).equals(parts[1])) {
      return false;
    }
    return expected.sqlDataSource() == null || !"sqlserver".equals(parts[0])
        || normalise(expected.sqlDataSource()).equals(parts[2]);
  }

  private static String describeExpected(SessionStateSetting e) {
    StringBuilder sb = new StringBuilder(e.mode() == null ? "mode" : e.mode());
    if (e.stateConnectionString() != null) {
      sb.append(' ').append(e.stateConnectionString().strip());
    }
    if (e.sqlDataSource() != null) {
      sb.append(" on data source ").append(e.sqlDataSource().strip());
    }
    return sb.toString();
  }

  /**
   * Findings where hosts disagree with each other: per scope, each host whose settings differ from the
   * most common ones (every host of the scope when no value is the most common).
   */
  static Map<String, List<Finding>> acrossHosts(DesiredFarm desired, Map<String, HostObservation> observed) {
    Map<String, Map<String, List<Effective>>> byScope = new TreeMap<>();
    observed.forEach((host, obs) -> effective(desired, obs)
        .forEach((scope, settings) -> byScope.computeIfAbsent(scope, k -> new LinkedHashMap<>()).put(host, settings)));

    Map<String, List<Finding>> out = new HashMap<>();
    byScope.forEach((scope, hostSettings) -> {
      Map<String, List<String>> hostsByValue = new LinkedHashMap<>();
      hostSettings.forEach((host, settings) -> hostsByValue
          .computeIfAbsent(signature(settings), k -> new ArrayList<>()).add(host));
      if (hostsByValue.size() < 2) {
        return;
      }
      int top = hostsByValue.values().stream().mapToInt(List::size).max().orElse(0);
      long topCount = hostsByValue.values().stream().filter(h -> h.size() == top).count();
      String majority = topCount == 1
          ? hostsByValue.entrySet().stream().filter(e -> e.getValue().size() == top).findFirst().get().getKey()
          : null;
      hostSettings.forEach((host, settings) -> {
        String mine = signature(settings);
        if (mine.equals(majority)) {
          return;
        }
        String others = hostSettings.entrySet().stream()
            .filter(e -> !signature(e.getValue()).equals(mine)).limit(3)
            .map(e -> e.getKey() + " uses " + display(e.getValue())).collect(Collectors.joining("; "));
        out.computeIfAbsent(host, k -> new ArrayList<>()).add(new Finding(host,
            FindingReason.SESSION_STATE_INCONSISTENT, scope + " uses session state " + display(settings)
                + " here, but " + others + ", so a session started on one host is not found on another; make the"
                + " sessionState settings agree (the operator never changes session state)"));
      });
    });
    return out;
  }

  private static String signature(List<Effective> settings) {
    return settings.stream().map(Effective::key).sorted().collect(Collectors.joining(","));
  }

  private static String display(List<Effective> settings) {
    return settings.stream().map(Effective::display).collect(Collectors.joining(" or "));
  }
}
