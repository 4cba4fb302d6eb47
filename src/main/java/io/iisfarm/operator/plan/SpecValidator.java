package io.iisfarm.operator.plan;

import io.iisfarm.operator.api.ClrRuntime;
import io.iisfarm.operator.api.HostSpec;
import io.iisfarm.operator.api.IisFarmSpec;
import io.iisfarm.operator.api.KubeDuration;
import io.iisfarm.operator.api.MachineKeySpec;
import io.iisfarm.operator.api.RolloutSpec;
import io.iisfarm.operator.api.SecretRef;
import io.iisfarm.operator.api.SiteSpec;
import io.iisfarm.operator.api.ValidationAlgorithm;
import io.iisfarm.operator.api.WinRmSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks an IisFarm spec for what the CRD schema cannot express, and repeats what it can: the operator must
 * also be safe where the schema was not applied. Pure; returns every problem, each saying what to change.
 */
public final class SpecValidator {
  /** Shortest resync interval: a shorter one would keep hosts busy with reads. */
  public static final Duration MIN_RESYNC = Duration.ofSeconds(5);
  private static final int MAX_HOSTS = 200;
  private static final int MAX_SITES = 100;
  private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$");
  private static final Pattern SECRET_NAME =
      Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
  private static final Pattern SITE_NAME = Pattern.compile(SiteSpec.NAME_PATTERN);
  /** host, host:port, [v6], [v6]:port. */
  private static final Pattern ADDRESS = Pattern.compile(
      "^([A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?)*"
          + "|\\[[0-9A-Fa-f:.]+\\])(:(?<port>[0-9]{1,5}))?$");

  private SpecValidator() {}

  /** Every problem of the spec; empty when it is valid. */
  public static List<SpecProblem> validate(IisFarmSpec spec) {
    List<SpecProblem> out = new ArrayList<>();
    if (spec == null) {
      out.add(new SpecProblem("spec", "missing: give at least spec.winrm and spec.hosts"));
      return out;
    }
    duration(out, "spec.resyncInterval", spec.getResyncInterval(), MIN_RESYNC);
    winrm(out, spec.getWinrm());
    List<HostSpec> hosts = spec.getHosts() == null ? List.of() : spec.getHosts();
    hosts(out, hosts);
    sites(out, spec.getSites() == null ? List.of() : spec.getSites());
    machineKey(out, spec.getMachineKey(), hosts);
    rollout(out, spec.getRollout());
    return out;
  }

  /** One line naming every problem, for a condition message. */
  public static String summary(List<SpecProblem> problems) {
    return problems.stream().map(SpecProblem::toString).collect(Collectors.joining("; "));
  }

  private static void winrm(List<SpecProblem> out, WinRmSpec winrm) {
    if (winrm == null) {
      out.add(new SpecProblem("spec.winrm", "missing: set spec.winrm.credentialsSecretRef.name to the Secret"
          + " holding the WinRM username and password"));
      return;
    }
    secretRef(out, "spec.winrm.credentialsSecretRef", winrm.getCredentialsSecretRef(), true,
        "the Secret holding the WinRM username and password");
    secretRef(out, "spec.winrm.caSecretRef", winrm.getCaSecretRef(), false, "the Secret holding ca.crt");
    if (winrm.getPort() != null && (winrm.getPort() < 1 || winrm.getPort() > 65535)) {
      out.add(new SpecProblem("spec.winrm.port", winrm.getPort() + " is not a TCP port: use 1..65535 (WinRM"
          + " listens on 5986 for https, 5985 for http)"));
    }
    duration(out, "spec.winrm.connectTimeout", winrm.getConnectTimeout(), Duration.ofMillis(1));
    duration(out, "spec.winrm.operationTimeout", winrm.getOperationTimeout(), Duration.ofMillis(1));
  }

