package io.iisfarm.operator.reconciler;

import static io.iisfarm.operator.reconciler.OperatorHarness.FARM;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.simulator.windows.DriftAction;
import io.iisfarm.operator.testing.RealApiServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Drift made behind the operator's back is found by the periodic re-check (JOSDK reschedules the farm after its
 * resync interval; nothing on the API server changes) and corrected in that reconcile.
 */
@RealApiServer
class DriftCorrectionIT {
  private static final Duration RESYNC = Duration.ofSeconds(5);
  /**
   * Generous: a reconcile of four hosts on a loaded 2-core machine, on top of the resync interval; the next safety
   * net, JOSDK's maximum interval, is 10 minutes away.
   */
  private static final Duration MARGIN = Duration.ofSeconds(55);

  @Test
  void driftOnOneHostIsFoundByThePeriodicCheckAndCorrected() {
    try (OperatorHarness h = OperatorHarness.sample(RESYNC.toSeconds() + "s").withSecrets()) {
      h.create(h.manifests.farm());
      h.startOperator();
      h.awaitStatus(FARM, Duration.ofSeconds(90), OperatorHarness.condition("Ready", "True", null));
      SimulatedHost web03 = h.host("web03");
      String keyBefore = FarmFiles.validationKey(web03.windows().readFile(web03.windows().configPath("v4.0", 64, false))
          .orElseThrow());

      long injected = System.nanoTime();
      web03.windows().applyDrift(DriftAction.fromYaml("{kind: siteId, site: Shop, id: 7}"));
      web03.windows().applyDrift(DriftAction.fromYaml("{kind: machineKey, runtime: v4.0, bitness: 64, validationKey: "
          + "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF"
          + "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF}"));
      assertThat(web03.windows().site("Shop").orElseThrow().id()).isEqualTo(7);

      long deadline = injected + RESYNC.plus(MARGIN).toNanos();
      while (System.nanoTime() < deadline && !corrected(web03, keyBefore)) {
        OperatorHarness.sleep(100);
      }
      Duration took = Duration.ofNanos(System.nanoTime() - injected);
      assertThat(corrected(web03, keyBefore)).as("drift corrected within %s (took %s); status: %s; sites %s",
          RESYNC.plus(MARGIN), took, OperatorHarness.describe(h.farm(FARM).orElseThrow().getStatus()),
          web03.windows().sites()).isTrue();
      // IIS7+ stopped Shop when its ID was changed by hand; the operator starts only what it stopped itself
      assertThat(web03.windows().site("Shop").orElseThrow().started()).isFalse();
      assertThat(web03.windows().site("Api").orElseThrow().started()).isTrue();
      h.awaitStatus(FARM, Duration.ofSeconds(60), OperatorHarness.condition("Ready", "True", null));
      assertThat(h.events()).filteredOn(e -> "DriftCorrected".equals(e.getReason()))
          .extracting(Event::getMessage).anyMatch(m -> m.contains("web03"));
      h.assertNoSecretsLeaked();
    }
  }

  private static boolean corrected(SimulatedHost host, String key) {
    var shop = host.windows().site("Shop").orElseThrow();
    byte[] config = host.windows().readFile(host.windows().configPath("v4.0", 64, false)).orElseThrow();
    return shop.id() == 2 && key.equals(FarmFiles.validationKey(config));
  }
}
