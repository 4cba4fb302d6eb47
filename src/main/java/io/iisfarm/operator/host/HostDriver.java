package io.iisfarm.operator.host;

import io.iisfarm.operator.model.ConfigLocation;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.MachineKeySetting;
import java.util.Collection;
import java.util.List;

/**
 * Changes on one host, one verified step at a time, through one WinRM session. Made by
 * {@link HostDrivers#open} for what the host has (appcmd: IIS7+; the metabase scripts: IIS6).
 *
 * <p>Drivers decide nothing about order: the planner orders ID moves and chains swaps through a free
 * temporary ID; {@link #changeSiteId} makes exactly one move. Every method refuses, before sending anything,
 * what the latest observation shows cannot work (a target ID held by another site, a missing site).
 * Transport failures are {@link io.iisfarm.operator.winrm.WinRmException}s; refusals and failed verifications
 * are {@link HostChangeException}s.
 */
public interface HostDriver {

  /** {@code host:port}. */
  String host();

  /** The latest known state: the observation the driver was made with, refreshed by each read-back. */
  HostObservation observation();

  /** Every command this driver sent, in order. */
  List<CommandRecord> journal();

  /** Snapshots the IIS configuration under {@code id.name()}; the first command of any step. */
  BackupResult backup(BackupId id);

  /**
   * Gives {@code site} (now {@code fromId}) the ID {@code toId}, restarts it if it was running and, on IIS6,
   * sets the AppRoot of the site and its applications to {@code /LM/W3SVC/<toId>/ROOT...}; then reads back.
   *
   * @throws SiteIdConflictException when another site holds {@code toId}
   * @throws SiteNotFoundException when no site of that name has {@code fromId}
   * @throws VerificationFailedException when the read-back differs (the caller restores the backup)
   */
  SiteIdChange changeSiteId(String site, long fromId, long toId);

  /** IIS6: sets AppRoots that differ from {@code /LM/W3SVC/<id>/ROOT...} (letter case included). IIS7+: nothing to do. */
  SiteIdChange alignAppRoots(String site, long id);

  /**
   * Writes {@code desired} into one machine.config or root web.config, changing no byte outside its
   * machineKey element: reads the file fresh, copies it to {@code id.fileBackupPath(path)}, writes, reads back
   * and compares; on a difference restores that file from its copy and throws.
   *
   * @throws InsecureTransportException over plain HTTP unless key transfer over HTTP is allowed
   * @throws ConfigEditException when the file is missing or cannot be edited safely
   * @throws VerificationFailedException when the read-back differs
   */
  ConfigWrite writeMachineKey(ConfigLocation location, MachineKeySetting desired, BackupId id);

  /**
   * Rolls a step back: restores the IIS backup {@code id}, copies back every config file backup named
   * {@code id}, and starts the named sites that are not running.
   */
  RestoreResult restore(BackupId id, Collection<String> sitesToStart);

  /**
   * Starts the named sites that are stopped (reading the host first): what a step stopped and a broken-off
   * connection left stopped. Returns the names started.
   */
  List<String> startSites(Collection<String> names);

  /**
   * Whether the ASP.NET configuration of each runtime and bitness in {@code touched} still loads after a change,
   * read-only: the files just read back ({@code fresh}) are checked against what the runtime accepts and, on IIS7+,
   * appcmd makes the configuration system load them. Returns what does not load (never a key); empty when all
   * load.
   */
  List<String> configurationProblems(HostObservation fresh, Collection<HostObservation.RuntimeInstall> touched);

  /** Whether the IIS backup {@code id} exists on the host (a resumed step checks before taking it again). */
  boolean hasBackup(BackupId id);

  /** Keeps the newest {@code keep} backups (IIS and file backups) and removes older ones made by the operator. */
  PruneResult pruneBackups(int keep);

  /** The number of backups kept by default. */
  int DEFAULT_KEEP = 5;
}
