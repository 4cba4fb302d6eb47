package io.iisfarm.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.iisfarm.operator.api.EmergencyRolloutStatus;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmSpec;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.status.EffectiveMode;
import io.iisfarm.operator.status.FarmReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The emergency override: when it lifts the windows, when it is complete, and what ends it. */
class EmergencyOverrideTest {
  private static final Instant NOW = Instant.parse("2026-11-25T14:00:00Z");

  private static IisFarm farm(String reason, EmergencyRolloutStatus previous) {
    IisFarm farm = new IisFarm();
    farm.setMetadata(new ObjectMetaBuilder().withName("shop").withNamespace("web")
        .withAnnotations(reason == null ? Map.of() : Map.of(IisFarm.EMERGENCY_ROLLOUT_ANNOTATION, reason)).build());
    farm.setSpec(new IisFarmSpec());
    IisFarmStatus status = new IisFarmStatus();
    status.setEmergencyRollout(previous);
    farm.setStatus(status);
    return farm;
  }

  private static FarmReport inSync() {
    return new FarmReport(1, EffectiveMode.ENFORCE, false, NOW, List.of(), List.of(), List.of());
  }

  @Test
  void anAnnotationWithAReasonLiftsTheWindowsAndIsRecordedWithItsStart() {
    EmergencyOverride.State state = EmergencyOverride.of(farm("  CVE-2026-1234:   rotate   the key ", null), true, NOW);

    assertThat(state.active()).isTrue();
    assertThat(state.status()).isEqualTo(new EmergencyRolloutStatus("CVE-2026-1234: rotate the key",
        "2026-11-25T14:00:00Z", null));
  }

  @Test
  void itIsCompleteOnceEveryHostIsInSyncAndThenTheWindowsHoldAgainForThatReason() {
    EmergencyOverride.State active = EmergencyOverride.of(farm("CVE fix", null), true, NOW);
    EmergencyOverride.State after = EmergencyOverride.after(active, inSync(), NOW.plusSeconds(90));

    assertThat(after.active()).isFalse();
    assertThat(after.status().completedAt()).isEqualTo("2026-11-25T14:01:30Z");
    // the next reconcile, annotation still there: the windows hold
    EmergencyOverride.State later = EmergencyOverride.of(farm("CVE fix", after.status()), true, NOW.plusSeconds(300));
    assertThat(later.active()).isFalse();
    assertThat(later.status()).isEqualTo(after.status());
    // a new reason overrides again
    assertThat(EmergencyOverride.of(farm("second fix", after.status()), true, NOW.plusSeconds(400)).active()).isTrue();
  }

  @Test
  void withoutTheAnnotationOrWithoutWindowsThereIsNoOverride() {
    EmergencyRolloutStatus running = new EmergencyRolloutStatus("CVE fix", "2026-11-25T14:00:00Z", null);

    assertThat(EmergencyOverride.of(farm(null, running), true, NOW)).isEqualTo(new EmergencyOverride.State(false,
        null));
    assertThat(EmergencyOverride.of(farm("CVE fix", null), false, NOW).status()).isNull();
    assertThat(EmergencyOverride.of(farm("   ", null), true, NOW).active()).isFalse();
  }
}
