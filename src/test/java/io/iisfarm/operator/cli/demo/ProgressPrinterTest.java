package io.iisfarm.operator.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.host.BackupId;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.IisVersion;
import io.iisfarm.operator.observe.HostRead;
import io.iisfarm.operator.plan.Finding;
import io.iisfarm.operator.plan.FindingReason;
import io.iisfarm.operator.plan.HostPlan;
import io.iisfarm.operator.plan.MoveSite;
import io.iisfarm.operator.plan.Step;
import io.iisfarm.operator.plan.SyncState;
import io.iisfarm.operator.rollout.RolloutListener;
import io.iisfarm.operator.winrm.WinRmException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
  private final StringWriter text = new StringWriter();
  private final ProgressPrinter printer = new ProgressPrinter(new PrintWriter(text), System.nanoTime(), 5);
  private final IisFarm farm = new IisFarm();

  @Test
  void aHostOutOfSyncShowsWhatItFoundPlannedAndDidOneAlignedLineEach() {
    printer.observed(farm, observed("web01", new IisVersion(6, 0), "Windows Server 2003"));
    printer.planned(farm, drifted("web01"));
    RolloutListener rollout = printer.rollout(farm);
    rollout.backedUp("web01", BackupId.at(Instant.parse("2026-11-24T02:15:00Z")));
    rollout.applied("web01", new MoveSite("Shop", 7, 2, false));
    rollout.verified("web01");

    assertThat(lines()).containsExactly(
        "web01  observed        IIS 6.0 on Windows Server 2003",
        "web01  found           SiteIdDrift: site Shop has ID 7, not 2",
        "web01  note            SessionStateInconsistent: site Api uses StateServer here, but web02 uses InProc",
        "web01  planned         1 step: 1 site move",
        "web01  backed up       IIS configuration and config files, as iisfarm_20261124T021500Z",
        "web01  changed         move site Shop from ID 7 to ID 2",
        "web01  verified        read back: the host matches the spec");
    assertThat(text.toString()).matches("(?s)(\\[ *\\d+\\.\\ds] [^\\n]*\\n)+");
  }

  @Test
  void quietReChecksPrintNothingAndDriftOnAHostInSyncIsCalledSo() {
    printer.observed(farm, observed("web03", new IisVersion(10, 0), "Windows Server 2019"));
    printer.planned(farm, inSync("web03"));
    printer.planned(farm, inSync("web03"));
    printer.planned(farm, drifted("web03"));

    assertThat(lines()).containsExactly(
        "web03  observed        IIS 10.0 on Windows Server 2019: in sync",
        "web03  drift detected  IIS 10.0 on Windows Server 2019",
        "web03  found           SiteIdDrift: site Shop has ID 7, not 2",
        "web03  note            SessionStateInconsistent: site Api uses StateServer here, but web02 uses InProc",
        "web03  planned         1 step: 1 site move");
    assertThat(printer.driftDetectedAt("web03")).isPresent();
    assertThat(printer.verifiedAt("web03")).isEmpty();
  }

  @Test
  void anUnreachableHostIsShownOncePerMessage() {
    HostRead.Failed refused = new HostRead.Failed("web02", WinRmException.Kind.UNREACHABLE, "connection refused");
    printer.observed(farm, refused);
    printer.observed(farm, refused);

    assertThat(lines()).containsExactly("web02  unreachable     connection refused");
  }

  @Test
  void aHeadlineIsTheFindingsFirstClause() {
    assertThat(ProgressPrinter.headline("site Shop has ID 7, not 2, so sessions are lost; planned: move it"))
        .isEqualTo("site Shop has ID 7, not 2");
    assertThat(ProgressPrinter.headline("x holds y; planned: z, so w")).isEqualTo("x holds y");
    assertThat(ProgressPrinter.headline("plain")).isEqualTo("plain");
  }

  private List<String> lines() {
    return text.toString().lines().map(l -> l.replaceFirst("^\\[ *\\d+\\.\\ds] ", "")).toList();
  }

  private static HostRead observed(String host, IisVersion version, String os) {
    return new HostRead.Observed(host, new HostObservation(host.toUpperCase(), "ver", os, version, List.of(),
        List.of(), true, List.of(), List.of(), Instant.now()));
  }

  private static HostPlan drifted(String host) {
    List<Step> steps = List.of(new MoveSite("Shop", 7, 2, false));
    return new HostPlan(host, true, steps, List.of(
        new Finding(host, FindingReason.SITE_ID_DRIFT, "site Shop has ID 7, not 2, so sessions are lost; planned: move"),
        new Finding(host, FindingReason.SESSION_STATE_INCONSISTENT, "site Api uses StateServer here, but web02 uses"
            + " InProc, so a session is not found; make them agree"),
        new Finding(host, FindingReason.SESSION_STATE_INCONSISTENT, "site Shop uses StateServer here, but web02 uses"
            + " InProc, so a session is not found; make them agree")),
        SyncState.FALSE, SyncState.TRUE, List.of(), List.of());
  }

  private static HostPlan inSync(String host) {
    return new HostPlan(host, true, List.of(), List.of(), SyncState.TRUE, SyncState.TRUE, List.of(), List.of());
  }
}
