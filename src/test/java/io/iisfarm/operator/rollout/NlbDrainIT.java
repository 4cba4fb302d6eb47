package io.iisfarm.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.api.InFlightStep;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.simulator.wsman.JournalEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Windows NLB around each host's change, on Windows Server 2003 (nlb.exe exits with the WLBS codes) and 2019
 * (exits 0): drainstop, wait until the host stopped, change it while no NLB traffic reaches it, start it again
 * once it verified.
 */
class NlbDrainIT {

  @Test
  void eachHostLeavesNlbBeforeItsChangeAndRejoinsAfterItVerified() {
    try (RolloutWorld w = RolloutWorld.nlbFarm()) {
      Map<String, List<String>> nlbWhileSitesStopped = new java.util.LinkedHashMap<>();
      for (String name : List.of("web06", "web19")) {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        nlbWhileSitesStopped.put(name, seen);
        SimulatedHost host = w.host(name);
        host.windows().addSiteStateListener((h, site, started) -> {
          if (!started) {
            seen.add(host.windows().nlbState().orElseThrow());
          }
        });
      }

      Map<String, HostOutcome> outcomes = w.run(RolloutWorld.settings(RolloutWorld.nlb(), null, null), "web06",
          "web19");

      for (String name : List.of("web06", "web19")) {
        SimulatedHost host = w.host(name);
        assertThat(outcomes.get(name).result().succeeded()).as(name + ": " + outcomes.get(name).result()).isTrue();
        List<String> lines = host.journal().entries().stream().map(JournalEntry::commandLine).toList();
        int drainstop = indexOf(lines, "nlb.exe\" drainstop");
        int start = indexOf(lines, "nlb.exe\" start");
        int firstChange = firstIndexOfChange(host);
        int lastChange = lastIndexOfChange(host);
        assertThat(drainstop).as(name + " drainstop before the change").isBetween(0, firstChange - 1);
        assertThat(start).as(name + " start after the change").isGreaterThan(lastChange);
        // the host polled until NLB said Stopped, so every site stop happened out of the cluster
        assertThat(nlbWhileSitesStopped.get(name)).as(name + " NLB state while its sites were stopped")
            .isNotEmpty().containsOnly("Stopped");
        assertThat(host.windows().nlbState()).contains(name.equals("web06") ? "Converged as DEFAULT" : "Converged");
        assertThat(w.events.of(name)).containsSubsequence("phase Drain", "drained nlb", "phase Change", "applied",
            "phase Verify", "verified", "phase Restore", "restored nlb");
      }
      // the host left NLB on record before the drainstop, and nothing is left on record now
      assertThat(w.ledger.writes).filteredOn(s -> s.host().equals("web06")).extracting(InFlightStep::phase,
          InFlightStep::drained).containsSubsequence(
              org.assertj.core.groups.Tuple.tuple("Drain", null),
              org.assertj.core.groups.Tuple.tuple("Drain", List.of("nlb")),
              org.assertj.core.groups.Tuple.tuple("Change", List.of("nlb")),
              org.assertj.core.groups.Tuple.tuple("Restore", List.of("nlb")),
              org.assertj.core.groups.Tuple.tuple("Restore", null));
      assertThat(w.ledger.current).isEmpty();
    }
  }

  @Test
  void aHostAnAdminTookOutOfNlbStaysOut() {
    try (RolloutWorld w = RolloutWorld.nlbFarm()) {
      SimulatedHost web19 = w.host("web19");
      web19.windows().run("%windir%\\system32\\nlb.exe stop");

      Map<String, HostOutcome> outcomes = w.run(RolloutWorld.settings(RolloutWorld.nlb(), null, null), "web19");

      assertThat(outcomes.get("web19").result().succeeded()).isTrue();
      assertThat(web19.windows().nlbState()).contains("Stopped");
      assertThat(web19.journal().commandLines()).noneMatch(l -> l.contains("drainstop") || l.contains("\" start"));
      assertThat(w.events.of("web19")).anyMatch(l -> l.startsWith("note NLB is stopped on the host already"));
    }
  }

  @Test
  void aHostWithoutNlbIsNotChanged() {
    try (RolloutWorld w = RolloutWorld.of("""
        hosts:
          - name: web20
            os: server2019
            winrm: {transport: https, auth: [basic], username: farmadmin, password: sim-only-not-a-secret-20}
            frameworks: [{runtime: v4.0, bitness: 64}]
            sites:
              - {name: Shop, id: 5, bindings: ["http/*:80:shop.example.com"], physicalPath: 'C:\\inetpub\\Shop'}
        """)) {
      Map<String, HostOutcome> outcomes = w.run(RolloutWorld.settings(RolloutWorld.nlb(), null, null), "web20");

      RolloutResult result = outcomes.get("web20").result();
      assertThat(result.cause()).isEqualTo(RolloutResult.Cause.DRAIN);
      assertThat(result.failure()).contains("install the Network Load Balancing feature");
      assertThat(w.host("web20").journal().changes()).isEmpty();
      assertThat(w.ledger.current).isEmpty();
    }
  }

  static int indexOf(List<String> lines, String fragment) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(fragment)) {
        return i;
      }
    }
    return -1;
  }

  /** The first command that changed IIS or a file (not NLB). */
  static int firstIndexOfChange(SimulatedHost host) {
    List<JournalEntry> entries = host.journal().entries();
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).changedHost() && !entries.get(i).commandLine().contains("nlb.exe")) {
        return i;
      }
    }
    return -1;
  }

  static int lastIndexOfChange(SimulatedHost host) {
    List<JournalEntry> entries = host.journal().entries();
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (entries.get(i).changedHost() && !entries.get(i).commandLine().contains("nlb.exe")) {
        return i;
      }
    }
    return -1;
  }
}
