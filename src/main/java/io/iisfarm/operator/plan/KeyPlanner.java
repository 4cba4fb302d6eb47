package io.iisfarm.operator.plan;

import io.iisfarm.operator.api.ClrRuntime;
import io.iisfarm.operator.model.Bitness;
import io.iisfarm.operator.model.ConfigFile;
import io.iisfarm.operator.model.ConfigKind;
import io.iisfarm.operator.model.ConfigLocation;
import io.iisfarm.operator.model.DesiredFarm.DesiredMachineKey;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.HostObservation.RuntimeInstall;
import io.iisfarm.operator.model.MachineKeyElement;
import io.iisfarm.operator.model.MachineKeySetting;
import io.iisfarm.operator.model.SiteWebConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * machineKeys of one host. The key goes into machine.config of each managed runtime and bitness; a root
 * web.config of the same runtime and bitness that holds its own {@code <machineKey>} would silently win, so it
 * is aligned too. Site web.config files belong to the applications: reported, never edited.
 */
final class KeyPlanner {
  static final Comparator<ConfigLocation> LOCATION_ORDER = Comparator
      .comparing(ConfigLocation::runtime).thenComparing(ConfigLocation::bitness).thenComparing(ConfigLocation::kind);

  record Result(List<Step> steps, List<Finding> findings, SyncState sync, List<KeyFileCheck> files) {}

  private KeyPlanner() {}

  static Result plan(String host, DesiredMachineKey desired, HostObservation obs) {
    if (!obs.configsRead()) {
      if (desired == null) {
        return new Result(List.of(), List.of(), SyncState.TRUE, List.of());
      }
      return new Result(List.of(), List.of(new Finding(host, FindingReason.INSECURE_TRANSPORT, "the host is reached"
          + " over plain http, so its config files were not read and its machineKeys are unknown; use https or"
          + " set spec.winrm.allowKeyTransferOverHttp: true to manage them (site IDs are still managed)")),
          SyncState.UNKNOWN, List.of());
    }
    if (desired == null) {
      return new Result(List.of(), List.of(), SyncState.TRUE, fileChecks(obs, Set.of(), null));
    }

    List<Finding> findings = new ArrayList<>(absentRuntimes(host, desired, obs));
    Set<ConfigLocation> managed = managedFiles(desired, obs);

    Optional<Finding> invalid = invalidForV2(host, desired, managed);
    invalid.ifPresent(findings::add);
    compatibilityModeNote(host, desired, managed).ifPresent(findings::add);

    List<Step> steps = new ArrayList<>();
    SyncState sync = SyncState.TRUE;
    Set<RuntimeInstall> rejected = new HashSet<>();
    for (ConfigLocation location : managed) {
      obs.configFile(location).flatMap(f -> KeyFileRefusals.of(host, location, f, obs))
          .filter(f -> f.reason() == FindingReason.MACHINE_KEY_INVALID)
          .ifPresent(f -> rejected.add(new RuntimeInstall(location.runtime(), location.bitness())));
    }
    for (ConfigLocation location : managed) {
      Optional<ConfigFile> file = obs.configFile(location);
      if (file.isEmpty()) {
        sync = SyncState.FALSE;
        findings.add(new Finding(host, FindingReason.MACHINE_CONFIG_MISSING, location.label() + " was not found"
            + " although its runtime folder exists; repair that .NET Framework install, or leave it out of"
            + " spec.machineKey.runtimes/bitness"));
        continue;
      }
      MachineKeySetting want = desired.settingFor(location.runtime());
      String wantFp = want.fingerprint();
      Optional<Finding> blocked = KeyFileRefusals.of(host, location, file.get(), obs);
      if (blocked.isPresent()) {
        findings.add(blocked.get());
        sync = sync.and(blocked.get().reason() == FindingReason.MACHINE_KEY_ENCRYPTED ? SyncState.UNKNOWN
            : SyncState.FALSE);
        continue;
      }
      String fp = fingerprint(file.get());
      if (want.isExplicit() && fp.equals(wantFp)) {
        continue;
      }
      sync = SyncState.FALSE;
      if (rejected.contains(new RuntimeInstall(location.runtime(), location.bitness()))) {
        // its runtime's configuration does not load anyway: a write could not be verified, only rolled back
        continue;
      }
      String where = file.get().machineKeyElement() != null && file.get().machineKeyElement().inLocation()
          ? " (" + file.get().machineKeyElement().where() + "; edited where it is)" : "";
      if (location.kind() == ConfigKind.ROOT_WEB_CONFIG) {
        findings.add(new Finding(host, FindingReason.ROOT_WEB_CONFIG_MACHINE_KEY, location.label() + " holds its own"
            + " <machineKey> (" + fp + ")" + where + ", which overrides machine.config; planned: align it to the farm"
            + " key " + wantFp + " too"));
      } else {
        findings.add(new Finding(host, FindingReason.MACHINE_KEY_DRIFT, location.label() + " holds "
            + describeHeld(fp) + where + ", not the farm key " + wantFp + ", so ViewState, forms tickets and sessions"
            + " break across hosts; planned: write the farm key (recycles every application on the host)"));
      }
      steps.add(new WriteMachineKey(location, file.get().path(), fp, want));
    }

    findings.addAll(overrides(host, obs.siteConfigs(), desired));
    return new Result(invalid.isPresent() ? List.of() : steps, findings,
        invalid.isPresent() ? SyncState.UNKNOWN : sync, fileChecks(obs, managed, invalid.isPresent() ? null : desired));
  }

