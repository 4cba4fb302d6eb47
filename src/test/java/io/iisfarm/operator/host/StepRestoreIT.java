package io.iisfarm.operator.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.api.ClrRuntime;
import io.iisfarm.operator.model.Bitness;
import io.iisfarm.operator.model.ConfigKind;
import io.iisfarm.operator.model.ConfigLocation;
import io.iisfarm.operator.simulator.windows.SiteView;
import io.iisfarm.operator.simulator.windows.WindowsHost;
import io.iisfarm.operator.winrm.WinRmSession;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A whole rollout step rolled back with {@link HostDriver#restore}: backup, a site moved to a new ID and a
 * machineKey written, then the restore brings the site back to its old ID, running, and the file back to its
 * exact old bytes. Against a fresh sample farm per test.
 */
class StepRestoreIT {
  @RegisterExtension
  static final SecretScan SECRETS = new SecretScan();
  private static final BackupId STEP = BackupId.at(Instant.parse("2026-03-01T11:00:00Z"));
  private FarmHosts farm;

  @BeforeEach
  void start() {
    farm = FarmHosts.start(SECRETS);
    SECRETS.key(MachineKeyWriteIT.VALIDATION_KEY);
    SECRETS.key(MachineKeyWriteIT.DECRYPTION_KEY);
  }

  @AfterEach
  void stop() {
    farm.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"web01, 1739249713, 7, V2_0, B32", "web04, 5, 2, V4_0, B64"})
  void restoreBringsBackTheSiteIdAndTheFile(String host, long oldId, long newId, ClrRuntime runtime, Bitness bitness) {
    WindowsHost windows = farm.windows(host);
    SiteView shopBefore = windows.site("Shop").orElseThrow();
    List<SiteView> sitesBefore = windows.sites();
    ConfigLocation location = new ConfigLocation(runtime, bitness, ConfigKind.MACHINE_CONFIG);
    String path = MachineKeyWriteIT.path(windows, location);
    byte[] fileBefore = windows.readFile(path).orElseThrow();

    RestoreResult restored;
    try (WinRmSession session = farm.open(host)) {
      HostDriver driver = FarmHosts.driver(session);
      driver.backup(STEP);
      assertThat(driver.hasBackup(STEP)).isTrue();
      driver.changeSiteId("Shop", oldId, newId);
      driver.writeMachineKey(location, MachineKeyWriteIT.farmKey(), STEP);
      assertThat(windows.site("Shop").orElseThrow().id()).isEqualTo(newId);
      assertThat(windows.readFile(path).orElseThrow()).isNotEqualTo(fileBefore);

      restored = driver.restore(STEP, List.of("Shop"));
    }

    SiteView shop = windows.site("Shop").orElseThrow();
    assertThat(shop.id()).isEqualTo(oldId);
    assertThat(shop.started()).as("Shop runs again").isTrue();
    assertThat(shop.appRoot()).as("AppRoot as backed up").isEqualTo(shopBefore.appRoot());
    assertThat(shop.applications()).isEqualTo(shopBefore.applications());
    assertThat(windows.sites()).isEqualTo(sitesBefore);
    assertThat(windows.readFile(path)).hasValueSatisfying(b -> assertThat(b).isEqualTo(fileBefore));
    assertThat(restored.filesRestored()).containsExactly(location.label().replace(' ', '/'));
    assertThat(restored.after().sitesNamed("Shop")).singleElement()
        .satisfies(s -> assertThat(s.id()).isEqualTo(oldId));
    MachineKeyWriteIT.assertNoTempFileLeft(windows);
  }
}
