package io.iisfarm.operator.host;

import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.ObservedApplication;
import io.iisfarm.operator.model.ObservedSite;
import io.iisfarm.operator.winrm.CommandFailedException;
import io.iisfarm.operator.winrm.CommandOutput;
import io.iisfarm.operator.winrm.WinRmSession;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IIS6, through the metabase scripts: adsutil.vbs STOP_SERVER / MOVE / SET / START_SERVER and iisback.vbs.
 * MOVE is a copy then a delete and leaves AppRoots naming the old ID, so the driver sets the AppRoot of the
 * site's ROOT and of every application below it to {@code /LM/W3SVC/<id>/ROOT...}, with ROOT in upper case
 * as IIS7+ writes it: ASP.NET keys StateServer sessions on that path, letter case included.
 */
final class Iis6Driver extends AbstractHostDriver {

  Iis6Driver(WinRmSession session, HostObservation observation, boolean allowKeyTransferOverHttp, Clock clock,
      java.time.Duration startWait) {
    super(session, observation, allowKeyTransferOverHttp, clock, startWait);
  }

  @Override
  public BackupResult backup(BackupId id) {
    Step step = step();
    step.runChecked(Cmd.iisback("/backup /b " + id.name()));
    return new BackupResult(id, id.name(), step.commands());
  }

  @Override
  public synchronized SiteIdChange changeSiteId(String site, long fromId, long toId) {
    ObservedSite before = requireSite(site, fromId);
    if (fromId == toId) {
      return alignAppRoots(site, fromId);
    }
    requireFree(site, fromId, toId);
    Step step = step();
    boolean wasStarted = before.isStarted();
    List<String> stopped = new ArrayList<>();
    if (wasStarted) {
      // a running site moved keeps its bindings busy: stop it first
      step.runChecked(Cmd.adsutil("STOP_SERVER W3SVC/" + fromId));
      stopped.add(before.name());
    }
    try {
      step.runChecked(Cmd.adsutil("MOVE W3SVC/" + fromId + " W3SVC/" + toId));
    } catch (CommandFailedException e) {
      if (wasStarted) {
        step.run(Cmd.adsutil("START_SERVER W3SVC/" + fromId));
      }
      throw e;
    }
    Map<String, String> appRoots = expectedAppRoots(before, toId);
    for (Map.Entry<String, String> appRoot : appRoots.entrySet()) {
      step.runChecked(setAppRoot(appRoot.getKey(), appRoot.getValue()));
    }
    List<String> started = new ArrayList<>();
    String startError = "";
    if (wasStarted) {
      // W3SVC applies the move a moment later: START_SERVER may fail until it has
      startError = startAfterIdChange(step, before.name(), toId, Cmd.adsutil("START_SERVER W3SVC/" + toId)).lastError();
      started.add(before.name());
    }
    ObservedSite after = verify(step, before.name(), toId, appRoots, wasStarted, startError);
    return new SiteIdChange(before.name(), fromId, toId, stopped, started, List.copyOf(appRoots.keySet()), after,
        step.commands());
  }

  @Override
  public synchronized SiteIdChange alignAppRoots(String site, long id) {
    ObservedSite current = requireSite(site, id);
    Map<String, String> expected = expectedAppRoots(current, id);
    Map<String, String> actual = new LinkedHashMap<>();
    if (current.appRoot() != null) {
      actual.put("W3SVC/" + id + "/ROOT", current.appRoot());
    }
    current.applications().forEach(a -> actual.put(movedKey(a.keyPath(), id), a.appRoot()));
    Map<String, String> toSet = new LinkedHashMap<>();
    expected.forEach((key, value) -> {
      if (!value.equals(actual.get(key))) {
        toSet.put(key, value);
      }
    });
    if (toSet.isEmpty()) {
      return new SiteIdChange(current.name(), id, id, List.of(), List.of(), List.of(), current, List.of());
    }
    Step step = step();
    for (Map.Entry<String, String> appRoot : toSet.entrySet()) {
      step.runChecked(setAppRoot(appRoot.getKey(), appRoot.getValue()));
    }
    ObservedSite after = verify(step, current.name(), id, expected, false, "");
    return new SiteIdChange(current.name(), id, id, List.of(), List.of(), List.copyOf(toSet.keySet()), after,
        step.commands());
  }

