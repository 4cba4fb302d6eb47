package io.iisfarm.operator.plan;

import static io.iisfarm.operator.api.ClrRuntime.V2_0;
import static io.iisfarm.operator.api.ClrRuntime.V4_0;
import static io.iisfarm.operator.plan.Hosts.autoGenerate;
import static io.iisfarm.operator.plan.Hosts.bits;
import static io.iisfarm.operator.plan.Hosts.everywhere;
import static io.iisfarm.operator.plan.Hosts.farm;
import static io.iisfarm.operator.plan.Hosts.farmKey;
import static io.iisfarm.operator.plan.Hosts.iis10;
import static io.iisfarm.operator.plan.Hosts.iis6;
import static io.iisfarm.operator.plan.Hosts.machineConfig;
import static io.iisfarm.operator.plan.Hosts.oldKey;
import static io.iisfarm.operator.plan.Hosts.rootWebConfig;
import static io.iisfarm.operator.plan.Hosts.want;
import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.model.DesiredFarm;
import io.iisfarm.operator.model.DesiredFarm.DesiredMachineKey;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.MachineKeySetting;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MachineKeyPlanningTest {
  private final Planner planner = new Planner();

  private HostPlan plan(DesiredMachineKey key, HostObservation obs) {
    return planner.planHost(farm(key, want("Shop", 2)), "web1", obs);
  }

  private static List<WriteMachineKey> writes(HostPlan plan) {
    return plan.steps().stream().filter(WriteMachineKey.class::isInstance).map(WriteMachineKey.class::cast).toList();
  }

  private static Hosts.HostBuilder fourRuntimes(MachineKeySetting key) {
    return iis10().site("Shop", 2).runtime(V2_0, 32, key).runtime(V2_0, 64, key).runtime(V4_0, 32, key)
        .runtime(V4_0, 64, key);
  }

  @Test
  void keyGoesIntoEveryInstalledMachineConfigWhenRuntimesAreOmitted() {
    HostPlan plan = plan(everywhere(farmKey()), fourRuntimes(oldKey()).build());

    assertThat(writes(plan)).extracting(WriteMachineKey::location).containsExactly(machineConfig(V2_0, 32),
        machineConfig(V2_0, 64), machineConfig(V4_0, 32), machineConfig(V4_0, 64));
    assertThat(writes(plan)).allSatisfy(w -> {
      assertThat(w.machineKey()).isEqualTo(farmKey());
      assertThat(w.currentFingerprint()).isEqualTo(oldKey().fingerprint());
      assertThat(w.path()).endsWith("\\CONFIG\\machine.config");
      assertThat(w.stops()).isEmpty();
    });
    assertThat(plan.findings(FindingReason.MACHINE_KEY_DRIFT)).hasSize(4);
    assertThat(plan.machineKeysInSync()).isEqualTo(SyncState.FALSE);
    assertThat(plan.keyFiles()).hasSize(4).allSatisfy(f -> {
      assertThat(f.managed()).isTrue();
      assertThat(f.inSync()).isFalse();
      assertThat(f.fingerprint()).isEqualTo(oldKey().fingerprint());
    });
  }

  @Test
  void runtimeAndBitnessFiltersLimitTheFiles() {
    DesiredMachineKey key = new DesiredMachineKey(farmKey(), Set.of(V4_0), bits(64));
    HostPlan plan = plan(key, fourRuntimes(oldKey()).build());

    assertThat(writes(plan)).extracting(WriteMachineKey::location).containsExactly(machineConfig(V4_0, 64));
    assertThat(plan.keyFiles()).filteredOn(KeyFileCheck::managed).singleElement()
        .satisfies(f -> assertThat(f.location()).isEqualTo(machineConfig(V4_0, 64)));
    assertThat(plan.keyFiles()).filteredOn(f -> !f.managed()).allSatisfy(f -> assertThat(f.inSync()).isNull());
  }

  @Test
  void unmanagedFilesDoNotCountAgainstSync() {
    DesiredMachineKey key = new DesiredMachineKey(farmKey(), Set.of(V4_0), null);
    HostObservation obs = iis10().site("Shop", 2).runtime(V2_0, 64, oldKey()).runtime(V4_0, 64, farmKey()).build();
    HostPlan plan = plan(key, obs);
    assertThat(plan.steps()).isEmpty();
    assertThat(plan.machineKeysInSync()).isEqualTo(SyncState.TRUE);
    assertThat(plan.inSync()).isTrue();
  }

  @Test
  void rootWebConfigHoldingAMachineKeyIsAlignedTooAndReported() {
    HostObservation obs = iis10().site("Shop", 2).runtime(V4_0, 64, farmKey())
        .file(rootWebConfig(V4_0, 64), autoGenerate(), null)
        .file(rootWebConfig(V4_0, 32), null, null).installOnly(V4_0, 32)
        .file(machineConfig(V4_0, 32), farmKey(), null).build();
    HostPlan plan = plan(everywhere(farmKey()), obs);

    assertThat(writes(plan)).extracting(WriteMachineKey::location).containsExactly(rootWebConfig(V4_0, 64));
    assertThat(plan.findings()).extracting(Finding::reason).containsExactly(FindingReason.ROOT_WEB_CONFIG_MACHINE_KEY);
    assertThat(plan.findings().get(0).message()).contains("v4.0/64 web.config", "AutoGenerate", "overrides");
    assertThat(plan.keyFiles()).filteredOn(f -> f.location().equals(rootWebConfig(V4_0, 32))).singleElement()
        .satisfies(f -> {
          assertThat(f.managed()).isFalse();
          assertThat(f.fingerprint()).isEqualTo(KeyFileCheck.ABSENT);
        });
  }

  @Test
  void rootWebConfigOfAnUnmanagedRuntimeIsLeftAlone() {
    DesiredMachineKey key = new DesiredMachineKey(farmKey(), Set.of(V4_0), null);
    HostObservation obs = iis10().site("Shop", 2).runtime(V4_0, 64, farmKey()).runtime(V2_0, 64, null)
        .file(rootWebConfig(V2_0, 64), oldKey(), null).build();
    assertThat(plan(key, obs).steps()).isEmpty();
  }

  @Test
  void siteWebConfigMachineKeyIsAnOverrideNeverEdited() {
    HostObservation obs = iis10().site("Shop", 2).runtime(V4_0, 64, farmKey())
        .siteConfig("Shop", oldKey(), null).siteConfig("Api", farmKey(), null).build();
    HostPlan plan = plan(everywhere(farmKey()), obs);

    assertThat(plan.steps()).isEmpty();
    assertThat(plan.findings(FindingReason.MACHINE_KEY_OVERRIDE)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("Shop", oldKey().fingerprint(), "never edits"));
    // an override is reported but does not count against "in sync"
    assertThat(plan.machineKeysInSync()).isEqualTo(SyncState.TRUE);
    assertThat(plan.inSync()).isTrue();
  }

  @Test
  void absentMachineKeyElementIsWritten() {
    HostPlan plan = plan(everywhere(farmKey()), iis10().site("Shop", 2).runtime(V4_0, 64, null).build());
    assertThat(writes(plan)).singleElement()
        .satisfies(w -> assertThat(w.currentFingerprint()).isEqualTo(KeyFileCheck.ABSENT));
    assertThat(plan.findings().get(0).message()).contains("no machineKey");
  }

  @Test
  void requestedRuntimeOrBitnessAbsentIsReported() {
    DesiredMachineKey key = new DesiredMachineKey(farmKey(), Set.of(V2_0, V4_0), bits(32, 64));
    HostObservation obs = iis6().site6("Shop", 2, "/LM/W3SVC/2/ROOT").runtime(V2_0, 32, farmKey()).build();
    HostPlan plan = plan(key, obs);

    assertThat(plan.findings(FindingReason.RUNTIME_ABSENT)).extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains("v4.0"))
        .anySatisfy(m -> assertThat(m).contains("64-bit"));
    assertThat(plan.steps()).isEmpty();
    assertThat(plan.machineKeysInSync()).isEqualTo(SyncState.TRUE);
  }

  @Test
  void installedRuntimeWithoutMachineConfigIsReportedAndNotInSync() {
    HostPlan plan = plan(everywhere(farmKey()), iis10().site("Shop", 2).installOnly(V4_0, 64).build());
    assertThat(plan.has(FindingReason.MACHINE_CONFIG_MISSING)).isTrue();
    assertThat(plan.steps()).isEmpty();
    assertThat(plan.machineKeysInSync()).isEqualTo(SyncState.FALSE);
  }

  @Test
  void hmacValidationOnAHostWithV2IsInvalidSpecAndNothingIsPlannedAnywhere() {
    MachineKeySetting hmac = Hosts.key(Hosts.FARM_VALIDATION_KEY, Hosts.FARM_DECRYPTION_KEY, "HMACSHA256", "AES", null);
    DesiredFarm desired = farm(everywhere(hmac), want("Shop", 2));
    HostObservation iis6 = iis6().site6("Shop", 5, "/LM/W3SVC/5/ROOT").runtime(V2_0, 32, oldKey()).build();
    HostObservation iis10 = iis10().site("Shop", 7).runtime(V4_0, 64, oldKey()).build();

    FarmPlan plan = planner.plan(desired, List.of("web6", "web10"), Map.of("web6", iis6, "web10", iis10));

    assertThat(plan.invalidSpec()).isTrue();
    assertThat(plan.hasSteps()).isFalse();
    HostPlan web6 = plan.host("web6").orElseThrow();
    assertThat(web6.findings(FindingReason.INVALID_SPEC)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("HMACSHA256", "v2.0/32 machine.config", "SHA1"));
    assertThat(web6.machineKeysInSync()).isEqualTo(SyncState.UNKNOWN);
    // the v4-only host alone is fine, but it gets no steps either
    HostPlan web10 = plan.host("web10").orElseThrow();
    assertThat(web10.has(FindingReason.INVALID_SPEC)).isFalse();
    assertThat(web10.steps()).isEmpty();
    assertThat(web10.findings(FindingReason.SITE_ID_DRIFT)).hasSize(1);
  }

  @Test
  void framework45WithV2IsNoLongerAnInvalidSpecAndStaysOutOfTheV2File() {
    MachineKeySetting f45 = Hosts.key(Hosts.FARM_VALIDATION_KEY, Hosts.FARM_DECRYPTION_KEY, "SHA1", "AES", "Framework45");
    HostPlan plan = plan(everywhere(f45), iis10().site("Shop", 2).runtime(V2_0, 64, oldKey())
        .runtime(V4_0, 64, oldKey()).build());
    assertThat(plan.has(FindingReason.INVALID_SPEC)).isFalse();
    assertThat(writes(plan)).extracting(w -> w.location().runtime().wireName() + "=" + w.machineKey().compatibilityMode())
        .containsExactly("v2.0=null", "v4.0=Framework45");
  }

  @Test
  void hmacValidationIsFineWhenOnlyV4IsManaged() {
    MachineKeySetting hmac = Hosts.key(Hosts.FARM_VALIDATION_KEY, Hosts.FARM_DECRYPTION_KEY, "HMACSHA256", "AES", null);
    DesiredMachineKey v4 = new DesiredMachineKey(hmac, Set.of(V4_0), null);
    HostPlan plan = plan(v4, iis10().site("Shop", 2).runtime(V2_0, 64, oldKey()).runtime(V4_0, 64, oldKey()).build());
    assertThat(plan.has(FindingReason.INVALID_SPEC)).isFalse();
    assertThat(writes(plan)).extracting(WriteMachineKey::location).containsExactly(machineConfig(V4_0, 64));
  }

  @Test
  void plainHttpWithoutKeyTransferLeavesKeysUnknownButPlansSiteIds() {
    HostObservation obs = iis10().site("Shop", 7).configsNotRead().build();
    HostPlan plan = plan(everywhere(farmKey()), obs);

    assertThat(plan.machineKeysInSync()).isEqualTo(SyncState.UNKNOWN);
    assertThat(plan.findings(FindingReason.INSECURE_TRANSPORT)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("allowKeyTransferOverHttp"));
    assertThat(plan.steps()).containsExactly(new MoveSite("Shop", 7, 2, false));
    assertThat(plan.keyFiles()).isEmpty();
  }

  @Test
  void plainHttpHostCountsAsInSyncOnItsSiteIdsAlone() {
    HostPlan plan = plan(everywhere(farmKey()), iis10().site("Shop", 2).configsNotRead().build());
    assertThat(plan.steps()).isEmpty();
    assertThat(plan.machineKeysInSync()).isEqualTo(SyncState.UNKNOWN);
    assertThat(plan.inSync()).isTrue();
  }

  @Test
  void withoutAMachineKeyInTheSpecKeysAreNotManaged() {
    HostObservation obs = iis10().site("Shop", 2).runtime(V4_0, 64, oldKey()).siteConfig("Shop", oldKey(), null).build();
    HostPlan plan = plan(null, obs);
    assertThat(plan.steps()).isEmpty();
    assertThat(plan.findings()).isEmpty();
    assertThat(plan.machineKeysInSync()).isEqualTo(SyncState.TRUE);
    assertThat(plan.keyFiles()).singleElement().satisfies(f -> {
      assertThat(f.managed()).isFalse();
      assertThat(f.fingerprint()).isEqualTo(oldKey().fingerprint());
    });
  }

  @Test
  void convergedKeysPlanNothing() {
    HostPlan plan = plan(everywhere(farmKey()), fourRuntimes(farmKey()).file(rootWebConfig(V4_0, 64), farmKey(), null).build());
    assertThat(plan.steps()).isEmpty();
    assertThat(plan.findings()).isEmpty();
    assertThat(plan.machineKeysInSync()).isEqualTo(SyncState.TRUE);
    assertThat(plan.keyFiles()).filteredOn(KeyFileCheck::managed).hasSize(5).allMatch(f -> f.inSync());
  }

  @Test
  void sameKeysWithOtherAlgorithmsAreDrift() {
    MachineKeySetting md5 = Hosts.key(Hosts.FARM_VALIDATION_KEY, Hosts.FARM_DECRYPTION_KEY, "MD5", "AES", null);
    HostPlan plan = plan(everywhere(farmKey()), iis10().site("Shop", 2).runtime(V4_0, 64, md5).build());
    assertThat(writes(plan)).hasSize(1);
  }

  @Test
  void keyStepsDescribeFingerprintsOnly() {
    HostPlan plan = plan(everywhere(farmKey()), iis10().site("Shop", 2).runtime(V4_0, 64, oldKey()).build());
    WriteMachineKey write = writes(plan).get(0);
    assertThat(write.describe()).contains(farmKey().fingerprint(), oldKey().fingerprint(), "v4.0/64 machine.config");
    for (String text : List.of(write.describe(), write.toString(), plan.toString())) {
      assertThat(text).doesNotContainIgnoringCase(Hosts.FARM_VALIDATION_KEY).doesNotContainIgnoringCase(Hosts.FARM_DECRYPTION_KEY)
          .doesNotContainIgnoringCase(Hosts.OLD_VALIDATION_KEY).doesNotContainIgnoringCase(Hosts.OLD_DECRYPTION_KEY);
    }
  }
}
