package io.iisfarm.operator.plan;

import static io.iisfarm.operator.api.ClrRuntime.V2_0;
import static io.iisfarm.operator.api.ClrRuntime.V4_0;
import static io.iisfarm.operator.plan.Hosts.everywhere;
import static io.iisfarm.operator.plan.Hosts.farmKey;
import static io.iisfarm.operator.plan.Hosts.iis10;
import static io.iisfarm.operator.plan.Hosts.iis6;
import static io.iisfarm.operator.plan.Hosts.machineConfig;
import static io.iisfarm.operator.plan.Hosts.oldKey;
import static io.iisfarm.operator.plan.Hosts.want;
import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.model.DesiredFarm;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.SessionStateSetting;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Farm-level planning: several hosts, unreachable ones, session state across hosts, idempotence. */
class FarmPlanningTest {
  private static final SessionStateSetting STATE01 = new SessionStateSetting("StateServer", "tcpip=state01:42424", null);
  private static final SessionStateSetting STATE02 = new SessionStateSetting("StateServer", "tcpip=state02:42424", null);
  private static final SessionStateSetting INPROC = new SessionStateSetting("InProc", null, null);

  private final Planner planner = new Planner();

  private static DesiredFarm desired(SessionStateSetting expected) {
    return new DesiredFarm(List.of(want("Shop", 2), want("Api", 3)), everywhere(farmKey()), expected);
  }

  private static HostObservation converged10(SessionStateSetting machineSession) {
    return iis10().site("Shop", 2).site("Api", 3).runtime(V4_0, 64, farmKey())
        .file(Hosts.rootWebConfig(V4_0, 64), null, machineSession).build();
  }

  @Test
  void unreachableHostIsNotInSyncAndHasNothingPlanned() {
    FarmPlan plan = planner.plan(desired(null), List.of("web1", "web2"), Map.of("web1", converged10(null)));

    HostPlan web2 = plan.host("web2").orElseThrow();
    assertThat(web2.reachable()).isFalse();
    assertThat(web2.steps()).isEmpty();
    assertThat(web2.siteIdsInSync()).isEqualTo(SyncState.UNKNOWN);
    assertThat(web2.machineKeysInSync()).isEqualTo(SyncState.UNKNOWN);
    assertThat(web2.inSync()).isFalse();
    assertThat(plan.host("web1").orElseThrow().inSync()).isTrue();
    assertThat(plan.hostsInSync()).isEqualTo(1);
    assertThat(plan.hosts()).extracting(HostPlan::host).containsExactly("web1", "web2");
  }

  @Test
  void mixedFarmPlansEachHostOnItsOwn() {
    HostObservation web6 = iis6().site6("Shop", 1833779024, "/LM/W3SVC/1833779024/Root")
        .site6("Api", 3, "/LM/W3SVC/3/ROOT").runtime(V2_0, 32, oldKey()).build();
    HostObservation web10 = iis10().site("Shop", 3).site("Api", 2).runtime(V2_0, 64, farmKey())
        .runtime(V4_0, 64, oldKey()).build();
    FarmPlan plan = planner.plan(desired(null), List.of("web6", "web10"), Map.of("web6", web6, "web10", web10));

    assertThat(plan.host("web6").orElseThrow().steps()).extracting(Step::action)
        .containsExactly("MoveSite", "AlignAppRoots", "WriteMachineKey");
    assertThat(plan.host("web10").orElseThrow().steps()).extracting(Step::action)
        .containsExactly("MoveSite", "MoveSite", "MoveSite", "WriteMachineKey");
    assertThat(plan.host("web10").orElseThrow().stops()).containsExactlyInAnyOrder("Shop", "Api");
    assertThat(plan.hostsInSync()).isZero();
    assertThat(plan.invalidSpec()).isFalse();
  }

  @Test
  void replanningTheConvergedObservationYieldsNoSteps() {
    HostObservation before = iis10().site("Shop", 3).site("Api", 2).runtime(V4_0, 64, oldKey()).build();
    HostPlan first = planner.planHost(desired(null), "web1", before);
    assertThat(first.steps()).hasSize(4);

    HostObservation after = iis10().site("Shop", 2).site("Api", 3).runtime(V4_0, 64, farmKey()).build();
    HostPlan second = planner.planHost(desired(null), "web1", after);
    assertThat(second.steps()).isEmpty();
    assertThat(second.findings()).isEmpty();
    assertThat(second.inSync()).isTrue();
    // deterministic: the same inputs give an equal plan
    assertThat(planner.planHost(desired(null), "web1", before)).isEqualTo(first);
  }

  @Test
  void convergedFarmHasAnEmptyPlan() {
    FarmPlan plan = planner.plan(desired(STATE01), List.of("a", "b"),
        Map.of("a", converged10(STATE01), "b", converged10(STATE01)));
    assertThat(plan.hasSteps()).isFalse();
    assertThat(plan.findings()).isEmpty();
    assertThat(plan.hostsInSync()).isEqualTo(2);
  }

  @Test
  void sessionStateDifferingFromTheExpectationIsReportedWithoutCountingAgainstSync() {
    FarmPlan plan = planner.plan(desired(STATE01), List.of("a"), Map.of("a", converged10(INPROC)));

    HostPlan a = plan.host("a").orElseThrow();
    assertThat(a.findings(FindingReason.SESSION_STATE_MISMATCH)).hasSize(2)
        .allSatisfy(f -> assertThat(f.message()).contains("InProc", "StateServer tcpip=state01:42424"));
    assertThat(a.steps()).isEmpty();
    assertThat(a.inSync()).isTrue();
  }

