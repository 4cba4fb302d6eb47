package io.iisfarm.operator.reconciler;

import static io.iisfarm.operator.reconciler.OperatorHarness.FARM;
import static io.iisfarm.operator.reconciler.OperatorHarness.condition;
import static io.iisfarm.operator.reconciler.UnreadableHostsIT.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.simulator.windows.SiteView;
import io.iisfarm.operator.simulator.wsman.HostFaults;
import io.iisfarm.operator.testing.RealApiServer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A change that fails half-way is rolled back from its backup; a change broken off is finished later. */
@RealApiServer
class RollbackIT {
  /** certutil's answer when it cannot write the target file. */
  private static final String CERTUTIL_DENIED = "CertUtil: -decode command FAILED: 0x80070005 (WIN32: 5 ERROR_ACCESS_DENIED)\r\n"
      + "CertUtil: Access is denied.\r\n";

  @Test
  void aCommandFailingInTheMiddleOfAChangeRestoresTheBackup() {
    try (OperatorHarness h = OperatorHarness.sample("60s").withSecrets()) {
      SimulatedHost web04 = h.host("web04");
      Map<String, Long> idsBefore = ids(web04);
      Map<String, byte[]> filesBefore = FarmFiles.configs(web04);
      // the site IDs change first, then writing a config file fails
      web04.faults().failCommands("certutil -f -decode", -2147024891, CERTUTIL_DENIED);
      h.create(h.manifests.farm());
      h.startOperator();

      IisFarmStatus status = h.awaitStatus(FARM, Duration.ofSeconds(90),
          OperatorHarness.condition("Degraded", "True", "RolledBack"));
      assertThat(condition(status, "Ready")).get().extracting("status").isEqualTo("False");
      assertThat(row(status, "web04").inSync()).isFalse();
      assertThat(ids(web04)).isEqualTo(idsBefore);
      FarmFiles.configs(web04).forEach((path, bytes) ->
          assertThat(bytes).as("%s restored byte for byte", path).isEqualTo(filesBefore.get(path)));
      assertThat(web04.journal().commandLines()).anyMatch(l -> l.contains("appcmd") && l.contains("restore backup"));
      assertThat(h.events()).filteredOn(e -> "RolledBack".equals(e.getReason())).extracting(Event::getMessage)
          .anyMatch(m -> m.startsWith("web04"));
      assertThat(status.getInFlight()).isNullOrEmpty();

      // once the host lets the file be written, the next retry converges it
      web04.faults().clear();
      h.awaitStatus(FARM, Duration.ofSeconds(90), OperatorHarness.condition("Ready", "True", null));
      FarmConvergenceIT.assertSitesRight(web04);
      h.assertNoSecretsLeaked();
    }
  }

  @Test
  void aConnectionDroppedAfterTheIis6StopIsResumedAndTheSiteStartedAgain() {
    try (OperatorHarness h = OperatorHarness.sample("60s").withSecrets()) {
      SimulatedHost web01 = h.host("web01");
      web01.faults().dropConnectionOnCommandMatching("STOP_SERVER", HostFaults.DropPoint.AFTER_RUN);
      h.create(h.manifests.farm());
      h.startOperator();

      h.awaitStatus(FARM, Duration.ofSeconds(120), OperatorHarness.condition("Ready", "True", null));
      assertThat(web01.journal().commandLines()).anyMatch(l -> l.contains("STOP_SERVER"));
      FarmConvergenceIT.assertSitesRight(web01);
      assertThat(h.events()).extracting(Event::getReason).containsAnyOf("RolloutFailed", "RolledBack");
      assertThat(h.sim.maxDisruptedHosts()).isLessThanOrEqualTo(1);
      h.assertNoSecretsLeaked();
    }
  }

  static Map<String, Long> ids(SimulatedHost host) {
    Map<String, Long> ids = new LinkedHashMap<>();
    for (SiteView site : host.windows().sites()) {
      ids.put(site.name(), site.id());
    }
    return ids;
  }

}