  private static void hosts(List<SpecProblem> out, List<HostSpec> hosts) {
    if (hosts.isEmpty()) {
      out.add(new SpecProblem("spec.hosts", "empty: list at least one host with name and address"));
    }
    if (hosts.size() > MAX_HOSTS) {
      out.add(new SpecProblem("spec.hosts", hosts.size() + " hosts: split the farm, at most " + MAX_HOSTS
          + " per IisFarm"));
    }
    Map<String, Integer> names = new HashMap<>();
    Map<String, Integer> addresses = new HashMap<>();
    for (int i = 0; i < hosts.size(); i++) {
      String path = "spec.hosts[" + i + "]";
      HostSpec host = hosts.get(i);
      if (host == null) {
        out.add(new SpecProblem(path, "empty entry: remove it or give name and address"));
        continue;
      }
      String name = host.getName();
      if (name == null || !DNS_LABEL.matcher(name).matches()) {
        out.add(new SpecProblem(path + ".name", "'" + name + "' is not a lower-case DNS label: use letters a-z,"
            + " digits and '-', at most 63 characters, e.g. web1"));
      } else {
        Integer first = names.putIfAbsent(name, i);
        if (first != null) {
          out.add(new SpecProblem(path + ".name", "'" + name + "' is also the name of spec.hosts[" + first
              + "]: give each host its own name"));
        }
      }
      address(out, path + ".address", host.getAddress(), addresses, i);
      secretRef(out, path + ".credentialsSecretRef", host.getCredentialsSecretRef(), false,
          "the Secret holding this host's WinRM username and password");
    }
  }

  private static void address(List<SpecProblem> out, String path, String address, Map<String, Integer> seen,
      int index) {
    Matcher m = address == null ? null : ADDRESS.matcher(address);
    if (m == null || !m.matches()) {
      out.add(new SpecProblem(path, "'" + address + "' is not host or host:port: give a DNS name, IPv4 address"
          + " or [IPv6] address, without scheme, e.g. web1.example.com:5986"));
      return;
    }
    String port = m.group("port");
    if (port != null && (Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535)) {
      out.add(new SpecProblem(path, "port " + port + " is not a TCP port: use 1..65535"));
    }
    Integer first = seen.putIfAbsent(address.toLowerCase(Locale.ROOT), index);
    if (first != null) {
      out.add(new SpecProblem(path, "'" + address + "' is also the address of spec.hosts[" + first + "]: list"
          + " each host once"));
    }
  }

  private static void sites(List<SpecProblem> out, List<SiteSpec> sites) {
    if (sites.size() > MAX_SITES) {
      out.add(new SpecProblem("spec.sites", sites.size() + " sites: at most " + MAX_SITES + " per IisFarm"));
    }
    Map<String, Integer> names = new HashMap<>();
    Map<Long, Integer> ids = new HashMap<>();
    for (int i = 0; i < sites.size(); i++) {
      String path = "spec.sites[" + i + "]";
      SiteSpec site = sites.get(i);
      if (site == null) {
        out.add(new SpecProblem(path, "empty entry: remove it or give name and id"));
        continue;
      }
      String name = site.getName();
      if (name == null || !SITE_NAME.matcher(name).matches()) {
        out.add(new SpecProblem(path + ".name", "'" + name + "' is not an IIS site name: 1 to 128 characters"
            + " without \\ / ? ; : @ & = + $ , | \" < > % * or control characters"));
      } else {
        Integer first = names.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
        if (first != null) {
          out.add(new SpecProblem(path + ".name", "'" + name + "' is also spec.sites[" + first + "] (IIS compares"
              + " site names case-insensitively): list each site once"));
        }
      }
      Long id = site.getId();
      if (id == null || id < 1 || id > SitePlanner.MAX_SITE_ID) {
        out.add(new SpecProblem(path + ".id", id + " is not an IIS site ID: use 1..4294967295"));
      } else {
        Integer first = ids.putIfAbsent(id, i);
        if (first != null) {
          out.add(new SpecProblem(path + ".id", "ID " + id + " is also wanted by spec.sites[" + first + "]: give"
              + " each site its own ID"));
        }
      }
    }
  }

