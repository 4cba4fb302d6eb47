package io.iisfarm.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.status.EffectiveMode;
import io.iisfarm.operator.status.FarmReport;
import io.iisfarm.operator.status.HostFailure;
import io.iisfarm.operator.status.HostReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final Duration RESYNC = Duration.ofMinutes(1);
  private final Backoff backoff = new Backoff();
  private final IisFarm farm = farm("uid-1");

  private static IisFarm farm(String uid) {
    IisFarm farm = new IisFarm();
    farm.setMetadata(new ObjectMetaBuilder().withNamespace("web").withName("shop").withUid(uid).build());
    return farm;
  }

  private static FarmReport report(HostReport... hosts) {
    return new FarmReport(1, EffectiveMode.ENFORCE, true, Instant.EPOCH, List.of(hosts), List.of(), List.of());
  }

  private static HostReport down(HostFailure.Kind kind) {
    return HostReport.failed("web01", "web01:5986", new HostFailure(kind, "down"));
  }

  @Test
  void aHealthyFarmIsLookedAtAgainAfterItsResyncInterval() {
    assertThat(backoff.next(farm, report(), RESYNC)).isEqualTo(RESYNC);
  }

  @Test
  void failuresRetrySoonerDoublingUpToTheResyncInterval() {
    FarmReport failing = report(down(HostFailure.Kind.UNREACHABLE));
    assertThat(backoff.next(farm, failing, RESYNC)).isEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.next(farm, failing, RESYNC)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.next(farm, failing, RESYNC)).isEqualTo(Duration.ofSeconds(20));
    assertThat(backoff.next(farm, failing, RESYNC)).isEqualTo(Duration.ofSeconds(40));
    assertThat(backoff.next(farm, failing, RESYNC)).isEqualTo(RESYNC);
    assertThat(backoff.next(farm, failing, RESYNC)).isEqualTo(RESYNC);
  }

  @Test
  void successResetsTheBackoffAndFarmsBackOffIndependently() {
    FarmReport failing = report(down(HostFailure.Kind.TIMEOUT));
    backoff.next(farm, failing, RESYNC);
    backoff.next(farm, failing, RESYNC);
    assertThat(backoff.next(farm("uid-2"), failing, RESYNC)).isEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.next(farm, report(), RESYNC)).isEqualTo(RESYNC);
    assertThat(backoff.next(farm, failing, RESYNC)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aHostClaimedByAnotherFarmIsNotAFailureToRetry() {
    assertThat(backoff.next(farm, report(down(HostFailure.Kind.CLAIMED_ELSEWHERE)), RESYNC)).isEqualTo(RESYNC);
  }
}
