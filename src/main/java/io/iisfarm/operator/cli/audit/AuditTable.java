package io.iisfarm.operator.cli.audit;

import io.iisfarm.operator.api.HostStatus;
import io.iisfarm.operator.api.MachineKeyStatus;
import io.iisfarm.operator.api.PlannedStep;
import io.iisfarm.operator.api.SiteStatus;
import io.iisfarm.operator.cli.TextTable;
import io.iisfarm.operator.model.DesiredFarm;
import io.iisfarm.operator.plan.KeyFileCheck;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The audit for people: one line per site and per machine-level config file of each host (a root web.config
 * only when it holds a machineKey) with actual and desired value, then each host's verdict with its findings,
 * then what Enforce mode would run. machineKeys show as fingerprints.
 */
final class AuditTable {
  private static final String[] HEADER = {"HOST", "IIS", "CHECK", "ACTUAL", "DESIRED", "RESULT"};

  private AuditTable() {}

  static void print(FarmAudit.Result audit, PrintWriter out) {
    var meta = audit.farm().getMetadata();
    out.printf("Audit of IisFarm %s%s: %d hosts read at %s. Nothing was changed.%n",
        meta.getNamespace() == null ? "" : meta.getNamespace() + "/", meta.getName(),
        audit.status().getHostsTotal(), audit.status().getLastCheck());
    out.println("Desired: " + desired(audit));
    out.println();
    printRows(rows(audit), out);
    out.println();
    for (HostStatus host : audit.status().getHosts()) {
      printVerdict(host, out);
    }
    List<PlannedStep> steps = audit.status().getPlannedSteps();
    if (steps != null) {
      out.println();
      out.println("Enforce mode would run (nothing was run):");
      for (PlannedStep step : steps) {
        out.printf("  %s  %s: %s%n", step.host(), step.action(), step.detail());
      }
    }
    audit.notes().forEach(note -> out.println("Note: " + note));
    out.println();
    out.println(summary(audit));
    out.flush();
  }

  private static String desired(FarmAudit.Result audit) {
    DesiredFarm desired = audit.desired();
    String sites = desired.sites().isEmpty() ? "no sites"
        : desired.sites().stream().map(s -> s.name() + "=" + s.id()).collect(Collectors.joining(", "));
    if (desired.machineKey() == null) {
      return sites + (audit.keySource() == null && audit.farm().getSpec().getMachineKey() == null
          ? "; machineKeys not managed" : "; machineKey not known");
    }
    var key = desired.machineKey().setting();
    return sites + "; machineKey " + key.fingerprint() + " (" + key.validation() + "/" + key.decryption() + "), "
        + audit.keySource();
  }

  private static List<String[]> rows(FarmAudit.Result audit) {
    String wantKey = audit.desired().machineKey() == null ? "-" : audit.desired().machineKey().setting().fingerprint();
    List<String[]> rows = new ArrayList<>();
    for (HostStatus host : audit.status().getHosts()) {
      String name = host.name();
      String iis = host.iisVersion() == null ? "-" : host.iisVersion();
      if (!Boolean.TRUE.equals(host.reachable())) {
        String reason = host.findings() == null || host.findings().isEmpty() ? "not read"
            : host.findings().get(0).split(":", 2)[0];
        rows.add(new String[] {name, iis, "host", "-", "-", reason});
        continue;
      }
      for (SiteStatus site : list(host.sites())) {
        rows.add(new String[] {name, iis, "site " + site.name(),
            site.actualId() == null ? site.state().toLowerCase(Locale.ROOT) : site.actualId().toString(),
            site.desiredId().toString(), siteResult(site)});
        name = "";
        iis = "";
      }
      for (MachineKeyStatus key : list(host.machineKeys())) {
        if (KeyFileCheck.ABSENT.equals(key.fingerprint()) && key.inSync() == null) {
          // a root web.config without <machineKey> overrides nothing; --output json still lists it
          continue;
        }
        boolean managed = key.inSync() != null;
        rows.add(new String[] {name, iis, "machineKey " + key.runtime() + "/" + key.bitness() + " " + key.file(),
            key.fingerprint(), managed ? wantKey : "-",
            !managed ? "not managed" : key.inSync() ? "ok" : "differs"});
        name = "";
        iis = "";
      }
      if (!name.isEmpty()) {
        rows.add(new String[] {name, iis, "host", "-", "-", Boolean.TRUE.equals(host.inSync()) ? "ok" : "see below"});
      }
    }
    return rows;
  }

  private static String siteResult(SiteStatus site) {
    if (Boolean.TRUE.equals(site.inSync())) {
      return "ok";
    }
    if (site.actualId() == null) {
      return site.state().toLowerCase(Locale.ROOT);
    }
    return site.actualId().equals(site.desiredId()) ? "AppRoot differs" : "differs";
  }

  private static void printRows(List<String[]> rows, PrintWriter out) {
    TextTable table = TextTable.plain(HEADER);
    rows.forEach(table::row);
    table.lines().forEach(out::println);
  }

  private static void printVerdict(HostStatus host, PrintWriter out) {
    if (!Boolean.TRUE.equals(host.reachable())) {
      out.printf("%s  not read: %s%n", host.name(), host.message());
      return;
    }
    out.printf("%s  %s%n", host.name(), Boolean.TRUE.equals(host.inSync()) ? "in sync" : "not in sync");
    for (String finding : list(host.findings())) {
      out.println("    " + finding);
    }
  }

  private static String summary(FarmAudit.Result audit) {
    int total = audit.status().getHostsTotal();
    int inSync = audit.status().getHostsInSync();
    long unread = audit.status().getHosts().stream().filter(h -> !Boolean.TRUE.equals(h.reachable())).count();
    int exit = audit.outcome().exitCode;
    return switch (audit.outcome()) {
      case IN_SYNC -> "In sync: all " + total + " hosts match the spec (exit code " + exit + ").";
      case DRIFT_DETECTED -> "Drift: " + inSync + " of " + total + " hosts in sync (exit code " + exit + ").";
      case HOSTS_UNREADABLE -> "Incomplete: " + unread + " of " + total + " hosts could not be read; " + inSync
          + " of " + total + " in sync (exit code " + exit + ").";
      case KEYS_NOT_CHECKED -> "Incomplete: the machineKeys of " + keysNotChecked(audit) + " could not be checked,"
          + " so the farm is not known to be in sync; " + inSync + " of " + total + " hosts in sync on what could be"
          + " checked (exit code " + exit + ").";
      case INVALID_SPEC -> "Invalid spec for these hosts: " + String.join("; ", audit.report().invalidSpecMessages())
          + " (exit code " + exit + ").";
    };
  }

  /** e.g. {@code web01 (InsecureTransport: use https or set spec.winrm.allowKeyTransferOverHttp: true)}. */
  private static String keysNotChecked(FarmAudit.Result audit) {
    List<String> parts = new java.util.ArrayList<>();
    FarmAudit.keysNotChecked(audit.report()).forEach((host, reason) -> parts.add(host + " (" + reason + ": "
        + switch (reason) {
          case "InsecureTransport" -> "reached over plain http, so its config files were not read; use https or set"
              + " spec.winrm.allowKeyTransferOverHttp: true";
          case "MachineKeyEncrypted" -> "its machineKey is encrypted; decrypt it with aspnet_regiis -pd or leave"
              + " that runtime out of spec.machineKey";
          default -> "see its findings";
        } + ")"));
    return String.join(", ", parts);
  }

  private static <T> List<T> list(List<T> items) {
    return items == null ? List.of() : items;
  }
}
