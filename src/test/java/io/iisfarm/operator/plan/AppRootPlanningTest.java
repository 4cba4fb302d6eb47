package io.iisfarm.operator.plan;

import static io.iisfarm.operator.plan.Hosts.farm;
import static io.iisfarm.operator.plan.Hosts.iis10;
import static io.iisfarm.operator.plan.Hosts.iis6;
import static io.iisfarm.operator.plan.Hosts.want;
import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.ObservedApplication;
import io.iisfarm.operator.plan.AlignAppRoots.AppRootChange;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppRootPlanningTest {
  private final Planner planner = new Planner();

  private HostPlan plan(HostObservation obs, long wantedId) {
    return planner.planHost(farm(null, want("Shop", wantedId)), "web6", obs);
  }

  @Test
  void mixedCaseRootIsAFindingAndAnAlignStep() {
    HostPlan plan = plan(iis6().site6("Shop", 2, "/LM/W3SVC/2/Root").build(), 2);

    assertThat(plan.steps()).containsExactly(new AlignAppRoots("Shop", 2,
        List.of(new AppRootChange("W3SVC/2/ROOT", "/LM/W3SVC/2/Root", "/LM/W3SVC/2/ROOT"))));
    assertThat(plan.findings(FindingReason.APP_ROOT_CASE)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("/LM/W3SVC/2/Root", "/LM/W3SVC/2/ROOT"));
    assertThat(plan.siteIdsInSync()).isEqualTo(SyncState.FALSE);
    assertThat(plan.sites().get(0)).isEqualTo(new SiteCheck("Shop", 2, 2L, "Started", "/LM/W3SVC/2/Root", false));
    assertThat(plan.stops()).isEmpty();
  }

  @Test
  void childApplicationsAreAlignedTooKeepingTheirPath() {
    HostObservation obs = iis6().site6("Shop", 2, "/LM/W3SVC/2/ROOT",
        new ObservedApplication("W3SVC/2/ROOT/cart", "/LM/W3SVC/2/Root/cart"),
        new ObservedApplication("W3SVC/2/ROOT/admin", "/LM/W3SVC/2/ROOT/admin/")).build();
    HostPlan plan = plan(obs, 2);

    assertThat(plan.steps()).singleElement().isInstanceOfSatisfying(AlignAppRoots.class, a -> {
      assertThat(a.changes()).containsExactly(
          new AppRootChange("W3SVC/2/ROOT/cart", "/LM/W3SVC/2/Root/cart", "/LM/W3SVC/2/ROOT/cart"));
      assertThat(a.describe()).contains("W3SVC/2/ROOT/cart", "/LM/W3SVC/2/ROOT/cart");
    });
    assertThat(plan.has(FindingReason.APP_ROOT_CASE)).isTrue();
  }

  @Test
  void staleAppRootNamingAnotherIdIsAligned() {
    HostPlan plan = plan(iis6().site6("Shop", 2, "/LM/W3SVC/999/ROOT").build(), 2);

    assertThat(plan.steps()).containsExactly(new AlignAppRoots("Shop", 2,
        List.of(new AppRootChange("W3SVC/2/ROOT", "/LM/W3SVC/999/ROOT", "/LM/W3SVC/2/ROOT"))));
    assertThat(plan.findings()).extracting(Finding::reason).containsExactly(FindingReason.APP_ROOT_STALE);
  }

  @Test
  void movedIis6SiteGetsItsAppRootsAlignedAfterTheMove() {
    HostObservation obs = iis6().site6("Shop", 1833779024, "/LM/W3SVC/1833779024/Root",
        new ObservedApplication("W3SVC/1833779024/Root/cart", "/LM/W3SVC/1833779024/Root/cart")).build();
    HostPlan plan = plan(obs, 2);

    assertThat(plan.steps()).containsExactly(new MoveSite("Shop", 1833779024, 2, false),
        new AlignAppRoots("Shop", 2, List.of(
            new AppRootChange("W3SVC/2/ROOT", "/LM/W3SVC/1833779024/Root", "/LM/W3SVC/2/ROOT"),
            new AppRootChange("W3SVC/2/ROOT/cart", "/LM/W3SVC/1833779024/Root/cart", "/LM/W3SVC/2/ROOT/cart"))));
    // naming its current ID is not stale yet; the case is wrong though
    assertThat(plan.findings()).extracting(Finding::reason)
        .containsExactlyInAnyOrder(FindingReason.SITE_ID_DRIFT, FindingReason.APP_ROOT_CASE);
    assertThat(plan.stops()).containsExactly("Shop");
  }

  @Test
  void alignedIis6SiteIsInSyncWithNoSteps() {
    HostObservation obs = iis6().site6("Shop", 2, "/LM/W3SVC/2/ROOT",
        new ObservedApplication("W3SVC/2/ROOT/cart", "/LM/W3SVC/2/ROOT/cart")).build();
    HostPlan plan = plan(obs, 2);
    assertThat(plan.steps()).isEmpty();
    assertThat(plan.findings()).isEmpty();
    assertThat(plan.siteIdsInSync()).isEqualTo(SyncState.TRUE);
  }

  @Test
  void iis7SitesHaveNoAppRootChecks() {
    HostPlan plan = plan(iis10().site("Shop", 2).build(), 2);
    assertThat(plan.steps()).isEmpty();
    assertThat(plan.sites().get(0).appRoot()).isNull();
    assertThat(plan.siteIdsInSync()).isEqualTo(SyncState.TRUE);
  }

  @Test
  void appRootOfSiteWithConflictIsReportedButNotPlanned() {
    HostObservation obs = iis6().site6("Shop", 3, "/LM/W3SVC/3/Root").site6("Legacy", 2, "/LM/W3SVC/2/ROOT").build();
    HostPlan plan = plan(obs, 2);
    assertThat(plan.steps()).isEmpty();
    assertThat(plan.findings()).extracting(Finding::reason)
        .contains(FindingReason.SITE_ID_CONFLICT, FindingReason.APP_ROOT_CASE);
  }

  @Test
  void lowerCaseMetabasePrefixIsACaseProblemToo() {
    HostPlan plan = plan(iis6().site6("Shop", 2, "/lm/w3svc/2/ROOT").build(), 2);
    assertThat(plan.has(FindingReason.APP_ROOT_CASE)).isTrue();
    assertThat(plan.steps()).hasSize(1);
  }

  @Test
  void convergedAfterAlignmentPlansNothing() {
    HostObservation before = iis6().site6("Shop", 7, "/LM/W3SVC/7/Root").build();
    assertThat(plan(before, 2).steps()).hasSize(2);
    HostObservation after = iis6().site6("Shop", 2, "/LM/W3SVC/2/ROOT").build();
    assertThat(plan(after, 2).steps()).isEmpty();
    assertThat(plan(after, 2).inSync()).isTrue();
  }
}