  /**
   * machine.config of each managed runtime and bitness, and its root web.config when that holds a
   * {@code <machineKey>} of its own (which would otherwise win).
   */
  private static Set<ConfigLocation> managedFiles(DesiredMachineKey desired, HostObservation obs) {
    Set<ConfigLocation> managed = new TreeSet<>(LOCATION_ORDER);
    for (RuntimeInstall install : obs.installed()) {
      ConfigLocation machine = new ConfigLocation(install.runtime(), install.bitness(), ConfigKind.MACHINE_CONFIG);
      if (!desired.manages(machine)) {
        continue;
      }
      managed.add(machine);
      ConfigLocation rootWeb = new ConfigLocation(install.runtime(), install.bitness(), ConfigKind.ROOT_WEB_CONFIG);
      if (obs.configFile(rootWeb).map(f -> f.machineKeyElement() != null).orElse(false)) {
        managed.add(rootWeb);
      }
    }
    return managed;
  }

  /** {@value KeyFileCheck#ABSENT}, {@value KeyFileCheck#ENCRYPTED}, {@code AutoGenerate}, or the 12-hex fingerprint. */
  static String fingerprint(ConfigFile file) {
    MachineKeyElement element = file.machineKeyElement();
    if (element == null) {
      return KeyFileCheck.ABSENT;
    }
    if (element.encrypted()) {
      return KeyFileCheck.ENCRYPTED;
    }
    return file.machineKey() == null ? KeyFileCheck.UNREADABLE : file.machineKey().fingerprint();
  }

  private static String describeHeld(String fp) {
    return switch (fp) {
      case KeyFileCheck.ABSENT -> "no machineKey (each server then generates its own)";
      case MachineKeySetting.AUTO_GENERATE -> "an AutoGenerate machineKey (each server generates its own)";
      default -> "machineKey " + fp;
    };
  }

  /** HMACSHA256/384/512 exist only on .NET v4.0: a v2.0 file cannot hold them. */
  static boolean v4Only(MachineKeySetting setting) {
    String validation = setting.validation() == null ? "" : setting.validation().toUpperCase(Locale.ROOT);
    return validation.startsWith("HMACSHA");
  }

  /** A validation algorithm only .NET v4.0 knows, for a v2.0 file: nothing can be written there. */
  private static Optional<Finding> invalidForV2(String host, DesiredMachineKey desired, Set<ConfigLocation> managed) {
    MachineKeySetting want = desired.setting();
    if (!v4Only(want)) {
      return Optional.empty();
    }
    boolean explicitV2 = desired.runtimes() != null && desired.runtimes().contains(ClrRuntime.V2_0);
    Optional<ConfigLocation> v2 = managed.stream().filter(l -> l.runtime() == ClrRuntime.V2_0).findFirst();
    if (!explicitV2 && v2.isEmpty()) {
      return Optional.empty();
    }
    String where = v2.map(l -> "the key would be written to " + l.label() + " on this host")
        .orElse("spec.machineKey.runtimes names v2.0");
    return Optional.of(new Finding(host, FindingReason.INVALID_SPEC, "spec.machineKey asks for validation "
        + want.validation() + ", which .NET v2.0 does not know, and " + where + ": use SHA1 (or AES) validation,"
        + " or set spec.machineKey.runtimes to [v4.0]; no host is changed until then"));
  }

