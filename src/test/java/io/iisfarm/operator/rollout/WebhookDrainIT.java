package io.iisfarm.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.api.InFlightStep;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.simulator.wsman.JournalEntry;
import io.iisfarm.operator.simulator.wsman.TlsIdentity;
import io.iisfarm.operator.testing.LogCapture;
import io.iisfarm.operator.testing.SecretScan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An external load balancer's controller called over real HTTPS: drain before the host's change, restore after;
 * the certificate checked against the CA given; the bearer token sent and never shown; retries; a failed drain
 * changes nothing, a failed restore stays on record and is retried.
 */
class WebhookDrainIT {
  private static final String TOKEN = "lb-token-not-a-real-secret-7f3a9c21e8d4b6a5";

  private static DrainSettings webhook(WebhookServer server, String caPem, int retries) {
    return new DrainSettings(null, new DrainSettings.Webhook(server.url(), caPem, new BearerToken(TOKEN),
        Duration.ofSeconds(5), retries, "shop", "web"), Duration.ZERO);
  }

  @Test
  void theHostIsDrainedBeforeItsChangeAndRestoredAfterIt() {
    try (LogCapture logs = LogCapture.start(); RolloutWorld w = RolloutWorld.nlbFarm();
        WebhookServer server = new WebhookServer()) {
      Map<String, HostOutcome> outcomes = w.run(RolloutWorld.settings(webhook(server, server.tls.caPem(), 0),
          null, null), "web19");

      assertThat(outcomes.get("web19").result().succeeded()).isTrue();
      assertThat(server.phases()).containsExactly("drain", "restore");
      WebhookServer.Call drain = server.calls.get(0);
      assertThat(drain.body().path("farm").asText()).isEqualTo("shop");
      assertThat(drain.body().path("namespace").asText()).isEqualTo("web");
      assertThat(drain.body().path("host").asText()).isEqualTo("web19");
      assertThat(drain.body().path("address").asText()).isEqualTo("127.0.0.1");
      assertThat(drain.body().path("reason").asText()).contains("move site Shop from ID 5 to ID 2");
      assertThat(drain.authorization()).isEqualTo("Bearer " + TOKEN);
      assertThat(drain.contentType()).isEqualTo("application/json");
      SimulatedHost web19 = w.host("web19");
      List<JournalEntry> changes = web19.journal().changes();
      assertThat(changes).isNotEmpty();
      assertThat(drain.at()).isBefore(changes.get(0).time());
      assertThat(server.calls.get(1).at()).isAfter(changes.get(changes.size() - 1).time());
      assertThat(w.events.of("web19")).containsSubsequence("phase Drain", "drained webhook", "phase Change",
          "verified", "phase Restore", "restored webhook");
      assertThat(w.ledger.current).isEmpty();
      SecretScan.assertClean("logs", logs.text() + w.events.lines, List.of(TOKEN));
    }
  }

  @Test
  void aFailedCallIsRetried() {
    try (RolloutWorld w = RolloutWorld.nlbFarm(); WebhookServer server = new WebhookServer()) {
      server.answer(call -> server.calls.size() == 1 ? 503 : 204);

      Map<String, HostOutcome> outcomes = w.run(RolloutWorld.settings(webhook(server, server.tls.caPem(), 2),
          null, null), "web19");

      assertThat(outcomes.get("web19").result().succeeded()).isTrue();
      assertThat(server.phases()).containsExactly("drain", "drain", "restore");
    }
  }

  @Test
  void aWebhookWhoseCertificateIsNotTrustedDrainsNothingAndTheHostIsNotChanged() {
    try (RolloutWorld w = RolloutWorld.nlbFarm(); WebhookServer server = new WebhookServer()) {
      String otherCa = TlsIdentity.generate(List.of("localhost")).caPem();

      Map<String, HostOutcome> outcomes = w.run(RolloutWorld.settings(webhook(server, otherCa, 0), null, null),
          "web19", "web06");

      RolloutResult result = outcomes.get("web19").result();
      assertThat(result.cause()).isEqualTo(RolloutResult.Cause.DRAIN);
      assertThat(result.failure()).startsWith("taking the host out of the load balancer failed, so it was not"
          + " changed: webhook POST https://localhost:").contains("SSLHandshakeException");
      assertThat(server.calls).isEmpty();
      assertThat(w.host("web19").journal().changes()).isEmpty();
      // the rollout stops at the first failure: the next host is not touched
      assertThat(outcomes).doesNotContainKey("web06");
      assertThat(w.host("web06").journal().changes()).isEmpty();
    }
  }

  @Test
  void aFailedRestoreStaysOnRecordAndIsRetriedByTheNextRollout() {
    try (RolloutWorld w = RolloutWorld.nlbFarm(); WebhookServer server = new WebhookServer()) {
      server.answer(call -> call.phase().equals("restore") ? 500 : 200);
      RolloutSettings settings = RolloutWorld.settings(webhook(server, server.tls.caPem(), 1), null, null);

      RolloutResult first = w.run(settings, "web19").get("web19").result();

      assertThat(first.cause()).isEqualTo(RolloutResult.Cause.RESTORE);
      assertThat(first.failure()).contains("putting the host back into the load balancer failed")
          .contains("answered HTTP 500").contains("the next check tries again");
      assertThat(first.applied()).isNotEmpty();
      InFlightStep left = w.ledger.current.get("web19");
      assertThat(left.phase()).isEqualTo("Restore");
      assertThat(left.drained()).containsExactly("webhook");
      assertThat(w.events.of("web19")).anyMatch(l -> l.startsWith("restoreFailed"));

      server.answer(call -> 200);
      int changesBefore = w.host("web19").journal().changes().size();
      Map<String, HostOutcome> again = new Rollout(w.connector, w.reader, w.planner, java.time.Clock.systemUTC())
          .run(w.desired, List.of(w.change("web19", left)), settings, w.ledger, w.events);

      assertThat(again.get("web19").result().succeeded()).isTrue();
      assertThat(server.phases()).containsExactly("drain", "restore", "restore", "restore");
      assertThat(w.ledger.current).isEmpty();
      // the retry only put the host back: nothing on it was changed again
      assertThat(w.host("web19").journal().changes()).hasSize(changesBefore);
    }
  }
}
