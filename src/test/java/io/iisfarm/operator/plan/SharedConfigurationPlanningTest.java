package io.iisfarm.operator.plan;

import static io.iisfarm.operator.api.ClrRuntime.V4_0;
import static io.iisfarm.operator.plan.Hosts.everywhere;
import static io.iisfarm.operator.plan.Hosts.farm;
import static io.iisfarm.operator.plan.Hosts.farmKey;
import static io.iisfarm.operator.plan.Hosts.iis10;
import static io.iisfarm.operator.plan.Hosts.oldKey;
import static io.iisfarm.operator.plan.Hosts.want;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A host whose IIS reads a shared configuration store: its site IDs are every sharing host's. */
class SharedConfigurationPlanningTest {
  private final Planner planner = new Planner();

  @Test
  void siteIdsAreNotChangedOnASharedStoreButKeysAreStillWritten() {
    HostPlan plan = planner.planHost(farm(everywhere(farmKey()), want("Shop", 2), want("Api", 3)), "web1",
        iis10().site("Shop", 3).site("Api", 2).runtime(V4_0, 64, oldKey())
            .sharedConfiguration("\\\\files01\\iisconfig").build());

    assertThat(plan.steps()).as("no move; machine.config is the host's own")
        .allMatch(WriteMachineKey.class::isInstance).hasSize(1);
    assertThat(plan.siteIdsInSync()).isEqualTo(SyncState.FALSE);
    assertThat(plan.findings(FindingReason.SHARED_CONFIGURATION)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("\\\\files01\\iisconfig", "every host that shares the store",
            "change the ID once yourself"));
    assertThat(plan.findings(FindingReason.SITE_ID_DRIFT)).hasSize(2)
        .allSatisfy(f -> assertThat(f.message()).contains("not changed from this host").doesNotContain("planned"));
  }

  @Test
  void aSharedStoreWithRightIdsNeedsNothing() {
    HostPlan plan = planner.planHost(farm(null, want("Shop", 2)), "web1",
        iis10().site("Shop", 2).sharedConfiguration("\\\\files01\\iisconfig").build());
    assertThat(plan.findings()).isEmpty();
    assertThat(plan.siteIdsInSync()).isEqualTo(SyncState.TRUE);
  }
}