  private static void machineKey(List<SpecProblem> out, MachineKeySpec key, List<HostSpec> hosts) {
    if (key == null) {
      return;
    }
    String path = "spec.machineKey";
    secretRef(out, path + ".secretRef", key.getSecretRef(), true,
        "the Secret holding validationKey and decryptionKey");
    boolean generate = Boolean.TRUE.equals(key.getGenerate());
    String adoptFrom = key.getAdoptFrom();
    if (generate && adoptFrom != null) {
      out.add(new SpecProblem(path, "generate and adoptFrom are mutually exclusive: keep generate: true for a"
          + " new random key, or adoptFrom to copy an existing host's key"));
    }
    if (adoptFrom != null && hosts.stream().noneMatch(h -> h != null && adoptFrom.equals(h.getName()))) {
      out.add(new SpecProblem(path + ".adoptFrom", "'" + adoptFrom + "' names no host in spec.hosts: use one of "
          + hosts.stream().filter(h -> h != null).map(HostSpec::getName).toList()));
    }
    List<ClrRuntime> runtimes = key.getRuntimes();
    if (runtimes != null) {
      if (runtimes.isEmpty() || runtimes.stream().anyMatch(Objects::isNull)) {
        out.add(new SpecProblem(path + ".runtimes", "list v2.0 and/or v4.0, or leave it out to manage every"
            + " runtime found on each host"));
      } else if (new HashSet<>(runtimes).size() != runtimes.size()) {
        out.add(new SpecProblem(path + ".runtimes", "lists a runtime twice: list each once"));
      }
      // compatibilityMode is not checked here: it goes into v4.0 files only, whatever runtimes says
      if (runtimes.contains(ClrRuntime.V2_0) && isV4Only(key.getValidation())) {
        out.add(new SpecProblem(path, "validation " + key.getValidation().wireName() + " exists only on .NET v4.0,"
            + " but runtimes names v2.0: use SHA1 (or AES) validation, or remove v2.0 from runtimes"));
      }
    }
    List<Integer> bitness = key.getBitness();
    if (bitness != null) {
      Set<Integer> allowed = Set.of(32, 64);
      if (bitness.isEmpty() || !bitness.stream().allMatch(b -> b != null && allowed.contains(b))) {
        out.add(new SpecProblem(path + ".bitness", bitness + " is not a list of 32 and/or 64: leave it out to"
            + " manage every bitness found on each host"));
      } else if (new HashSet<>(bitness).size() != bitness.size()) {
        out.add(new SpecProblem(path + ".bitness", "lists a bitness twice: list each once"));
      }
    }
  }

  private static boolean isV4Only(ValidationAlgorithm validation) {
    return validation == ValidationAlgorithm.HMACSHA256 || validation == ValidationAlgorithm.HMACSHA384
        || validation == ValidationAlgorithm.HMACSHA512;
  }

  private static void rollout(List<SpecProblem> out, RolloutSpec rollout) {
    if (rollout == null) {
      return;
    }
    if (rollout.getMaxUnavailable() != null && rollout.getMaxUnavailable() < 1) {
      out.add(new SpecProblem("spec.rollout.maxUnavailable", rollout.getMaxUnavailable() + " would change no"
          + " host: use an integer of at least 1 (1 changes hosts one at a time)"));
    }
    Integer keep = rollout.getBackupsToKeep();
    if (keep != null && (keep < 1 || keep > 100)) {
      out.add(new SpecProblem("spec.rollout.backupsToKeep", keep + " is out of range: keep 1..100 backups per"
          + " host"));
    }
    RolloutRules.check(out, rollout);
  }

  static void secretRef(List<SpecProblem> out, String path, SecretRef ref, boolean required, String what) {
    if (ref == null) {
      if (required) {
        out.add(new SpecProblem(path, "missing: set " + path + ".name to " + what));
      }
      return;
    }
    if (ref.getName() == null || !SECRET_NAME.matcher(ref.getName()).matches()) {
      out.add(new SpecProblem(path + ".name", "'" + ref.getName() + "' is not a Secret name: name " + what
          + " in lower-case letters, digits, '-' and '.'"));
    }
  }

  static void duration(List<SpecProblem> out, String path, String text, Duration min) {
    if (text == null) {
      return;
    }
    try {
      Duration d = KubeDuration.parse(text);
      if (d.compareTo(min) < 0) {
        out.add(new SpecProblem(path, text + " is too short: use at least " + KubeDuration.format(min)));
      }
    } catch (IllegalArgumentException e) {
      out.add(new SpecProblem(path, e.getMessage()));
    }
  }
}