  /** Says what the v2.0 files of this host get when the spec sets a compatibilityMode. */
  private static Optional<Finding> compatibilityModeNote(String host, DesiredMachineKey desired,
      Set<ConfigLocation> managed) {
    String mode = desired.setting().compatibilityMode();
    List<String> v2 = managed.stream().filter(l -> l.runtime() == ClrRuntime.V2_0).map(ConfigLocation::label).toList();
    if (mode == null || v2.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Finding(host, FindingReason.COMPATIBILITY_MODE_V4_ONLY, "compatibilityMode " + mode
        + " goes into v4.0 files only: " + String.join(", ", v2) + " get" + (v2.size() == 1 ? "s" : "")
        + " the farm key without it (fingerprint " + desired.settingFor(ClrRuntime.V2_0).fingerprint() + "), so"
        + " the host's .NET 2.0 applications use the 2.0 default, Framework20SP1 (.NET 2.0 knows the attribute"
        + " only from 2.0 SP2 on and never knows Framework45, and an unknown one stops every 2.0 application)"));
  }

  private static List<Finding> absentRuntimes(String host, DesiredMachineKey desired, HostObservation obs) {
    List<Finding> out = new ArrayList<>();
    if (desired.runtimes() != null) {
      for (ClrRuntime runtime : new TreeSet<>(desired.runtimes())) {
        boolean present = obs.installed().stream().anyMatch(i -> i.runtime() == runtime
            && (desired.bitness() == null || desired.bitness().contains(i.bitness())));
        if (!present) {
          out.add(new Finding(host, FindingReason.RUNTIME_ABSENT, ".NET " + runtime.wireName() + " is not installed"
              + bitnessSuffix(desired.bitness()) + " on this host, so no key is written for it; install it, or"
              + " remove it from spec.machineKey.runtimes if this host never runs it"));
        }
      }
    }
    if (desired.bitness() != null) {
      for (Bitness bitness : new TreeSet<>(desired.bitness())) {
        boolean present = obs.installed().stream().anyMatch(i -> i.bitness() == bitness
            && (desired.runtimes() == null || desired.runtimes().contains(i.runtime())));
        if (!present) {
          out.add(new Finding(host, FindingReason.RUNTIME_ABSENT, "no " + bitness.bits() + "-bit .NET"
              + runtimeSuffix(desired.runtimes()) + " is installed on this host, so no key is written for it;"
              + " remove " + bitness.bits() + " from spec.machineKey.bitness if this host never runs it"));
        }
      }
    }
    return out;
  }

  private static String bitnessSuffix(Set<Bitness> bitness) {
    if (bitness == null) {
      return "";
    }
    return " (" + String.join(" or ", new TreeSet<>(bitness).stream().map(b -> b.bits() + "-bit").toList()) + ")";
  }

  private static String runtimeSuffix(Set<ClrRuntime> runtimes) {
    if (runtimes == null) {
      return "";
    }
    return " " + String.join(" or ", new TreeSet<>(runtimes).stream().map(ClrRuntime::wireName).toList());
  }

  private static List<Finding> overrides(String host, List<SiteWebConfig> siteConfigs, DesiredMachineKey desired) {
    List<Finding> out = new ArrayList<>();
    String wantFp = desired.settingFor(ClrRuntime.V4_0).fingerprint();
    String wantV2Fp = desired.settingFor(ClrRuntime.V2_0).fingerprint();
    for (SiteWebConfig config : siteConfigs) {
      String fp = config.machineKey() == null ? null : config.machineKey().fingerprint();
      if (fp == null || fp.equals(wantFp) || fp.equals(wantV2Fp)) {
        continue;
      }
      out.add(new Finding(host, FindingReason.MACHINE_KEY_OVERRIDE, "site " + config.site() + "'s web.config ("
          + config.path() + ") sets its own machineKey (" + config.machineKey().fingerprint() + "), which overrides"
          + " the farm key " + wantFp + " for that application; change or remove it in the application's"
          + " deployment (the operator never edits site files)"));
    }
    return out;
  }

  /** @param desired null when nothing is compared (no key managed, or an invalid spec) */
  private static List<KeyFileCheck> fileChecks(HostObservation obs, Set<ConfigLocation> managed,
      DesiredMachineKey desired) {
    Set<ConfigLocation> seen = new LinkedHashSet<>();
    List<KeyFileCheck> out = new ArrayList<>();
    obs.configFiles().stream().sorted(Comparator.comparing(ConfigFile::location, LOCATION_ORDER)).forEach(file -> {
      if (!seen.add(file.location())) {
        return;
      }
      MachineKeySetting key = file.machineKey();
      boolean isManaged = managed.contains(file.location());
      String fp = fingerprint(file);
      String wantFp = desired == null ? null : desired.settingFor(file.location().runtime()).fingerprint();
      Boolean inSync = !isManaged || wantFp == null || fp.equals(KeyFileCheck.ENCRYPTED) ? null
          : fp.equals(wantFp) && !file.machineKeyElement().rejected();
      out.add(new KeyFileCheck(file.location(), file.path(), fp, key == null ? null : key.validation(),
          key == null ? null : key.decryption(), isManaged, inSync));
    });
    return out;
  }
}
