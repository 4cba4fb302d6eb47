package io.iisfarm.operator.reconciler;

import static io.iisfarm.operator.reconciler.OperatorHarness.FARM;
import static io.iisfarm.operator.reconciler.UnreadableHostsIT.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.iisfarm.operator.api.HostSpec;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.testing.RealApiServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A host named by two farms, and an API server that fails status writes for a while (ApiFaults). */
@RealApiServer
class SharedHostsAndApiFailuresIT {

  @Test
  void theLaterFarmNamingAClaimedHostLeavesItAlone() {
    try (OperatorHarness h = OperatorHarness.sample("60s").withSecrets()) {
      h.create(h.manifests.farm());
      h.startOperator();
      h.awaitStatus(FARM, Duration.ofSeconds(90), OperatorHarness.condition("Ready", "True", null));

      IisFarm other = h.manifests.farm();
      other.setMetadata(new ObjectMetaBuilder().withNamespace(OperatorHarness.NAMESPACE).withName("other").build());
      HostSpec web03 = other.getSpec().getHosts().stream().filter(x -> x.getName().equals("web03")).findFirst()
          .orElseThrow();
      other.getSpec().setHosts(List.of(web03));
      h.create(other);

      IisFarmStatus status = h.awaitStatus("other", Duration.ofSeconds(60),
          s -> s.getHosts().size() == 1 && s.getHosts().get(0).message() != null);
      assertThat(row(status, "web03").message()).startsWith("HostClaimedElsewhere").contains("shop");
      assertThat(h.events()).anyMatch(e -> "HostClaimedElsewhere".equals(e.getReason())
          && "other".equals(e.getInvolvedObject().getName()));
      // the later farm neither read nor changed the host; the first one still owns it
      OperatorHarness.sleep(2_000);
      assertThat(h.progress.touched("web/other", "web03")).isFalse();
      assertThat(h.progress.touched("web/shop", "web03")).isTrue();
      assertThat(h.farm(FARM).orElseThrow().getStatus().getInSync()).isEqualTo("4/4");
    }
  }

  @Test
  void statusWritesFailingWith5xxAreRetriedAndNothingIsLost() {
    try (OperatorHarness h = OperatorHarness.sample("60s").withSecrets()) {
      AtomicInteger failed = new AtomicInteger();
      h.api.fail(request -> {
        boolean statusWrite = "PATCH".equals(request.method()) && request.uri().getPath().contains("/iisfarms/")
            && request.uri().getPath().endsWith("/status");
        if (statusWrite && failed.get() < 3) {
          failed.incrementAndGet();
          return 503;
        }
        return null;
      });
      h.create(h.manifests.farm());
      h.startOperator();

      IisFarmStatus status = h.awaitStatus(FARM, Duration.ofSeconds(120),
          OperatorHarness.condition("Ready", "True", null));
      assertThat(failed.get()).isEqualTo(3);
      assertThat(status.getInSync()).isEqualTo("4/4");
      assertThat(status.getInFlight()).isNullOrEmpty();
      h.sim.hosts().forEach(FarmConvergenceIT::assertSitesRight);
      h.assertNoSecretsLeaked();
    }
  }
}