  @Test
  void hostDifferingFromTheOthersIsReported() {
    Map<String, HostObservation> observed = new HashMap<>();
    observed.put("a", converged10(STATE01));
    observed.put("b", converged10(STATE01));
    observed.put("c", converged10(STATE02));
    FarmPlan plan = planner.plan(desired(null), List.of("a", "b", "c"), observed);

    assertThat(plan.host("a").orElseThrow().findings()).isEmpty();
    assertThat(plan.host("b").orElseThrow().findings()).isEmpty();
    assertThat(plan.host("c").orElseThrow().findings(FindingReason.SESSION_STATE_INCONSISTENT)).hasSize(2)
        .allSatisfy(f -> assertThat(f.message()).contains("state02", "a uses StateServer tcpip=state01:42424"));
    assertThat(plan.hostsInSync()).isEqualTo(3);
  }

  @Test
  void siteLevelSessionStateOverridesMachineLevelWhenComparing() {
    HostObservation a = iis10().site("Shop", 2).site("Api", 3).runtime(V4_0, 64, farmKey())
        .file(Hosts.rootWebConfig(V4_0, 64), null, INPROC).siteConfig("Shop", null, STATE01)
        .siteConfig("api", null, STATE01).build();
    HostObservation b = converged10(STATE01);
    FarmPlan plan = planner.plan(desired(STATE01), List.of("a", "b"), Map.of("a", a, "b", b));
    assertThat(plan.findings()).isEmpty();
  }

  @Test
  void tieBetweenHostsReportsBoth() {
    FarmPlan plan = planner.plan(desired(null), List.of("a", "b"),
        Map.of("a", converged10(STATE01), "b", converged10(INPROC)));
    assertThat(plan.host("a").orElseThrow().has(FindingReason.SESSION_STATE_INCONSISTENT)).isTrue();
    assertThat(plan.host("b").orElseThrow().has(FindingReason.SESSION_STATE_INCONSISTENT)).isTrue();
  }

  @Test
  void sqlServerSessionStateShowsTheDataSourceOnly() {
    SessionStateSetting sql = new SessionStateSetting("SQLServer", null, "sql01");
    SessionStateSetting otherSql = new SessionStateSetting("SQLServer", null, "sql02");
    FarmPlan plan = planner.plan(new DesiredFarm(List.of(want("Shop", 2)), null, sql), List.of("a", "b"),
        Map.of("a", iis10().site("Shop", 2).runtime(V4_0, 64, null).file(Hosts.rootWebConfig(V4_0, 64), null, sql).build(),
            "b", iis10().site("Shop", 2).runtime(V4_0, 64, null).file(Hosts.rootWebConfig(V4_0, 64), null, otherSql).build()));
    assertThat(plan.host("b").orElseThrow().findings(FindingReason.SESSION_STATE_MISMATCH)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("data source sql02", "data source sql01"));
    assertThat(plan.host("a").orElseThrow().has(FindingReason.SESSION_STATE_MISMATCH)).isFalse();
  }

  @Test
  void hostsWhoseConfigsWereNotReadAreLeftOutOfSessionComparisons() {
    HostObservation http = iis10().site("Shop", 2).site("Api", 3).configsNotRead().build();
    FarmPlan plan = planner.plan(desired(STATE01), List.of("a", "b"), Map.of("a", converged10(STATE01), "b", http));
    assertThat(plan.findings()).extracting(Finding::reason).containsExactly(FindingReason.INSECURE_TRANSPORT);
  }

  @Test
  void duplicateDesiredIdsAreInvalidSpecAndPlanNothing() {
    DesiredFarm dup = new DesiredFarm(List.of(want("Shop", 2), want("Api", 2)), null, null);
    FarmPlan plan = planner.plan(dup, List.of("a"), Map.of("a", iis10().site("Shop", 5).site("Api", 6).build()));
    assertThat(plan.invalidSpec()).isTrue();
    assertThat(plan.hasSteps()).isFalse();
    assertThat(plan.host("a").orElseThrow().inSync()).isFalse();
  }

  @Test
  void conflictOnOneHostDoesNotBlockTheOthers() {
    HostObservation conflicted = iis10().site("Shop", 3).site("Legacy", 2).site("Api", 3 + 10).runtime(V4_0, 64, oldKey()).build();
    HostObservation fine = iis10().site("Shop", 3).site("Api", 9).runtime(V4_0, 64, oldKey()).build();
    FarmPlan plan = planner.plan(desired(null), List.of("x", "y"), Map.of("x", conflicted, "y", fine));
    assertThat(plan.host("x").orElseThrow().steps()).isEmpty();
    assertThat(plan.host("y").orElseThrow().steps()).extracting(Step::action)
        .containsExactly("MoveSite", "MoveSite", "WriteMachineKey");
    assertThat(plan.host("y").orElseThrow().steps().get(2))
        .isInstanceOfSatisfying(WriteMachineKey.class, w -> assertThat(w.location()).isEqualTo(machineConfig(V4_0, 64)));
  }
}