  /**
   * Metabase key to AppRoot for the site's ROOT (when it is an application) and each application under it,
   * e.g. {@code W3SVC/5/ROOT/shop -> /LM/W3SVC/5/ROOT/shop}.
   */
  static Map<String, String> expectedAppRoots(ObservedSite site, long id) {
    Map<String, String> expected = new LinkedHashMap<>();
    if (site.appRoot() != null) {
      expected.put("W3SVC/" + id + "/ROOT", "/LM/W3SVC/" + id + "/ROOT");
    }
    for (ObservedApplication application : site.applications()) {
      String key = movedKey(application.keyPath(), id);
      String[] segments = key.split("/", 4);
      expected.put(key, "/LM/W3SVC/" + id + "/ROOT" + (segments.length == 4 ? "/" + segments[3] : ""));
    }
    return expected;
  }

  /** {@code W3SVC/<old>/ROOT/app} as it is after the site moves to {@code id}: {@code W3SVC/<id>/ROOT/app}. */
  static String movedKey(String keyPath, long id) {
    String[] segments = keyPath.split("/", 3);
    return "W3SVC/" + id + (segments.length == 3 ? "/" + segments[2] : "");
  }

  private static String setAppRoot(String key, String value) {
    String path = key + "/AppRoot";
    return Cmd.adsutil("SET " + (path.contains(" ") ? Cmd.quote(path) : path) + " " + Cmd.quote(value));
  }

  private ObservedSite verify(Step step, String name, long id, Map<String, String> appRoots, boolean mustRun,
      String startError) {
    if (!mustRun) {
      refreshSites(step);
    }
    ObservedSite after = siteWithId(id).filter(s -> s.name().equalsIgnoreCase(name))
        .orElseThrow(() -> new VerificationFailedException(host(), "site \"" + name + "\" is not at W3SVC/" + id
            + " after the move", false));
    Map<String, String> actual = new LinkedHashMap<>();
    if (after.appRoot() != null) {
      actual.put("W3SVC/" + id + "/ROOT", after.appRoot());
    }
    after.applications().forEach(a -> actual.put(a.keyPath(), a.appRoot()));
    for (Map.Entry<String, String> expected : appRoots.entrySet()) {
      String found = actual.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(expected.getKey()))
          .map(Map.Entry::getValue).findFirst().orElse(null);
      if (!expected.getValue().equals(found)) {
        throw new VerificationFailedException(host(), expected.getKey() + " has AppRoot " + found + ", not "
            + expected.getValue(), false);
      }
    }
    if (mustRun && !after.isStarted()) {
      throw new VerificationFailedException(host(), "site \"" + name + "\" at W3SVC/" + id + " is " + after.state()
          + " after START_SERVER, tried for " + startWaitText() + startError + "; check its bindings for a conflict",
          false);
    }
    return after;
  }

  /** IIS6 documents no read-only command that makes ASP.NET parse machine.config: the read-back check is all. */
  @Override
  List<String> loadConfiguration(Step step, HostObservation fresh, Collection<HostObservation.RuntimeInstall> touched) {
    return List.of();
  }

  @Override
  void restoreIisBackup(Step step, BackupId id) {
    step.runChecked(Cmd.iisback("/restore /b " + id.name()));
  }

  @Override
  void startSite(Step step, ObservedSite site) {
    step.runChecked(Cmd.adsutil("START_SERVER W3SVC/" + site.id()));
  }

  /** {@code iisback /list}: a header, a rule, then {@code name  version  date} lines (IIsBack.vbs, ListBackups). */
  @Override
  Map<BackupId, List<String>> listIisBackups(Step step) {
    String command = Cmd.iisback("/list");
    CommandOutput output = step.run(command).requireSuccess(host(), command);
    Map<BackupId, List<String>> ours = new LinkedHashMap<>();
    for (String line : output.stdout().split("\r?\n")) {
      String[] fields = line.strip().split("\\s+");
      if (fields.length < 2 || !fields[1].matches("\\d+")) {
        continue;
      }
      String name = fields[0];
      BackupId.find(name).filter(id -> id.name().equals(name))
          .ifPresent(id -> ours.computeIfAbsent(id, k -> new ArrayList<>()).add(name + "|" + fields[1]));
    }
    return ours;
  }

  @Override
  void deleteIisBackup(Step step, String handle) {
    String[] nameAndVersion = handle.split("\\|");
    step.run(Cmd.iisback("/delete /b " + nameAndVersion[0] + " /v " + nameAndVersion[1]));
  }
}
