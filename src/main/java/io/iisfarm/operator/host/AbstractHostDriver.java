package io.iisfarm.operator.host;

import io.iisfarm.operator.model.ConfigLocation;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.MachineKeySetting;
import io.iisfarm.operator.model.ObservedSite;
import io.iisfarm.operator.winrm.CommandOutput;
import io.iisfarm.operator.winrm.WinRmSession;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** What both drivers share: pre-checks, read-backs, config files and their backups. */
abstract sealed class AbstractHostDriver implements HostDriver permits Iis7Driver, Iis6Driver {
  /**
   * How long a site may take to start after its ID changed. IIS applies the change asynchronously (WAS on IIS7+,
   * W3SVC on IIS6): meanwhile a start fails and the state reads Unknown. Carbon's Set-IisWebsiteID waits up to
   * 10 s for the new ID and 10 s more for Start; the operator allows both in one bound.
   */
  static final Duration DEFAULT_START_WAIT = Duration.ofSeconds(30);
  private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);

  protected final WinRmSession session;
  private final boolean allowKeyTransferOverHttp;
  private final Clock clock;
  private final Duration startWait;
  private final List<CommandRecord> journal = new ArrayList<>();
  protected HostObservation observation;

  AbstractHostDriver(WinRmSession session, HostObservation observation, boolean allowKeyTransferOverHttp, Clock clock,
      Duration startWait) {
    this.session = session;
    this.observation = observation;
    this.allowKeyTransferOverHttp = allowKeyTransferOverHttp;
    this.clock = clock;
    this.startWait = startWait;
  }

  @Override
  public String host() { return session.host(); }

  @Override
  public synchronized HostObservation observation() { return observation; }

  @Override
  public List<CommandRecord> journal() {
    synchronized (journal) {
      return List.copyOf(journal);
    }
  }

  Step step() {
    return new Step(session, journal);
  }

  /** The site of that name holding {@code id}, from the latest observation. */
  ObservedSite requireSite(String name, long id) {
    return observation.sitesNamed(name).stream().filter(s -> s.id() == id).findFirst()
        .orElseThrow(() -> new SiteNotFoundException(host(), "no site \"" + name + "\" with ID " + id + " (the host has "
            + observation.sites().stream().map(s -> "\"" + s.name() + "\"=" + s.id()).collect(Collectors.joining(", "))
            + ")"));
  }

  /** Refuses, before any command, a target ID that another site holds. */
  void requireFree(String site, long fromId, long toId) {
    if (toId < 1) {
      throw new IllegalArgumentException("site IDs start at 1, not " + toId);
    }
    observation.sites().stream().filter(s -> s.id() == toId && s.id() != fromId).findFirst()
        .ifPresent(holder -> {
          throw new SiteIdConflictException(host(), site, toId, holder.name());
        });
  }

  /** Reads the sites again (one command) and keeps the config files already known. */
  synchronized HostObservation refreshSites(Step step) {
    CommandOutput output = step.run("read back sites", HostReadCommand.build(false, Cmd.tempFile("read")));
    HostObservation fresh = HostReadCommand.parse(host(), output.stdout(), false, clock.instant());
    observation = new HostObservation(fresh.hostname(), fresh.osVersion(), fresh.osName(), fresh.iisVersion(),
        fresh.sites(), fresh.installed(), observation.configsRead(), observation.configFiles(),
        observation.siteConfigs(), fresh.observedAt(), fresh.sharedConfiguration(), fresh.consoleCodePage());
    return observation;
  }

  /** The result of starting a site after an ID change: the site as last read, and the last start's error. */
  record Started(ObservedSite site, String lastError) {}

  /**
   * Starts the site now at {@code id} and reads it back until it reads Started, starting it again while it does
   * not, within the start wait: right after an ID change a start fails (0x800710D8) and the state reads Unknown
   * until IIS has applied the change. The last read decides; the caller verifies.
   */
  Started startAfterIdChange(Step step, String name, long id, String startCommand) {
    long deadline = System.nanoTime() + startWait.toNanos();
    Duration pause = FIRST_PAUSE;
    String lastError = "";
    while (true) {
      CommandOutput start = step.run(startCommand);
      if (!start.succeeded()) {
        lastError = " (last start: exit code " + start.exitCode() + ", " + String.join(" | ", start.errorHead()) + ")";
      }
      refreshSites(step);
      Optional<ObservedSite> site = siteWithId(id).filter(s -> s.name().equalsIgnoreCase(name));
      if (site.isPresent() && site.get().isStarted() || System.nanoTime() - deadline >= 0) {
        return new Started(site.orElse(null), lastError);
      }
      sleep(pause);
      pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
    }
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a site to start", e);
    }
  }

  /** {@code 30s}, for messages. */
  String startWaitText() {
    return startWait.toSeconds() + "s";
  }

  Optional<ObservedSite> siteWithId(long id) {
    return observation.sites().stream().filter(s -> s.id() == id).findFirst();
  }

  @Override
  public ConfigWrite writeMachineKey(ConfigLocation location, MachineKeySetting desired, BackupId id) {
    if (!desired.isExplicit()) {
      throw new IllegalArgumentException("the desired machineKey must hold explicit validation and decryption keys");
    }
    if (!session.endpoint().isHttps() && !allowKeyTransferOverHttp) {
      throw new InsecureTransportException(host());
    }
    return ConfigFileWriter.write(step(), location, desired, id);
  }

  /** Copies back every config file backup named {@code id}; returns the labels of the files restored. */
  List<String> restoreFiles(Step step, BackupId id) {
    List<String> parts = new ArrayList<>();
    parts.add(Sections.echo("restored"));
    for (ConfigLocation location : HostReadCommand.allLocations()) {
      String path = HostReadCommand.path(location);
      String backup = Cmd.quote(id.fileBackupPath(path));
      parts.add("(if exist " + backup + " (copy /Y " + backup + " " + Cmd.quote(path) + " >nul && echo "
          + location.label().replace(' ', '/') + "))");
    }
    parts.add(Sections.echo(HostReadCommand.END));
    CommandOutput output = step.run(Cmd.join(parts));
    String restored = Sections.split(output.stdout()).getOrDefault("restored", "");
    return restored.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  @Override
  public RestoreResult restore(BackupId id, Collection<String> sitesToStart) {
    Step step = step();
    restoreIisBackup(step, id);
    List<String> files = restoreFiles(step, id);
    refreshSites(step);
    List<String> started = startStopped(step, sitesToStart);
    return new RestoreResult(id, files, started, observation, step.commands());
  }

  @Override
  public List<String> startSites(Collection<String> names) {
    Step step = step();
    refreshSites(step);
    return startStopped(step, names);
  }

  /** Starts the named sites that are not running, then reads back; returns the names started. */
  private List<String> startStopped(Step step, Collection<String> names) {
    List<String> started = new ArrayList<>();
    for (String name : names) {
      for (ObservedSite site : observation.sitesNamed(name)) {
        if (!site.isStarted()) {
          startSite(step, site);
          started.add(site.name());
        }
      }
    }
    if (!started.isEmpty()) {
      refreshSites(step);
    }
    return started;
  }

  @Override
  public List<String> configurationProblems(HostObservation fresh, Collection<HostObservation.RuntimeInstall> touched) {
    List<String> problems = new ArrayList<>(ConfigurationLoadCheck.fileProblems(fresh, touched));
    if (!touched.isEmpty()) {
      problems.addAll(loadConfiguration(step(), fresh, touched));
    }
    return problems;
  }

  /** What the host's own configuration system says when made to load {@code touched}; empty when it loads. */
  abstract List<String> loadConfiguration(Step step, HostObservation fresh,
      Collection<HostObservation.RuntimeInstall> touched);

  abstract void restoreIisBackup(Step step, BackupId id);

  abstract void startSite(Step step, ObservedSite site);

  /** Our IIS backups on the host, with what {@link #deleteIisBackup} needs to remove each. */
  abstract Map<BackupId, List<String>> listIisBackups(Step step);

  abstract void deleteIisBackup(Step step, String handle);

  @Override
  public boolean hasBackup(BackupId id) {
    return listIisBackups(step()).containsKey(id);
  }

  @Override
  public PruneResult pruneBackups(int keep) {
    if (keep < 1) {
      throw new IllegalArgumentException("keep at least one backup, not " + keep);
    }
    Step step = step();
    Map<BackupId, List<String>> iis = listIisBackups(step);
    Map<BackupId, List<String>> files = FileBackups.list(step);
    TreeSet<BackupId> ids = new TreeSet<>(Comparator.reverseOrder());
    ids.addAll(iis.keySet());
    ids.addAll(files.keySet());
    List<BackupId> kept = ids.stream().limit(keep).toList();
    List<BackupId> removed = ids.stream().skip(keep).toList();
    List<String> removedFiles = new ArrayList<>();
    for (BackupId id : removed) {
      for (String handle : iis.getOrDefault(id, List.of())) {
        deleteIisBackup(step, handle);
      }
      removedFiles.addAll(files.getOrDefault(id, List.of()));
    }
    FileBackups.delete(step, removedFiles);
    return new PruneResult(kept, removed, removedFiles, step.commands());
  }
}
