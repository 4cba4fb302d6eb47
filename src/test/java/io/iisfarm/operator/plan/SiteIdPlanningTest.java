package io.iisfarm.operator.plan;

import static io.iisfarm.operator.plan.Hosts.farm;
import static io.iisfarm.operator.plan.Hosts.iis10;
import static io.iisfarm.operator.plan.Hosts.iis6;
import static io.iisfarm.operator.plan.Hosts.want;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.iisfarm.operator.model.DesiredFarm;
import io.iisfarm.operator.model.DesiredFarm.DesiredSite;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.ObservedSite;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SiteIdPlanningTest {
  private final Planner planner = new Planner();

  private HostPlan plan(DesiredFarm desired, HostObservation obs) {
    return planner.planHost(desired, "web1", obs);
  }

  /**
   * Runs the moves the way IIS would: a move's source must hold the site and its target must be free (IIS6's
   * MOVE fails when the target exists). Returns the final ID per site name (lower case).
   */
  static Map<String, Long> execute(HostObservation obs, List<Step> steps) {
    Map<Long, String> byId = new HashMap<>();
    Map<String, Long> byName = new HashMap<>();
    obs.sites().forEach(s -> {
      byId.put(s.id(), s.name().toLowerCase(Locale.ROOT));
      byName.put(s.name().toLowerCase(Locale.ROOT), s.id());
    });
    for (Step step : steps) {
      if (!(step instanceof MoveSite m)) {
        continue;
      }
      String name = m.site().toLowerCase(Locale.ROOT);
      assertThat(byName.get(name)).as("%s runs on the site's current ID", m.describe()).isEqualTo(m.fromId());
      if (byId.containsKey(m.toId())) {
        fail("%s: target ID is held by %s", m.describe(), byId.get(m.toId()));
      }
      assertThat(m.toId()).isBetween(1L, SitePlanner.MAX_SITE_ID);
      byId.remove(m.fromId());
      byId.put(m.toId(), name);
      byName.put(name, m.toId());
    }
    return byName;
  }

  /** What the host holds after the moves: IIS7+ sites with their new IDs. */
  static HostObservation afterMoves(HostObservation obs, Map<String, Long> ids) {
    Hosts.HostBuilder b = iis10();
    obs.sites().forEach(s -> b.site(s.name(), ids.get(s.name().toLowerCase(Locale.ROOT))));
    return b.build();
  }

  private static List<MoveSite> moves(HostPlan plan) {
    return plan.steps().stream().filter(MoveSite.class::isInstance).map(MoveSite.class::cast).toList();
  }

  @Test
  void siteWithWrongIdIsMovedAndReported() {
    HostObservation obs = iis10().site("Shop", 7).site("Default Web Site", 1).build();
    HostPlan plan = plan(farm(null, want("Shop", 2)), obs);

    assertThat(plan.steps()).containsExactly(new MoveSite("Shop", 7, 2, false));
    assertThat(plan.steps().get(0).stops()).containsExactly("Shop");
    assertThat(plan.stops()).containsExactly("Shop");
    assertThat(plan.findings()).extracting(Finding::reason).containsExactly(FindingReason.SITE_ID_DRIFT);
    assertThat(plan.findings().get(0).message()).contains("Shop", "7", "2");
    assertThat(plan.siteIdsInSync()).isEqualTo(SyncState.FALSE);
    assertThat(plan.sites()).containsExactly(new SiteCheck("Shop", 2, 7L, "Started", null, false));
  }

  @Test
  void swapGoesThroughAFreeTemporaryId() {
    HostObservation obs = iis10().site("Shop", 3).site("Api", 2).site("Default Web Site", 1).build();
    HostPlan plan = plan(farm(null, want("Shop", 2), want("Api", 3)), obs);

    List<MoveSite> moves = moves(plan);
    assertThat(moves).hasSize(3);
    MoveSite first = moves.get(0);
    assertThat(first.temporary()).isTrue();
    assertThat(first.toId()).isNotIn(1L, 2L, 3L);
    assertThat(moves.get(1)).isEqualTo(new MoveSite(moves.get(1).site(), moves.get(1).fromId(), moves.get(1).toId(), false));
    assertThat(moves.get(2).fromId()).isEqualTo(first.toId());
    assertThat(execute(obs, plan.steps())).containsEntry("shop", 2L).containsEntry("api", 3L)
        .containsEntry("default web site", 1L);
    assertThat(plan.stops()).containsExactlyInAnyOrder("Shop", "Api");
  }

  @Test
  void threeCycleUsesOneTemporaryIdAndConverges() {
    HostObservation obs = iis10().site("A", 1).site("B", 2).site("C", 3).build();
    HostPlan plan = plan(farm(null, want("A", 2), want("B", 3), want("C", 1)), obs);

    assertThat(moves(plan)).hasSize(4).filteredOn(MoveSite::temporary).hasSize(1);
    assertThat(execute(obs, plan.steps())).containsEntry("a", 2L).containsEntry("b", 3L).containsEntry("c", 1L);
  }

  @Test
  void chainMovesTheFreeEndFirstWithoutTemporaryId() {
    // A 1->2 needs B out of 2; B 2->3 needs C out of 3; C 3->4 is free
    HostObservation obs = iis10().site("A", 1).site("B", 2).site("C", 3).build();
    HostPlan plan = plan(farm(null, want("A", 2), want("B", 3), want("C", 4)), obs);

    assertThat(moves(plan)).containsExactly(new MoveSite("C", 3, 4, false), new MoveSite("B", 2, 3, false),
        new MoveSite("A", 1, 2, false));
  }

  @Test
  void twoIndependentSwapsEachGetAFreeTemporaryId() {
    HostObservation obs = iis10().site("A", 10).site("B", 20).site("C", 30).site("D", 40).site("Other", 41).build();
    HostPlan plan = plan(farm(null, want("A", 20), want("B", 10), want("C", 40), want("D", 30)), obs);

    List<MoveSite> temps = moves(plan).stream().filter(MoveSite::temporary).toList();
    assertThat(temps).hasSize(2);
    assertThat(temps).extracting(MoveSite::toId).doesNotContain(10L, 20L, 30L, 40L, 41L);
    assertThat(execute(obs, plan.steps())).containsEntry("a", 20L).containsEntry("b", 10L)
        .containsEntry("c", 40L).containsEntry("d", 30L).containsEntry("other", 41L);
  }

  @Test
  void temporaryIdIsAboveEveryHeldAndDesiredId() {
    HostObservation obs = iis10().site("Shop", 3).site("Api", 2).site("Unmanaged", 900).build();
    DesiredFarm desired = farm(null, want("Shop", 2), want("Api", 3), want("Missing", 5000));
    MoveSite temp = moves(plan(desired, obs)).get(0);
    assertThat(temp.temporary()).isTrue();
    assertThat(temp.toId()).isEqualTo(5001);
  }

  @Test
  void temporaryIdNearTheTopOfTheRangeSearchesDownward() {
    long max = SitePlanner.MAX_SITE_ID;
    HostObservation obs = iis10().site("Shop", max).site("Api", max - 1).site("Other", max - 2).build();
    HostPlan plan = plan(farm(null, want("Shop", max - 1), want("Api", max), want("Gone", max - 3)), obs);

    MoveSite temp = moves(plan).get(0);
    assertThat(temp.temporary()).isTrue();
    assertThat(temp.toId()).isEqualTo(max - 4);
    assertThat(execute(obs, plan.steps())).containsEntry("shop", max - 1).containsEntry("api", max);
  }

  @Test
  void temporaryIdSelectionSkipsExcludedIdsBelowTheTop() {
    long max = SitePlanner.MAX_SITE_ID;
    assertThat(SitePlanner.temporaryId(Set.of(max, max - 1, max - 2, 7L))).isEqualTo(max - 3);
    assertThat(SitePlanner.temporaryId(Set.of(1L, 2L))).isEqualTo(3);
    assertThat(SitePlanner.temporaryId(Set.of())).isEqualTo(1);
    assertThat(SitePlanner.temporaryId(Set.of(max - 1))).isEqualTo(max);
  }

  @Test
  void targetHeldBySiteOutsideTheSpecIsAConflictAndNothingIsPlanned() {
    HostObservation obs = iis10().site("Shop", 3).site("Legacy", 2).site("Api", 9).build();
    HostPlan plan = plan(farm(Hosts.everywhere(Hosts.farmKey()), want("Shop", 2), want("Api", 4)), obs);

    assertThat(plan.steps()).isEmpty();
    assertThat(plan.hasConflict()).isTrue();
    assertThat(plan.findings(FindingReason.SITE_ID_CONFLICT)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("Shop", "Legacy", "2"));
    assertThat(plan.siteIdsInSync()).isEqualTo(SyncState.FALSE);
  }

  @Test
  void cycleThroughASiteOutsideTheSpecIsAConflict() {
    // Shop wants Legacy's ID; the swap would need Legacy to move, but the spec does not name it
    HostObservation obs = iis10().site("Shop", 3).site("Legacy", 2).build();
    HostPlan plan = plan(farm(null, want("Shop", 2)), obs);
    assertThat(plan.steps()).isEmpty();
    assertThat(plan.has(FindingReason.SITE_ID_CONFLICT)).isTrue();
  }

  @Test
  void missingSiteIsReportedNeverCreatedAndOthersStillMove() {
    HostObservation obs = iis10().site("Shop", 3).build();
    HostPlan plan = plan(farm(null, want("Shop", 2), want("Api", 4)), obs);

    assertThat(plan.steps()).containsExactly(new MoveSite("Shop", 3, 2, false));
    assertThat(plan.findings(FindingReason.SITE_MISSING)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("Api", "never creates"));
    assertThat(plan.sites()).contains(new SiteCheck("Api", 4, null, SiteCheck.MISSING, null, false));
    assertThat(plan.siteIdsInSync()).isEqualTo(SyncState.FALSE);
  }

  @Test
  void aSpecSiteWhoseNameTheConsoleCodePageCannotCarryIsLeftAloneWithAFindingOfItsOwn() {
    // read through code page 437, a Cyrillic "Кафе" comes back as "????": it must not be matched or reported missing
    HostObservation obs = iis10().site("????", 4).site("Café", 3).build();
    HostPlan plan = plan(farm(null, want("Кафе", 2), want("Café", 5)), obs);

    assertThat(plan.steps()).containsExactly(new MoveSite("Café", 3, 5, false));
    assertThat(plan.findings(FindingReason.SITE_NAME_NOT_REPRESENTABLE)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("Кафе", "code page 437"));
    assertThat(plan.findings(FindingReason.SITE_MISSING)).isEmpty();
    assertThat(plan.sites()).contains(new SiteCheck("Кафе", 2, null, SiteCheck.UNKNOWN, null, false));
    assertThat(plan.siteIdsInSync()).isEqualTo(SyncState.FALSE);
  }

  @Test
  void aSiteWebConfigThatCouldNotBeReadIsReported() {
    HostObservation obs = iis10().site("Shop", 2)
        .siteConfig(io.iisfarm.operator.model.SiteWebConfig.unreadable("Shop", "\\\\files01\\shop\\web.config",
            "its folder cannot be seen from the WinRM session"))
        .build();
    HostPlan plan = plan(farm(null, want("Shop", 2)), obs);
    assertThat(plan.findings(FindingReason.SITE_CONFIG_UNREADABLE)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("Shop", "files01", "unknown"));
    assertThat(plan.siteIdsInSync()).isEqualTo(SyncState.TRUE);
  }

  @Test
  void missingSiteAloneKeepsTheHostOutOfSyncWithoutSteps() {
    HostPlan plan = plan(farm(null, want("Shop", 2)), iis10().site("Default Web Site", 1).build());
    assertThat(plan.steps()).isEmpty();
    assertThat(plan.siteIdsInSync()).isEqualTo(SyncState.FALSE);
    assertThat(plan.inSync()).isFalse();
  }

  @Test
  void twoIis6SitesWithTheSameServerCommentAreAmbiguous() {
    HostObservation obs = iis6().site6("Shop", 5, "/LM/W3SVC/5/ROOT").site6("shop", 6, "/LM/W3SVC/6/ROOT")
        .site6("Api", 9, "/LM/W3SVC/9/ROOT").build();
    HostPlan plan = plan(farm(null, want("Shop", 2), want("Api", 3)), obs);

    assertThat(plan.steps()).isEmpty();
    assertThat(plan.findings(FindingReason.AMBIGUOUS_SITE_NAME)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("Shop", "5", "6"));
    assertThat(plan.hasConflict()).isTrue();
  }

  @Test
  void namesMatchCaseInsensitivelyAndMovesUseTheHostsSpelling() {
    HostObservation obs = iis10().site("SHOP", 3).build();
    HostPlan plan = plan(farm(null, want("shop", 2)), obs);
    assertThat(plan.steps()).containsExactly(new MoveSite("SHOP", 3, 2, false));
  }

  @Test
  void convergedHostHasNoStepsAndNoFindings() {
    HostObservation obs = iis10().site("Shop", 2).site("Api", 3).site("Default Web Site", 1).build();
    HostPlan plan = plan(farm(null, want("Shop", 2), want("Api", 3)), obs);
    assertThat(plan.steps()).isEmpty();
    assertThat(plan.findings()).isEmpty();
    assertThat(plan.siteIdsInSync()).isEqualTo(SyncState.TRUE);
    assertThat(plan.inSync()).isTrue();
  }

  @Test
  @Timeout(60)
  void randomPermutationsAlwaysConvergeWithoutTouchingAHeldId() {
    Random random = new Random(20240501);
    for (int round = 0; round < 300; round++) {
      int n = 1 + random.nextInt(8);
      List<Long> ids = new ArrayList<>();
      Set<Long> used = new HashSet<>();
      while (ids.size() < n * 2) {
        long id = 1 + random.nextInt(n * 3);
        if (used.add(id)) {
          ids.add(id);
        }
      }
      List<Long> current = ids.subList(0, n);
      List<Long> targets = new ArrayList<>(current);
      Collections.shuffle(targets, random);
      // some sites move to IDs nobody holds (chains), the rest permute (cycles)
      for (int i = 0; i < n; i++) {
        if (random.nextInt(3) == 0) {
          targets.set(i, ids.get(n + i));
        }
      }
      if (new HashSet<>(targets).size() != n) {
        continue;
      }
      Hosts.HostBuilder b = iis10();
      List<DesiredSite> desired = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        b.site("site" + i, current.get(i));
        desired.add(want("Site" + i, targets.get(i)));
      }
      HostObservation obs = b.build();
      DesiredFarm farm = new DesiredFarm(desired, null, null);
      HostPlan plan = plan(farm, obs);

      assertThat(plan.has(FindingReason.SITE_ID_CONFLICT)).isFalse();
      Map<String, Long> result = execute(obs, plan.steps());
      for (int i = 0; i < n; i++) {
        assertThat(result).containsEntry("site" + i, targets.get(i));
      }
      HostPlan again = plan(farm, afterMoves(obs, result));
      assertThat(again.steps()).as("re-plan after the moves").isEmpty();
      assertThat(again.inSync()).isTrue();
    }
  }

  @Test
  void movesUseTheObservedSiteObjectsOnly() {
    // a site outside the spec that holds no target is left alone
    HostObservation obs = iis10().site("Shop", 3).site("Intranet", 7).build();
    HostPlan plan = plan(farm(null, want("Shop", 4)), obs);
    assertThat(plan.steps()).containsExactly(new MoveSite("Shop", 3, 4, false));
    assertThat(obs.sites()).extracting(ObservedSite::name).contains("Intranet");
  }
}
