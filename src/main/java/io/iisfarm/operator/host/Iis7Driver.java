package io.iisfarm.operator.host;

import io.iisfarm.operator.model.Bitness;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.ObservedSite;
import io.iisfarm.operator.winrm.CommandOutput;
import io.iisfarm.operator.winrm.WinRmSession;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IIS7 and later, through appcmd (learn.microsoft.com/iis/get-started/getting-started-with-iis/getting-started-with-appcmdexe):
 * {@code add/restore/list/delete backup}, {@code set site /id:}, {@code start site}. IIS derives the
 * application id {@code /LM/W3SVC/<id>/ROOT} from the site ID, so there is no AppRoot to set.
 */
final class Iis7Driver extends AbstractHostDriver {

  Iis7Driver(WinRmSession session, HostObservation observation, boolean allowKeyTransferOverHttp, Clock clock,
      java.time.Duration startWait) {
    super(session, observation, allowKeyTransferOverHttp, clock, startWait);
  }

  @Override
  public BackupResult backup(BackupId id) {
    Step step = step();
    step.runChecked(Cmd.appcmd("add backup " + Cmd.quote(id.name())));
    return new BackupResult(id, id.name(), step.commands());
  }

  @Override
  public synchronized SiteIdChange changeSiteId(String site, long fromId, long toId) {
    ObservedSite before = requireSite(site, fromId);
    if (fromId == toId) {
      return new SiteIdChange(before.name(), fromId, toId, List.of(), List.of(), List.of(), before, List.of());
    }
    requireFree(site, fromId, toId);
    Step step = step();
    boolean wasStarted = before.isStarted();
    step.runChecked(Cmd.appcmd("set site /site.name:" + Cmd.quote(before.name()) + " /id:" + toId));
    List<String> started = new ArrayList<>();
    String startError = "";
    if (wasStarted) {
      // IIS stops a site whose ID changes and does not start it again; WAS applies the change a moment later
      Started start = startAfterIdChange(step, before.name(), toId, startCommand(before.name()));
      startError = start.lastError();
      started.add(before.name());
    } else {
      refreshSites(step);
    }
    ObservedSite after = siteWithId(toId).filter(s -> s.name().equalsIgnoreCase(before.name()))
        .orElseThrow(() -> new VerificationFailedException(host(), "after appcmd set site, site \"" + before.name()
            + "\" does not have ID " + toId, false));
    if (wasStarted && !after.isStarted()) {
      throw new VerificationFailedException(host(), "site \"" + before.name() + "\" has ID " + toId
          + " but did not start again within " + startWaitText() + " (state " + after.state() + ")" + startError
          + "; check its bindings for a conflict and the WAS service", false);
    }
    return new SiteIdChange(before.name(), fromId, toId, wasStarted ? List.of(before.name()) : List.of(), started,
        List.of(), after, step.commands());
  }

  @Override
  public SiteIdChange alignAppRoots(String site, long id) {
    ObservedSite current = requireSite(site, id);
    return new SiteIdChange(current.name(), id, id, List.of(), List.of(), List.of(), current, List.of());
  }

  private static String startCommand(String siteName) {
    return Cmd.appcmd("start site /site.name:" + Cmd.quote(siteName));
  }

  @Override
  List<String> loadConfiguration(Step step, HostObservation fresh, Collection<HostObservation.RuntimeInstall> touched) {
    boolean host64 = fresh.installed().stream().anyMatch(i -> i.bitness() == Bitness.B64);
    CommandOutput output = step.run(ConfigurationLoadCheck.appcmdLine(touched, host64));
    return ConfigurationLoadCheck.appcmdProblems(host(), touched, output);
  }

  @Override
  void restoreIisBackup(Step step, BackupId id) {
    step.runChecked(Cmd.appcmd("restore backup " + Cmd.quote(id.name())));
  }

  @Override
  void startSite(Step step, ObservedSite site) {
    step.runChecked(startCommand(site.name()));
  }

  @Override
  Map<BackupId, List<String>> listIisBackups(Step step) {
    String command = Cmd.appcmd("list backup /xml");
    CommandOutput output = step.run(command).requireSuccess(host(), command);
    List<String> names = HostReadCommand.parsePart(host(), "backups", () -> AppcmdXml.backups(output.stdout()));
    Map<BackupId, List<String>> ours = new LinkedHashMap<>();
    for (String name : names) {
      BackupId.find(name).filter(id -> id.name().equals(name))
          .ifPresent(id -> ours.computeIfAbsent(id, k -> new ArrayList<>()).add(name));
    }
    return ours;
  }

  @Override
  void deleteIisBackup(Step step, String name) {
    step.run(Cmd.appcmd("delete backup " + Cmd.quote(name)));
  }
}
