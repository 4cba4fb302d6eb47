package io.iisfarm.operator.plan;

import static io.iisfarm.operator.api.ClrRuntime.V2_0;
import static io.iisfarm.operator.api.ClrRuntime.V4_0;
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

import io.iisfarm.operator.model.DesiredFarm.DesiredMachineKey;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.MachineKeyElement;
import io.iisfarm.operator.model.MachineKeySetting;
import io.iisfarm.operator.testing.SecretScan;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The machineKey in the forms Windows admins leave it: compatibilityMode on a v2.0 runtime, locked in a
 * {@code <location>}, encrypted with protected configuration, rejected by the configuration system.
 */
class MachineKeyFormsPlanningTest {
  private static final MachineKeySetting SP2 =
      Hosts.key(Hosts.FARM_VALIDATION_KEY, Hosts.FARM_DECRYPTION_KEY, "SHA1", "AES", "Framework20SP2");
  private static final MachineKeySetting SP2_WITHOUT_MODE =
      Hosts.key(Hosts.FARM_VALIDATION_KEY, Hosts.FARM_DECRYPTION_KEY, "SHA1", "AES", null);
  private static final MachineKeyElement ENCRYPTED =
      new MachineKeyElement(1, false, false, "RsaProtectedConfigurationProvider", List.of());
  private static final MachineKeyElement LOCKED = new MachineKeyElement(1, true, true, null, List.of());

  private final Planner planner = new Planner();

  private HostPlan plan(DesiredMachineKey key, HostObservation obs) {
    return planner.planHost(farm(key, want("Shop", 2)), "web1", obs);
  }

  private static List<WriteMachineKey> writes(HostPlan plan) {
    return plan.steps().stream().filter(WriteMachineKey.class::isInstance).map(WriteMachineKey.class::cast).toList();
  }

  @Test
  void compatibilityModeGoesIntoV4FilesOnlyAndTheHostIsToldWhatV2Gets() {
    HostPlan plan = plan(everywhere(SP2), iis10().site("Shop", 2).runtime(V2_0, 32, oldKey())
        .runtime(V2_0, 64, oldKey()).runtime(V4_0, 64, oldKey()).build());

    assertThat(writes(plan)).extracting(WriteMachineKey::location, w -> w.machineKey().compatibilityMode())
        .containsExactly(org.assertj.core.groups.Tuple.tuple(machineConfig(V2_0, 32), null),
            org.assertj.core.groups.Tuple.tuple(machineConfig(V2_0, 64), null),
            org.assertj.core.groups.Tuple.tuple(machineConfig(V4_0, 64), "Framework20SP2"));
    assertThat(writes(plan).get(0).machineKey()).isEqualTo(SP2_WITHOUT_MODE);
    assertThat(plan.findings(FindingReason.COMPATIBILITY_MODE_V4_ONLY)).singleElement().satisfies(f -> {
      assertThat(f.message()).contains("v2.0/32 machine.config, v2.0/64 machine.config", "Framework20SP1",
          SP2_WITHOUT_MODE.fingerprint());
      SecretScan.assertClean("finding", f.message(), List.of(Hosts.FARM_VALIDATION_KEY, Hosts.FARM_DECRYPTION_KEY));
    });
  }

  @Test
  void aV2FileHoldingTheKeyWithoutCompatibilityModeIsInSync() {
    HostPlan plan = plan(everywhere(SP2), iis6().runtime(V2_0, 32, SP2_WITHOUT_MODE).build());
    assertThat(plan.steps()).isEmpty();
    assertThat(plan.machineKeysInSync()).isEqualTo(SyncState.TRUE);
    assertThat(plan.keyFiles()).singleElement().satisfies(f -> assertThat(f.inSync()).isTrue());
  }

  @Test
  void aV2FileHoldingCompatibilityModeIsRewrittenWithoutIt() {
    HostPlan plan = plan(everywhere(SP2), iis6().runtime(V2_0, 32, SP2).build());
    assertThat(writes(plan)).singleElement().satisfies(w -> assertThat(w.machineKey()).isEqualTo(SP2_WITHOUT_MODE));
  }

  @Test
  void noNoteWithoutCompatibilityModeOrWithoutV2() {
    assertThat(plan(everywhere(farmKey()), iis6().runtime(V2_0, 32, oldKey()).build())
        .has(FindingReason.COMPATIBILITY_MODE_V4_ONLY)).isFalse();
    assertThat(plan(everywhere(SP2), iis10().runtime(V4_0, 64, oldKey()).build())
        .has(FindingReason.COMPATIBILITY_MODE_V4_ONLY)).isFalse();
  }

  @Test
  void anEncryptedMachineKeyIsReportedNeverWrittenAndItsKeysAreUnknown() {
    HostPlan plan = plan(everywhere(farmKey()), iis10().installOnly(V4_0, 64)
        .fileWith(machineConfig(V4_0, 64), null, ENCRYPTED).build());

    assertThat(plan.steps()).isEmpty();
    assertThat(plan.machineKeysInSync()).isEqualTo(SyncState.UNKNOWN);
    assertThat(plan.inSync()).isFalse();
    assertThat(plan.findings(FindingReason.MACHINE_KEY_ENCRYPTED)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("v4.0/64 machine.config", "RsaProtectedConfigurationProvider",
            "aspnet_regiis -pd \"system.web/machineKey\" -pkm"));
    assertThat(plan.keyFiles()).singleElement().satisfies(f -> {
      assertThat(f.fingerprint()).isEqualTo(KeyFileCheck.ENCRYPTED);
      assertThat(f.inSync()).as("unknown, not pretended").isNull();
    });
  }

