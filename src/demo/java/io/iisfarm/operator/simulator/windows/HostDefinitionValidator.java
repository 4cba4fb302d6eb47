package io.iisfarm.operator.simulator.windows;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a parsed {@link HostDefinition} and explains the first problem in terms of its YAML keys. */
final class HostDefinitionValidator {
  private static final Set<String> RUNTIMES = Set.of("v2.0", "v2.0.50727", "v4.0", "v4.0.30319");
  /** appcmd's binding form: protocol/ip:port:host (Microsoft Learn, "Bindings for a site"). */
  private static final Pattern BINDING = Pattern.compile("(?i)(https?)/(\\*|[0-9.]+|\\[[0-9a-f:]+\\]):(\\d{1,5}):(.*)");
  private static final Pattern COMPUTER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,14}");

  private HostDefinitionValidator() {}

  private static void nlb(String host, HostDefinition.Nlb nlb) {
    try {
      nlb.initialState();
    } catch (IllegalArgumentException e) {
      throw fail(host, e.getMessage());
    }
    if (nlb.effectiveHostId() < 1 || nlb.effectiveHostId() > 32) {
      throw fail(host, "nlb.hostId is a host priority 1..32, not " + nlb.effectiveHostId());
    }
    if (!nlb.effectiveMembers().contains(nlb.effectiveHostId())) {
      throw fail(host, "nlb.members must include the host's own hostId " + nlb.effectiveHostId());
    }
    if (nlb.effectiveDrainSeconds() < 0) {
      throw fail(host, "nlb.drainSeconds must not be negative");
    }
    if (nlb.exitCodes() != null && !nlb.exitCodes().equals("wlbs") && !nlb.exitCodes().equals("zero")) {
      throw fail(host, "nlb.exitCodes must be wlbs or zero, not '" + nlb.exitCodes() + "'");
    }
  }

  static void validate(HostDefinition d) {
    String host = d.name();
    if (host == null || !COMPUTER_NAME.matcher(host).matches()) {
      throw new IllegalArgumentException("host name '" + host
          + "' is not a NetBIOS computer name (1-15 letters, digits or hyphens)");
    }
    if (d.os() == null) {
      throw fail(host, "os is required (server2003, server2008r2 or server2019)");
    }
    int bits = d.effectiveBits();
    if (bits != 32 && bits != 64) {
      throw fail(host, "bits must be 32 or 64, not " + bits);
    }
    if (bits == 32 && !d.os().allows32Bit()) {
      throw fail(host, d.os().displayName() + " exists only as a 64-bit system; bits must be 64");
    }
    if (d.nlb() != null) {
      nlb(host, d.nlb());
    }
    if (d.user() != null && !d.user().matches("[A-Za-z0-9._-]{1,20}")) {
      throw fail(host, "user '" + d.user() + "' is not a valid account name");
    }
    for (Map.Entry<String, String> e : d.env().entrySet()) {
      if (e.getKey().isEmpty() || e.getKey().contains("=") || e.getValue() == null) {
        throw fail(host, "env entry '" + e.getKey() + "' needs a name without '=' and a value");
      }
    }
    try {
      d.effectiveOptions().validate();
    } catch (IllegalArgumentException e) {
      throw fail(host, e.getMessage());
    }
    validateFrameworks(host, d, bits);
    if (d.sharedConfiguration() != null && (d.os().isIis6() || !d.sharedConfiguration().startsWith("\\\\"))) {
      throw fail(host, "sharedConfiguration is the UNC path (\\\\server\\share) of an IIS 7+ shared configuration"
          + " store; IIS 6.0 has none");
    }
    validateSites(host, d);
    Set<String> backups = new HashSet<>();
    for (String backup : d.backups()) {
      if (backup == null || !backup.matches("[A-Za-z0-9_.-]{1,100}") || !backups.add(backup.toLowerCase(Locale.ROOT))) {
        throw fail(host, "backups: '" + backup + "' is not a valid, unique backup name");
      }
    }
  }

  private static void validateFrameworks(String host, HostDefinition d, int bits) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < d.frameworks().size(); i++) {
      HostDefinition.Framework f = d.frameworks().get(i);
      String at = "frameworks[" + i + "]";
      if (f.runtime() == null || !RUNTIMES.contains(f.runtime())) {
        throw fail(host, at + ".runtime must be v2.0 or v4.0, not '" + f.runtime() + "'");
      }
      if (f.bitness() == null || (f.bitness() != 32 && f.bitness() != 64)) {
        throw fail(host, at + ".bitness must be 32 or 64");
      }
      if (f.bitness() == 64 && bits == 32) {
        throw fail(host, at + ": a 32-bit system has no Framework64");
      }
      if (!seen.add(f.folder() + "/" + f.bitness())) {
        throw fail(host, at + ": " + f.runtime() + "/" + f.bitness() + " is listed twice");
      }
      checkNotAbsent(host, at + ".machineConfig", f.machineConfig());
      checkNotAbsent(host, at + ".rootWebConfig", f.rootWebConfig());
      if (f.servicePack() != null && (!f.isV2() || f.servicePack() < 0 || f.servicePack() > 2)) {
        throw fail(host, at + ".servicePack applies to v2.0 only and is 0, 1 or 2");
      }
      if (f.rootWebConfig() != null && f.rootWebConfig().machineKey() != null
          && f.rootWebConfig().machineKey().locked()) {
        throw fail(host, at + ".rootWebConfig.machineKey.lock: locking with <location allowOverride=\"false\">"
            + " is modelled in machine.config only");
      }
    }
  }

  private static void checkNotAbsent(String host, String at, HostDefinition.ConfigFile file) {
    if (file != null && file.isAbsent()) {
      throw fail(host, at + ": machine-level config files always exist; 'absent' applies to web.config of sites");
    }
  }

  private static void validateSites(String host, HostDefinition d) {
    boolean iis6 = d.os().isIis6();
    Map<Long, String> ids = new HashMap<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < d.sites().size(); i++) {
      HostDefinition.Site s = d.sites().get(i);
      String at = "sites[" + i + "]";
      if (s.name() == null || s.name().isBlank() || s.name().contains("/") || s.name().contains("?")) {
        throw fail(host, at + ".name is required and may not contain / or ?");
      }
      if (s.id() == null || s.id() < 1 || s.id() > 4294967295L) {
        throw fail(host, at + ".id must be between 1 and 4294967295");
      }
      String holder = ids.putIfAbsent(s.id(), s.name());
      if (holder != null) {
        throw fail(host, at + ".id " + s.id() + " is already used by site '" + holder + "'");
      }
      // IIS6 identifies sites by number only, so two can share a ServerComment; IIS7 cannot
      if (!names.add(s.name().toLowerCase(Locale.ROOT)) && !iis6) {
        throw fail(host, at + ".name '" + s.name() + "' is used twice; IIS 7 and later require unique site names");
      }
      if (s.state() != null && !s.state().equals("Started") && !s.state().equals("Stopped")) {
        throw fail(host, at + ".state must be Started or Stopped");
      }
      for (String binding : s.bindings()) {
        if (binding == null || !BINDING.matcher(binding).matches()) {
          throw fail(host, at + ".bindings: '" + binding + "' is not protocol/ip:port:host (e.g. http/*:80:shop.example.com)");
        }
      }
      if (!iis6 && s.appRoot() != null) {
        throw fail(host, at + ".appRoot exists only in the IIS6 metabase (os: server2003)");
      }
      checkAppRoot(host, at, s.appRoot());
      Set<String> paths = new HashSet<>();
      for (int j = 0; j < s.applications().size(); j++) {
        HostDefinition.Application a = s.applications().get(j);
        String aat = at + ".applications[" + j + "]";
        if (a.path() == null || !a.path().matches("/[^/\\\\]+(/[^/\\\\]+)*")) {
          throw fail(host, aat + ".path must look like /name (not / itself)");
        }
        if (!paths.add(a.path().toLowerCase(Locale.ROOT))) {
          throw fail(host, aat + ".path " + a.path() + " is used twice");
        }
        if (!iis6 && a.appRoot() != null) {
          throw fail(host, aat + ".appRoot exists only in the IIS6 metabase (os: server2003)");
        }
        checkAppRoot(host, aat, a.appRoot());
      }
    }
  }

  private static void checkAppRoot(String host, String at, String appRoot) {
    if (appRoot != null && !appRoot.regionMatches(true, 0, "/LM/W3SVC/", 0, 10)) {
      throw fail(host, at + ".appRoot must start with /LM/W3SVC/");
    }
  }

  static List<String> bindingParts(String binding) {
    var m = BINDING.matcher(binding);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a binding: " + binding);
    }
    return List.of(m.group(1).toLowerCase(Locale.ROOT), m.group(2), m.group(3), m.group(4));
  }

  private static IllegalArgumentException fail(String host, String message) {
    return new IllegalArgumentException("host '" + host + "': " + message);
  }
}
