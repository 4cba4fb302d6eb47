package io.iisfarm.operator.cli.demo;

import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.host.BackupId;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.observe.HostRead;
import io.iisfarm.operator.plan.Finding;
import io.iisfarm.operator.plan.FindingReason;
import io.iisfarm.operator.plan.HostPlan;
import io.iisfarm.operator.plan.Step;
import io.iisfarm.operator.reconciler.ProgressListener;
import io.iisfarm.operator.rollout.RolloutListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Prints the operator's progress, one aligned line per event and host: what it observed and found wrong, the
 * steps it planned, the backup, each change, the verification, a rollback or failure. A host is printed when
 * first seen and whenever it is out of sync; quiet re-checks of an in-sync farm print nothing. Steps and
 * findings name fingerprints only, never key material.
 */
public final class ProgressPrinter implements ProgressListener {
  /** Findings that do not count against "in sync" and that the operator never changes. */
  private static final Set<FindingReason> REPORTED_ONLY = EnumSet.of(FindingReason.SESSION_STATE_MISMATCH,
      FindingReason.SESSION_STATE_INCONSISTENT, FindingReason.MACHINE_KEY_OVERRIDE);

  private final PrintWriter out;
  private final long startNanos;
  private final int hostWidth;
  private final Map<String, HostObservation> observations = new ConcurrentHashMap<>();
  private final Map<String, Boolean> lastInSync = new ConcurrentHashMap<>();
  private final Map<String, String> lastShown = new ConcurrentHashMap<>();
  private final Map<String, Long> detectedAt = new ConcurrentHashMap<>();
  private final Map<String, Long> verifiedAt = new ConcurrentHashMap<>();

  /**
   * @param startNanos {@link System#nanoTime()} at the demo's start: lines show the seconds since
   * @param hostWidth the longest host name, for alignment
   */
  public ProgressPrinter(PrintWriter out, long startNanos, int hostWidth) {
    this.out = out;
    this.startNanos = startNanos;
    this.hostWidth = hostWidth;
  }

  @Override
  public void observed(IisFarm farm, HostRead read) {
    if (read instanceof HostRead.Observed o) {
      observations.put(read.host(), o.observation());
    } else if (read instanceof HostRead.Failed f && !f.message().equals(lastShown.put(read.host(), f.message()))) {
      lastInSync.put(read.host(), false);
      line(read.host(), "unreachable", f.message());
    }
  }

  @Override
  public void planned(IisFarm farm, HostPlan plan) {
    String host = plan.host();
    boolean wrong = !plan.inSync() || !plan.steps().isEmpty();
    Boolean wasInSync = lastInSync.put(host, !wrong);
    List<String[]> found = found(plan);
    String signature = found.stream().map(f -> f[1]).collect(Collectors.joining("|"));
    if (wasInSync == null) {
      line(host, "observed", version(observations.get(host)) + (wrong ? "" : ": in sync"));
    } else if (wasInSync && wrong) {
      detectedAt.put(host, System.nanoTime());
      line(host, "drift detected", version(observations.get(host)));
    } else if (!wrong || signature.equals(lastShown.get(host))) {
      return;
    } else {
      line(host, "observed", version(observations.get(host)) + ": still differs");
    }
    lastShown.put(host, signature);
    found.forEach(f -> line(host, f[0], f[1]));
    if (!plan.steps().isEmpty()) {
      line(host, "planned", StepSummary.of(plan.steps()));
    }
  }

  @Override
  public RolloutListener rollout(IisFarm farm) {
    return new RolloutListener() {
      @Override
      public void backedUp(String host, BackupId id) {
        line(host, "backed up", "IIS configuration and config files, as " + id.name());
      }

      @Override
      public void applied(String host, Step step) {
        line(host, "changed", step.describe());
      }

      @Override
      public void verified(String host) {
        verifiedAt.put(host, System.nanoTime());
        lastInSync.put(host, true);
        lastShown.remove(host);
        line(host, "verified", "read back: the host matches the spec");
      }

      @Override
      public void drained(String host, String method, Duration took) {
        line(host, "drained", switch (method) {
          case "nlb" -> "out of NLB: nlb.exe drainstop, connections drained";
          case "webhook" -> "out of the load balancer (webhook)";
          default -> "waited " + took.toSeconds() + " s for sessions to end";
        });
      }

      @Override
      public void drainNote(String host, String note) {
        line(host, "note", note);
      }

      @Override
      public void healthChecked(String host, String site, String answer, boolean healthy, boolean beforeChange,
          Duration took) {
        if (healthy || !beforeChange) {
          line(host, healthy ? "healthy" : "unhealthy", answer);
        } else {
          line(host, "down already", answer + "; not checked after the change");
        }
      }

      @Override
      public void restored(String host, String method, Duration took) {
        line(host, "restored", method.equals("nlb") ? "back in NLB: nlb.exe start, converged"
            : "back in the load balancer (" + method + ")");
      }

      @Override
      public void restoreFailed(String host, String why) {
        line(host, "not restored", why);
      }

      @Override
      public void deferred(String host, String why) {
        line(host, "waiting", why);
      }

      @Override
      public void rolledBack(String host, String why) {
        line(host, "rolled back", why);
      }

      @Override
      public void failed(String host, String why) {
        line(host, "failed", why);
      }
    };
  }

  /** {@link System#nanoTime()} of the last drift seen on a host that was in sync before, if any. */
  public OptionalLong driftDetectedAt(String host) {
    Long at = detectedAt.get(host);
    return at == null ? OptionalLong.empty() : OptionalLong.of(at);
  }

  /** {@link System#nanoTime()} of the host's last verified change, if any. */
  public OptionalLong verifiedAt(String host) {
    Long at = verifiedAt.get(host);
    return at == null ? OptionalLong.empty() : OptionalLong.of(at);
  }

  /** A line in the same layout, for the demo's own remarks about a host. */
  public void line(String host, String label, String text) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    synchronized (out) {
      out.printf("[%5.1fs] %-" + hostWidth + "s  %-14s  %s%n", seconds, host, label, text);
      out.flush();
    }
  }

  private static String version(HostObservation o) {
    return o == null || o.iisVersion() == null ? "?" : "IIS " + o.iisVersion() + " on " + o.osName();
  }

  /**
   * One line per finding: what differs ("found") or what is reported only ("note"), each finding's first
   * clause (messages say what, then ", so" why, then "; " what to do). Notes of one kind are shown once.
   */
  private static List<String[]> found(HostPlan plan) {
    List<String[]> lines = new ArrayList<>();
    Map<FindingReason, Integer> notes = new LinkedHashMap<>();
    for (Finding f : plan.findings()) {
      boolean note = REPORTED_ONLY.contains(f.reason());
      if (note && notes.merge(f.reason(), 1, Integer::sum) > 1) {
        continue;
      }
      lines.add(new String[] {note ? "note" : "found", f.reason().camelCase() + ": " + headline(f.message())});
    }
    return lines;
  }

  static String headline(String message) {
    int so = message.indexOf(", so ");
    int semicolon = message.indexOf("; ");
    int end = so < 0 ? semicolon : semicolon < 0 ? so : Math.min(so, semicolon);
    return end < 0 ? message : message.substring(0, end);
  }
}
