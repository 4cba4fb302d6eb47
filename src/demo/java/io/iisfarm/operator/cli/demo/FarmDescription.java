package io.iisfarm.operator.cli.demo;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.iisfarm.operator.api.HostStatus;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmSpec;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.api.MachineKeyStatus;
import io.iisfarm.operator.api.RolloutSpec;
import io.iisfarm.operator.api.SiteStatus;
import io.iisfarm.operator.cli.TextTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An IisFarm as {@code kubectl describe iisfarm} would show it, with the status laid out as tables: metadata,
 * the spec in short, conditions, the per-host table, machineKey fingerprints (never keys) and the Events.
 */
public final class FarmDescription {
  private FarmDescription() {}

  public static List<String> render(IisFarm farm, List<Event> events, Instant now) {
    List<String> out = new ArrayList<>();
    var meta = farm.getMetadata();
    fields(out, "", List.of(
        Map.entry("Name", meta.getName()),
        Map.entry("Namespace", meta.getNamespace()),
        Map.entry("Labels", labels(meta.getLabels())),
        Map.entry("Annotations", labels(meta.getAnnotations())),
        Map.entry("API Version", farm.getApiVersion()),
        Map.entry("Kind", farm.getKind()),
        Map.entry("Created", meta.getCreationTimestamp() + " (" + age(meta.getCreationTimestamp(), now) + " ago)"),
        Map.entry("Generation", orNone(meta.getGeneration()))));
    spec(out, farm.getSpec());
    status(out, farm.getStatus());
    out.add("Events:");
    List<Event> mine = events.stream()
        .filter(e -> e.getInvolvedObject() != null && "IisFarm".equals(e.getInvolvedObject().getKind())
            && meta.getName().equals(e.getInvolvedObject().getName()))
        .sorted(Comparator.comparing(FarmDescription::lastSeen)).toList();
    if (mine.isEmpty()) {
      out.add("  <none>");
    } else {
      TextTable table = TextTable.describe("Type", "Reason", "Age", "From", "Message");
      mine.forEach(e -> table.row(e.getType(), e.getReason(), eventAge(e, now),
          e.getSource() == null ? "" : e.getSource().getComponent(), e.getMessage()));
      indent(out, "  ", table.lines());
    }
    return out;
  }

  private static void spec(List<String> out, IisFarmSpec spec) {
    out.add("Spec:");
    var winrm = spec.getWinrm();
    var key = spec.getMachineKey();
    fields(out, "  ", List.of(
        Map.entry("Mode", spec.getMode().wireName() + (Boolean.TRUE.equals(spec.getSuspend()) ? " (suspended)" : "")),
        Map.entry("Resync Interval", spec.getResyncInterval()),
        Map.entry("Max Unavailable", String.valueOf(spec.getRollout().getMaxUnavailable())),
        Map.entry("Rollout", rollout(spec.getRollout())),
        Map.entry("WinRM", winrm.getTransport().wireName() + ", " + winrm.getAuth().wireName()
            + (winrm.getCaSecretRef() == null ? "" : ", CA from Secret " + winrm.getCaSecretRef().getName())
            + (Boolean.TRUE.equals(winrm.getAllowLegacyTls()) ? ", TLS 1.0 allowed" : "")),
        Map.entry("Hosts", spec.getHosts().stream().map(h -> h.getName() + " (" + h.getAddress() + ")")
            .collect(Collectors.joining(", "))),
        Map.entry("Sites", spec.getSites().stream().map(s -> s.getName() + "=" + s.getId())
            .collect(Collectors.joining(", "))),
        Map.entry("Machine Key", key == null ? "<not managed>" : key.getValidation().wireName() + "/"
            + key.getDecryption().wireName() + ", from Secret " + key.getSecretRef().getName())));
  }

  /** Windows, drain and health checks in one line, e.g. {@code windows Sat 22:00-02:00 UTC; drain nlb; ...}. */
  static String rollout(RolloutSpec rollout) {
    List<String> parts = new ArrayList<>();
    if (rollout.getWindows() != null && !rollout.getWindows().isEmpty()) {
      parts.add("windows " + rollout.getWindows().stream().map(w -> w.getDays().stream()
          .map(d -> d.wireName()).collect(Collectors.joining(",")) + " " + w.getStart() + "-" + w.getEnd() + " "
          + w.getTimeZone()).collect(Collectors.joining(", ")));
    }
    var drain = rollout.getDrain();
    if (drain != null) {
      List<String> methods = new ArrayList<>();
      if (drain.getWebhook() != null) {
        methods.add("webhook");
      }
      if (drain.getNlb() != null) {
        methods.add("nlb");
      }
      if (drain.getDelay() != null) {
        methods.add("delay " + drain.getDelay());
      }
      parts.add("drain " + String.join(", ", methods));
    }
    if (rollout.getHealthCheck() != null && !rollout.getHealthCheck().getSites().isEmpty()) {
      parts.add("health checks " + rollout.getHealthCheck().getSites().stream().map(c -> c.getSite())
          .collect(Collectors.joining(", ")));
    }
    return parts.isEmpty() ? "at any time, no drain, no health checks" : String.join("; ", parts);
  }

