package io.iisfarm.operator.status;

import io.iisfarm.operator.rollout.RolloutResult;
import static io.iisfarm.operator.status.Reports.farm;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.model.DesiredFarm;
import io.iisfarm.operator.plan.Hosts;
import io.iisfarm.operator.plan.MoveSite;
import io.iisfarm.operator.plan.Step;
import io.iisfarm.operator.status.HostFailure.Kind;
import io.iisfarm.operator.testing.RealApiServer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events as the real API server keeps them. */
@RealApiServer
class EventRecorderIT {
  private static final List<Step> SWAP = List.of(new MoveSite("Shop", 3, 4, true), new MoveSite("Api", 2, 3, false),
      new MoveSite("Shop", 4, 2, false));

  /** A clock the test moves forward. */
  static final class TestClock extends Clock {
    Instant now = Instant.parse("2024-05-01T10:00:00Z");

    @Override
    public ZoneId getZone() { return ZoneOffset.UTC; }

    @Override
    public Clock withZone(ZoneId zone) { return this; }

    @Override
    public Instant instant() { return now; }
  }

  private RealApi api;
  private final TestClock clock = new TestClock();
  private EventRecorder events;
  private IisFarm farm;

  @BeforeEach
  void start() {
    api = new RealApi();
    events = new EventRecorder(api.client, clock);
    farm = api.createFarm("farm");
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private List<Event> stored() {
    return api.client.v1().events().inNamespace(api.namespace).list().getItems();
  }

  private Map<String, Event> byReason() {
    return stored().stream().collect(Collectors.toMap(Event::getReason, Function.identity()));
  }

  @Test
  void eventNamesTheIisFarmWithTypeReasonAndCount() {
    events.changeApplied(farm, "web1", SWAP);

    Event e = stored().get(0);
    assertThat(e.getInvolvedObject().getApiVersion()).isEqualTo("iisfarm.io/v1alpha1");
    assertThat(e.getInvolvedObject().getKind()).isEqualTo("IisFarm");
    assertThat(e.getInvolvedObject().getName()).isEqualTo("farm");
    assertThat(e.getInvolvedObject().getNamespace()).isEqualTo(api.namespace);
    assertThat(e.getInvolvedObject().getUid()).isEqualTo(farm.getMetadata().getUid()).isNotBlank();
    assertThat(e.getType()).isEqualTo("Normal");
    assertThat(e.getReason()).isEqualTo("ChangeApplied");
    assertThat(e.getMessage()).startsWith("web1: applied and verified 3 steps: move site Shop from ID 3 to temporary ID 4");
    assertThat(e.getCount()).isEqualTo(1);
    assertThat(e.getFirstTimestamp()).isEqualTo("2024-05-01T10:00:00Z");
    assertThat(e.getLastTimestamp()).isEqualTo("2024-05-01T10:00:00Z");
    assertThat(e.getSource().getComponent()).isEqualTo(EventRecorder.COMPONENT);
  }

  @Test
  void repeatedEventsAreAggregatedNotSpammed() {
    for (int i = 0; i < 3; i++) {
      events.hostFailed(farm, "web2", new HostFailure(Kind.UNREACHABLE, "connection refused"));
      clock.now = clock.now.plusSeconds(60);
    }
    events.hostFailed(farm, "web2", new HostFailure(Kind.TIMEOUT, "no answer within 60s"));

    assertThat(stored()).hasSize(2);
    Event unreachable = byReason().get("HostUnreachable");
    assertThat(unreachable.getType()).isEqualTo("Warning");
    assertThat(unreachable.getCount()).isEqualTo(3);
    assertThat(unreachable.getFirstTimestamp()).isEqualTo("2024-05-01T10:00:00Z");
    assertThat(unreachable.getLastTimestamp()).isEqualTo("2024-05-01T10:02:00Z");
    assertThat(unreachable.getMessage()).contains("web2: connection refused", "WinRM listener");
    assertThat(byReason().get("HostTimeout").getCount()).isEqualTo(1);
  }

  @Test
  void reportEventsForFailuresRollbacksAndBlockers() {
    FarmReport report = farm()
        .changed("web1", Reports.swapped(), Reports.swapped(), RolloutResult.rolledBack(Reports.CHANGED_AT, SWAP,
            "Shop has ID 4 after the move, not 2"))
        .changed("web3", Reports.swapped(), null, RolloutResult.failed(null, List.of(), "backup failed"))
        .failed("web2", Kind.CLAIMED_ELSEWHERE, "IisFarm shop/other names web2.example.com:5986")
        .host("web4", Reports.conflict())
        .blocker(Blocker.Kind.SECRET_INVALID, "Secret farm-key: decryptionKey is not hex.")
        .build();
    events.record(farm, report);

    Map<String, Event> byReason = byReason();
    assertThat(byReason).containsOnlyKeys("RolledBack", "RolloutFailed", "HostClaimedElsewhere", "SiteIdConflict",
        "SecretInvalid");
    assertThat(byReason.values()).allSatisfy(e -> assertThat(e.getType()).isEqualTo("Warning"));
    assertThat(byReason.get("RolledBack").getMessage()).isEqualTo(
        "web1: restored from backup after a failed change: Shop has ID 4 after the move, not 2");
    assertThat(byReason.get("SiteIdConflict").getMessage()).startsWith("web4: site Shop must get ID 2");

    events.record(farm, report);
    assertThat(stored()).hasSize(5).allSatisfy(e -> assertThat(e.getCount()).isEqualTo(2));
  }

  @Test
  void changeForANewGenerationIsChangeAppliedAndForTheSameOneDriftCorrected() {
    FarmReport fixed = farm().generation(4).changed("web1", Reports.swapped(), Reports.converged(),
        RolloutResult.applied(Reports.CHANGED_AT, SWAP)).build();

    events.record(farm, fixed);
    assertThat(byReason()).containsOnlyKeys("ChangeApplied");

    IisFarmStatus seen = new IisFarmStatus();
    seen.setObservedGeneration(4L);
    farm.setStatus(seen);
    events.record(farm, fixed);
    assertThat(byReason()).containsOnlyKeys("ChangeApplied", "DriftCorrected");
    assertThat(byReason().get("DriftCorrected").getType()).isEqualTo("Normal");
    assertThat(byReason().get("DriftCorrected").getMessage()).startsWith("web1: drift corrected and verified: 3 steps");
  }

  @Test
  void invalidSpecFromThePlannerAndAuditDrift() {
    DesiredFarm hmac = new DesiredFarm(Reports.DESIRED.sites(), Hosts.everywhere(Reports.hmacKey()), null);
    events.record(farm, farm(hmac).host("web6", Reports.v2WithKey(Hosts.oldKey())).build());
    assertThat(byReason()).containsOnlyKeys("InvalidSpec");
    assertThat(byReason().get("InvalidSpec").getMessage()).contains("HMACSHA256", "v2.0");

    events.record(farm, farm().mode(EffectiveMode.AUDIT).host("web1", Reports.swapped()).build());
    assertThat(byReason().get("DriftDetected").getMessage()).startsWith("web1 differs from the spec: would 3 steps");
  }

  @Test
  void serverErrorOnEventsDoesNotBreakTheReconcile() {
    String name = KubernetesEvents.eventName(farm, EventRecorder.Type.WARNING, "InvalidSpec", "bad");
    java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
    api.requests.set(r -> "GET".equals(r.method()) && r.uri().getPath().endsWith("/events/" + name)
        && failed.compareAndSet(false, true) ? 503 : null);
    events.invalidSpec(farm, "bad");
    assertThat(failed).isTrue();
    assertThat(stored()).isEmpty();
    events.invalidSpec(farm, "bad");
    assertThat(stored()).singleElement().satisfies(e -> assertThat(e.getCount()).isEqualTo(1));
  }

  @Test
  void longMessagesAreCut() {
    events.invalidSpec(farm, "x".repeat(5000));
    assertThat(stored().get(0).getMessage()).hasSize(EventRecorder.MAX_MESSAGE).endsWith("...");
  }
}