  @Test
  void anEncryptedRootWebConfigIsReportedEvenWhenMachineConfigIsRight() {
    HostPlan plan = plan(everywhere(farmKey()), iis10().runtime(V4_0, 64, farmKey())
        .fileWith(rootWebConfig(V4_0, 64), null, ENCRYPTED).build());
    assertThat(plan.steps()).isEmpty();
    assertThat(plan.machineKeysInSync()).isEqualTo(SyncState.UNKNOWN);
    assertThat(plan.findings(FindingReason.MACHINE_KEY_ENCRYPTED)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("v4.0/64 web.config").doesNotContain("-pkm"));
  }

  @Test
  void driftElsewhereWinsOverAnEncryptedFile() {
    HostPlan plan = plan(everywhere(farmKey()), iis10().runtime(V2_0, 64, oldKey()).installOnly(V4_0, 64)
        .fileWith(machineConfig(V4_0, 64), null, ENCRYPTED).build());
    assertThat(plan.machineKeysInSync()).isEqualTo(SyncState.FALSE);
    assertThat(writes(plan)).extracting(WriteMachineKey::location).containsExactly(machineConfig(V2_0, 64));
  }

  @Test
  void aLockedMachineKeyIsWrittenWhereItIs() {
    HostPlan plan = plan(everywhere(farmKey()), iis6().installOnly(V2_0, 32)
        .fileWith(machineConfig(V2_0, 32), oldKey(), LOCKED).build());
    assertThat(writes(plan)).singleElement().satisfies(w -> assertThat(w.location()).isEqualTo(machineConfig(V2_0, 32)));
    assertThat(plan.findings(FindingReason.MACHINE_KEY_DRIFT)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("allowOverride=\"false\"", "edited where it is"));
  }

  @Test
  void aRootWebConfigMachineKeyUnderALockIsRejectedNotAligned() {
    HostPlan plan = plan(everywhere(farmKey()), iis6().installOnly(V2_0, 32)
        .fileWith(machineConfig(V2_0, 32), farmKey(), LOCKED)
        .file(rootWebConfig(V2_0, 32), oldKey(), null).build());
    assertThat(plan.steps()).isEmpty();
    assertThat(plan.machineKeysInSync()).isEqualTo(SyncState.FALSE);
    assertThat(plan.findings(FindingReason.MACHINE_KEY_INVALID)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("v2.0/32 web.config", "locks it"));
  }

  @Test
  void nothingIsWrittenForARuntimeWhoseOtherFileIsRejected() {
    MachineKeyElement unknownAttribute = new MachineKeyElement(1, false, false, null,
        List.of("attribute 'bogus' is not known to the .NET v4.0 configuration system"));
    HostPlan plan = plan(everywhere(farmKey()), iis10().runtime(V4_0, 64, oldKey()).runtime(V4_0, 32, oldKey())
        .fileWith(rootWebConfig(V4_0, 64), farmKey(), unknownAttribute).build());
    assertThat(writes(plan)).as("v4.0/64 does not load whatever machine.config holds; v4.0/32 is written")
        .extracting(WriteMachineKey::location).containsExactly(machineConfig(V4_0, 32));
    assertThat(plan.findings(FindingReason.MACHINE_KEY_INVALID)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("nothing for v4.0/64"));
  }

  @Test
  void aRejectedOrDuplicatedElementIsReportedAndNotWritten() {
    MachineKeyElement duplicated = new MachineKeyElement(2, false, false, null,
        List.of("2 machine-level <machineKey> elements"));
    MachineKeyElement unknownAttribute = new MachineKeyElement(1, false, false, null,
        List.of("attribute 'dataProtectorType' is not known to the .NET v2.0 configuration system"));
    HostPlan plan = plan(everywhere(farmKey()), iis10().installOnly(V2_0, 64).installOnly(V4_0, 64)
        .fileWith(machineConfig(V2_0, 64), farmKey(), unknownAttribute)
        .fileWith(machineConfig(V4_0, 64), null, duplicated).build());

    assertThat(plan.steps()).isEmpty();
    assertThat(plan.machineKeysInSync()).isEqualTo(SyncState.FALSE);
    assertThat(plan.findings(FindingReason.MACHINE_KEY_INVALID)).hasSize(2)
        .anySatisfy(f -> assertThat(f.message()).contains("v2.0/64", "dataProtectorType", "fails to start"))
        .anySatisfy(f -> assertThat(f.message()).contains("v4.0/64", "2 machine-level"));
    assertThat(plan.keyFiles()).extracting(KeyFileCheck::fingerprint)
        .containsExactly(farmKey().fingerprint(), KeyFileCheck.UNREADABLE);
    assertThat(plan.keyFiles()).extracting(KeyFileCheck::inSync).containsExactly(false, false);
  }
}