  private static void status(List<String> out, IisFarmStatus status) {
    out.add("Status:");
    if (status == null) {
      out.add("  <none>");
      return;
    }
    fields(out, "  ", List.of(
        Map.entry("Observed Generation", orNone(status.getObservedGeneration())),
        Map.entry("Mode", orNone(status.getMode())),
        Map.entry("In Sync", orNone(status.getInSync())),
        Map.entry("Last Check", orNone(status.getLastCheck()))));
    out.add("  Conditions:");
    TextTable conditions = TextTable.describe("Type", "Status", "Reason", "Message");
    for (Condition c : status.getConditions()) {
      conditions.row(c.getType(), c.getStatus(), c.getReason(), c.getMessage());
    }
    indent(out, "    ", conditions.lines());
    out.add("  Hosts:");
    TextTable hosts = TextTable.describe("Name", "Reachable", "OS", "IIS", "In Sync", "Sites", "Message");
    TextTable keys = TextTable.describe("Host", "Runtime", "Bitness", "File", "Fingerprint", "Validation",
        "Decryption", "In Sync");
    for (HostStatus h : status.getHosts()) {
      hosts.row(h.name(), text(h.reachable()), h.os(), h.iisVersion(), text(h.inSync()), sites(h.sites()),
          h.message());
      if (h.machineKeys() != null) {
        for (MachineKeyStatus k : h.machineKeys()) {
          keys.row(h.name(), k.runtime(), String.valueOf(k.bitness()), k.file(), k.fingerprint(), k.validation(),
              k.decryption(), k.inSync() == null ? "-" : text(k.inSync()));
        }
      }
    }
    indent(out, "    ", hosts.lines());
    out.add("  Machine Keys (fingerprints; In Sync \"-\": a file the farm key does not go into):");
    indent(out, "    ", keys.lines());
  }

  private static String sites(List<SiteStatus> sites) {
    if (sites == null) {
      return "";
    }
    return sites.stream().map(s -> s.name() + "=" + (s.actualId() == null ? "missing" : s.actualId())
            + (Objects.equals(s.actualId(), s.desiredId()) ? "" : "->" + s.desiredId())
            + ("Started".equalsIgnoreCase(s.state()) || s.state() == null ? "" : " (" + s.state() + ")"))
        .collect(Collectors.joining(", "));
  }

  private static void fields(List<String> out, String indent, List<Map.Entry<String, String>> fields) {
    int width = fields.stream().mapToInt(f -> f.getKey().length()).max().orElse(0) + 3;
    for (Map.Entry<String, String> f : fields) {
      String key = f.getKey() + ":";
      out.add((indent + key + " ".repeat(width - key.length()) + f.getValue()).stripTrailing());
    }
  }

  private static void indent(List<String> out, String indent, List<String> lines) {
    lines.forEach(l -> out.add(indent + l));
  }

  private static String labels(Map<String, String> labels) {
    return labels == null || labels.isEmpty() ? "<none>" : labels.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
  }

  private static String orNone(Object value) {
    return value == null ? "<none>" : value.toString();
  }

  private static String text(Boolean value) {
    return value == null ? "Unknown" : value ? "True" : "False";
  }

  private static String lastSeen(Event e) {
    return Objects.requireNonNullElse(e.getLastTimestamp(), Objects.requireNonNullElse(e.getFirstTimestamp(), ""));
  }

  /** As kubectl: the last occurrence's age, and for repeats "(xN over <first occurrence's age>)". */
  private static String eventAge(Event e, Instant now) {
    String last = age(lastSeen(e), now);
    int count = e.getCount() == null ? 1 : e.getCount();
    return count > 1 ? last + " (x" + count + " over " + age(e.getFirstTimestamp(), now) + ")" : last;
  }

  private static String age(String timestamp, Instant now) {
    if (timestamp == null || timestamp.isEmpty()) {
      return "<unknown>";
    }
    return PrinterColumns.humanAge(Duration.between(Instant.parse(timestamp), now));
  }
}
