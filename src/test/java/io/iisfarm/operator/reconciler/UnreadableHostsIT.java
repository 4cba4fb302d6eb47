package io.iisfarm.operator.reconciler;

import static io.iisfarm.operator.reconciler.OperatorHarness.FARM;
import static io.iisfarm.operator.reconciler.OperatorHarness.condition;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.iisfarm.operator.api.HostStatus;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.simulator.wsman.WsmanFaultKind;
import io.iisfarm.operator.simulator.wsman.WsmanOperation;
import io.iisfarm.operator.testing.RealApiServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hosts that cannot be read are reported each with its own reason; the others still converge. */
@RealApiServer
class UnreadableHostsIT {

  @Test
  void refusedUnauthorizedAndHangingHostsAreReportedWhileTheRestConverges() {
    try (OperatorHarness h = OperatorHarness.sample("60s").withSecrets()) {
      h.host("web02").faults().refuseConnections(true);
      h.host("web03").faults().alwaysUnauthorized(true);
      h.host("web04").faults().hang(true);
      IisFarm farm = h.manifests.farm();
      farm.getSpec().getWinrm().setOperationTimeout("5s");
      farm.getSpec().getWinrm().setConnectTimeout("2s");
      h.create(farm);
      h.startOperator();

      IisFarmStatus status = h.awaitStatus(FARM, Duration.ofSeconds(90), s -> s.getHosts().size() == 4
          && row(s, "web01").inSync() == Boolean.TRUE && row(s, "web04").reachable() == Boolean.FALSE);

      FarmConvergenceIT.assertSitesRight(h.host("web01"));
      assertThat(condition(status, "Ready")).get().extracting("status").isEqualTo("False");
      assertThat(condition(status, "HostsReachable")).get().satisfies(c -> {
        assertThat(c.getStatus()).isEqualTo("False");
        assertThat(c.getReason()).isEqualTo("HostsUnreachable");
        assertThat(c.getMessage()).contains("web02", "web03", "web04");
      });
      assertThat(status.getInSync()).isEqualTo("1/4");
      assertThat(row(status, "web02").message()).startsWith("HostUnreachable");
      assertThat(row(status, "web03").message()).startsWith("AuthenticationFailed");
      assertThat(row(status, "web04").message()).startsWith("HostTimeout");
      List<String> reasons = h.events().stream().map(Event::getReason).toList();
      assertThat(reasons).contains("HostUnreachable", "AuthenticationFailed", "HostTimeout");
      // nothing was changed on a host that could not be read
      assertThat(h.host("web02").journal().changes()).isEmpty();
      assertThat(h.host("web03").journal().changes()).isEmpty();
      assertThat(h.host("web04").journal().changes()).isEmpty();
      h.assertNoSecretsLeaked();
    }
  }

  @Test
  void wsManFaultIsReportedWithItsCodeAndTheHostConvergesOnceItClears() {
    try (OperatorHarness h = OperatorHarness.sample("5s").withSecrets()) {
      h.host("web02").faults().faultOn(WsmanOperation.CREATE, WsmanFaultKind.QUOTA_LIMIT);
      h.create(h.manifests.farm());
      h.startOperator();

      IisFarmStatus status = h.awaitStatus(FARM, Duration.ofSeconds(90),
          s -> s.getHosts().size() == 4 && row(s, "web02").reachable() == Boolean.FALSE
              && row(s, "web04").inSync() == Boolean.TRUE);
      assertThat(row(status, "web02").message()).startsWith("WsManFault").containsIgnoringCase("quota");
      assertThat(h.events()).extracting(Event::getReason).contains("WsManFault");

      h.host("web02").faults().clear();
      h.awaitStatus(FARM, Duration.ofSeconds(60), OperatorHarness.condition("Ready", "True", null));
      FarmConvergenceIT.assertSitesRight(h.host("web02"));
      h.assertNoSecretsLeaked();
    }
  }

  static HostStatus row(IisFarmStatus status, String host) {
    return status.getHosts().stream().filter(r -> host.equals(r.name())).findFirst()
        .orElseThrow(() -> new AssertionError("no status row for " + host));
  }
}
