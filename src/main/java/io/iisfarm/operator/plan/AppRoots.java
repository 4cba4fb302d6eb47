package io.iisfarm.operator.plan;

import io.iisfarm.operator.model.DesiredFarm.DesiredSite;
import io.iisfarm.operator.model.ObservedApplication;
import io.iisfarm.operator.model.ObservedSite;
import io.iisfarm.operator.plan.AlignAppRoots.AppRootChange;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IIS6 AppRoots. ASP.NET's application id is the AppRoot, {@code /LM/W3SVC/<id>/ROOT[/app]}; IIS7+ derives it
 * with upper-case ROOT, while the IIS6 metabase often holds {@code /Root}, and in StateServer mode the case
 * is part of the session key. After a move the AppRoot still names the old ID.
 */
final class AppRoots {
  private static final Pattern APP_ROOT = Pattern.compile("(?i)^/LM/W3SVC/(\\d+)/(ROOT)(/.*)?$");
  private static final Pattern KEY_PATH = Pattern.compile("(?i)^/?(?:LM/)?W3SVC/(\\d+)/ROOT(/.*)?$");
  static final String CANONICAL_PREFIX = "/LM/W3SVC/";

  record Outcome(AlignAppRoots step, List<Finding> findings) {}

  private AppRoots() {}

  /** The AppRoot IIS7+ would derive for a site's ROOT with this ID. */
  static String rootFor(long siteId) {
    return CANONICAL_PREFIX + siteId + "/ROOT";
  }

  static Outcome check(String host, DesiredSite desired, ObservedSite site) {
    long target = desired.id();
    String root = rootFor(target);
    List<AppRootChange> changes = new ArrayList<>();
    List<String> wrongCase = new ArrayList<>();
    List<String> stale = new ArrayList<>();

    if (!isBlank(site.appRoot())) {
      String actual = trimSlash(site.appRoot());
      if (!actual.equals(root)) {
        changes.add(new AppRootChange("W3SVC/" + target + "/ROOT", site.appRoot(), root));
      }
      inspect(actual, site.id(), wrongCase, stale);
    }
    for (ObservedApplication app : site.applications()) {
      Matcher key = KEY_PATH.matcher(app.keyPath());
      if (!key.matches() || isBlank(app.appRoot())) {
        continue;
      }
      String suffix = key.group(2) == null ? "" : trimSlash(key.group(2));
      String expected = root + suffix;
      String actual = trimSlash(app.appRoot());
      // the ROOT prefix must match exactly; the application's own path is compared as IIS compares paths
      boolean ok = actual.length() == expected.length() && actual.startsWith(root)
          && actual.substring(root.length()).equalsIgnoreCase(suffix);
      if (!ok) {
        changes.add(new AppRootChange("W3SVC/" + target + "/ROOT" + suffix, app.appRoot(), expected));
      }
      inspect(actual, site.id(), wrongCase, stale);
    }

    List<Finding> findings = new ArrayList<>();
    if (!wrongCase.isEmpty()) {
      findings.add(new Finding(host, FindingReason.APP_ROOT_CASE, "site " + desired.name() + ": AppRoot "
          + wrongCase.get(0) + more(wrongCase.size() - 1) + " does not end in upper-case /ROOT as IIS7+ hosts"
          + " derive it, so StateServer session keys differ between hosts; planned: set " + root));
    }
    if (!stale.isEmpty()) {
      findings.add(new Finding(host, FindingReason.APP_ROOT_STALE, "site " + desired.name() + " has ID "
          + site.id() + " but AppRoot " + stale.get(0) + more(stale.size() - 1) + " names another path, so"
          + " ASP.NET uses the wrong application id; planned: set " + root));
    }
    AlignAppRoots step = changes.isEmpty() ? null : new AlignAppRoots(site.name(), target, changes);
    return new Outcome(step, findings);
  }

  private static void inspect(String actual, long currentId, List<String> wrongCase, List<String> stale) {
    Matcher m = APP_ROOT.matcher(actual);
    if (!m.matches()) {
      stale.add(actual);
      return;
    }
    if (!m.group(2).equals("ROOT") || !actual.startsWith(CANONICAL_PREFIX)) {
      wrongCase.add(actual);
    }
    if (!m.group(1).equals(String.valueOf(currentId))) {
      stale.add(actual);
    }
  }

  private static String more(int n) {
    return n <= 0 ? "" : " (and " + n + " more)";
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static String trimSlash(String s) {
    String t = s.strip();
    return t.length() > 1 && t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
  }
}
