package io.iisfarm.operator.plan;

import io.iisfarm.operator.api.ClrRuntime;
import io.iisfarm.operator.model.Bitness;
import io.iisfarm.operator.model.ConfigFile;
import io.iisfarm.operator.model.ConfigKind;
import io.iisfarm.operator.model.ConfigLocation;
import io.iisfarm.operator.model.DesiredFarm.DesiredMachineKey;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.HostObservation.RuntimeInstall;
import io.iisfarm.operator.model.MachineKeySetting;
import io.iisfarm.operator.model.SiteWebConfig;
import java.util.ArrayList;
import java.util.Comparator;
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

    MachineKeySetting want = desired.setting();
    String wantFp = want.fingerprint();
    List<Finding> findings = new ArrayList<>(absentRuntimes(host, desired, obs));

    Set<ConfigLocation> managed = new TreeSet<>(LOCATION_ORDER);
    for (RuntimeInstall install : obs.installed()) {
      ConfigLocation machine = new ConfigLocation(install.runtime(), install.bitness(), ConfigKind.MACHINE_CONFIG);
      if (!desired.manages(machine)) {
        continue;
      }
      managed.add(machine);
      ConfigLocation rootWeb = new ConfigLocation(install.runtime(), install.bitness(), ConfigKind.ROOT_WEB_CONFIG);
      if (obs.configFile(rootWeb).map(f -> f.machineKey() != null).orElse(false)) {
        managed.add(rootWeb);
      }
    }

    Optional<Finding> invalid = invalidForV2(host, desired, managed);
    invalid.ifPresent(findings::add);

    List<Step> steps = new ArrayList<>();
    boolean allMatch = true;
    for (ConfigLocation location : managed) {
      Optional<ConfigFile> file = obs.configFile(location);
      if (file.isEmpty()) {
        allMatch = false;
        findings.add(new Finding(host, FindingReason.MACHINE_CONFIG_MISSING, location.label() + " was not found"
            + " although its runtime folder exists; repair that .NET Framework install, or leave it out of"
            + " spec.machineKey.runtimes/bitness"));
        continue;
      }
      String fp = fingerprint(file.get());
      if (want.isExplicit() && fp.equals(wantFp)) {
        continue;
      }
      allMatch = false;
      if (location.kind() == ConfigKind.ROOT_WEB_CONFIG) {
        findings.add(new Finding(host, FindingReason.ROOT_WEB_CONFIG_MACHINE_KEY, location.label() + " holds its own"
            + " <machineKey> (" + fp + "), which overrides machine.config; planned: align it to the farm key "
            + wantFp + " too"));
      } else {
        findings.add(new Finding(host, FindingReason.MACHINE_KEY_DRIFT, location.label() + " holds "
            + describeHeld(fp) + ", not the farm key " + wantFp + ", so ViewState, forms tickets and sessions"
            + " break across hosts; planned: write the farm key (recycles every application on the host)"));
      }
      steps.add(new WriteMachineKey(location, file.get().path(), fp, want));
    }

    findings.addAll(overrides(host, obs.siteConfigs(), wantFp));
    SyncState sync = invalid.isPresent() ? SyncState.UNKNOWN : allMatch ? SyncState.TRUE : SyncState.FALSE;
    return new Result(invalid.isPresent() ? List.of() : steps, findings, sync,
        fileChecks(obs, managed, invalid.isPresent() ? null : wantFp));
  }

  /** {@value KeyFileCheck#ABSENT}, {@code AutoGenerate}, or the 12-hex fingerprint. */
  static String fingerprint(ConfigFile file) {
    return file.machineKey() == null ? KeyFileCheck.ABSENT : file.machineKey().fingerprint();
  }

  private static String describeHeld(String fp) {
    return switch (fp) {
      case KeyFileCheck.ABSENT -> "no machineKey (each server then generates its own)";
      case MachineKeySetting.AUTO_GENERATE -> "an AutoGenerate machineKey (each server generates its own)";
      default -> "machineKey " + fp;
    };
  }

  static boolean v4Only(MachineKeySetting setting) {
    String validation = setting.validation() == null ? "" : setting.validation().toUpperCase(Locale.ROOT);
    return validation.startsWith("HMACSHA") || "Framework45".equalsIgnoreCase(setting.compatibilityMode());
  }

  /** HMACSHA256/384/512 and Framework45 exist only on .NET v4.0: writing them for v2.0 breaks its apps. */
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
    String what = v4OnlyValue(want);
    String where = v2.map(l -> "the key would be written to " + l.label() + " on this host")
        .orElse("spec.machineKey.runtimes names v2.0");
    return Optional.of(new Finding(host, FindingReason.INVALID_SPEC, "spec.machineKey asks for " + what
        + ", which .NET v2.0 does not know, and " + where + ": use SHA1 (or AES) validation without Framework45,"
        + " or set spec.machineKey.runtimes to [v4.0]; no host is changed until then"));
  }

  private static String v4OnlyValue(MachineKeySetting want) {
    String validation = want.validation() == null ? "" : want.validation();
    return validation.toUpperCase(Locale.ROOT).startsWith("HMACSHA")
        ? "validation " + validation
        : "compatibilityMode " + want.compatibilityMode();
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

  private static List<Finding> overrides(String host, List<SiteWebConfig> siteConfigs, String wantFp) {
    List<Finding> out = new ArrayList<>();
    for (SiteWebConfig config : siteConfigs) {
      if (config.machineKey() == null || config.machineKey().fingerprint().equals(wantFp)) {
        continue;
      }
      out.add(new Finding(host, FindingReason.MACHINE_KEY_OVERRIDE, "site " + config.site() + "'s web.config ("
          + config.path() + ") sets its own machineKey (" + config.machineKey().fingerprint() + "), which overrides"
          + " the farm key " + wantFp + " for that application; change or remove it in the application's"
          + " deployment (the operator never edits site files)"));
    }
    return out;
  }

  private static List<KeyFileCheck> fileChecks(HostObservation obs, Set<ConfigLocation> managed, String wantFp) {
    Set<ConfigLocation> seen = new LinkedHashSet<>();
    List<KeyFileCheck> out = new ArrayList<>();
    obs.configFiles().stream().sorted(Comparator.comparing(ConfigFile::location, LOCATION_ORDER)).forEach(file -> {
      if (!seen.add(file.location())) {
        return;
      }
      MachineKeySetting key = file.machineKey();
      boolean isManaged = managed.contains(file.location());
      String fp = fingerprint(file);
      Boolean inSync = isManaged && wantFp != null ? fp.equals(wantFp) : null;
      out.add(new KeyFileCheck(file.location(), file.path(), fp, key == null ? null : key.validation(),
          key == null ? null : key.decryption(), isManaged, inSync));
    });
    return out;
  }
}
