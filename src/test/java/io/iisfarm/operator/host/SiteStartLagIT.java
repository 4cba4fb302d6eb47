package io.iisfarm.operator.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.simulator.wsman.JournalEntry;
import io.iisfarm.operator.winrm.WinRmSession;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * IIS applies a site ID change asynchronously: for a moment after {@code appcmd set site /id:} (or IIS6's MOVE)
 * a start fails and the site's state reads Unknown. The driver starts the site again within a bound, on
 * simulated hosts whose lag is set by {@code options.siteStartLag}.
 */
class SiteStartLagIT {
  @RegisterExtension
  static final SecretScan SECRETS = new SecretScan();

  private static final String KEY = "{validationKey: 5C1E2A3B4D5F60718293A4B5C6D7E8F90123456789ABCDEF0123456789ABCDEF,"
      + " decryptionKey: 00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF}";
  private static final String FARM = """
      hosts:
        - name: web10
          os: server2019
          options: {siteStartLag: 2s}
          winrm: {auth: [basic]}
          frameworks: [{runtime: v4.0, bitness: 64, machineConfig: {machineKey: %s}}]
          sites:
            - {name: Shop, id: 7, bindings: ["http/*:80:shop"], physicalPath: 'D:\\Sites\\Shop'}
            - {name: Api, id: 8, bindings: ["http/*:80:api"], physicalPath: 'D:\\Sites\\Api'}
        - name: web06
          os: server2003
          options: {siteStartLag: 2s}
          winrm: {auth: [basic]}
          frameworks: [{runtime: v2.0, bitness: 32}]
          sites:
            - {name: Shop, id: 7, bindings: ["http/*:80:shop"], physicalPath: 'D:\\Sites\\Shop'}
            - {name: Api, id: 8, bindings: ["http/*:80:api"], physicalPath: 'D:\\Sites\\Api'}
      """.formatted(KEY);

  private static WindowsVariantsFarm farm;

  @BeforeAll
  static void start() {
    farm = new WindowsVariantsFarm(FARM, SECRETS);
  }

  @AfterAll
  static void stop() {
    farm.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"web10", "web06"})
  void aSiteStartedRightAfterItsIdChangedIsStartedAgainUntilItRuns(String host) {
    farm.host(host).resetInspection();
    try (WinRmSession session = farm.open(host)) {
      SiteIdChange change = FarmHosts.driver(session).changeSiteId("Shop", 7, 2);
      assertThat(change.after().id()).isEqualTo(2);
      assertThat(change.after().isStarted()).isTrue();
      assertThat(change.started()).containsExactly("Shop");
    }
    List<JournalEntry> starts = farm.host(host).journal().entries().stream()
        .filter(e -> e.commandLine().contains("start site") || e.commandLine().contains("START_SERVER")).toList();
    assertThat(starts.size()).as("the first start fails while the change is pending").isGreaterThan(1);
    assertThat(starts.get(0).exitCode()).isNotZero();
    assertThat(starts.get(starts.size() - 1).exitCode()).isZero();
    assertThat(farm.host(host).windows().site("Shop").orElseThrow().started()).isTrue();
  }

  @Test
  void aSiteThatDoesNotStartWithinTheBoundFailsVerificationNamingTheLastError() {
    // one try, as a driver without the wait did: IIS has not applied the change yet
    try (WinRmSession session = farm.open("web10")) {
      HostDriver driver = HostDrivers.open(session, new HostReader().read(session, ReadOptions.DEFAULT), false,
          Clock.systemUTC(), Duration.ZERO);
      Throwable thrown = SECRETS.thrownBy(() -> driver.changeSiteId("Api", 8, 3));
      assertThat(thrown).isInstanceOf(VerificationFailedException.class)
          .hasMessageContaining("did not start again within 0s")
          .hasMessageContaining("state Unknown")
          .hasMessageContaining("exit code 4312");
    }
  }
}
