package io.iisfarm.operator.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.simulator.windows.DriftAction;
import io.iisfarm.operator.simulator.wsman.WsmanFaultKind;
import io.iisfarm.operator.simulator.wsman.WsmanOperation;
import io.iisfarm.operator.winrm.AuthenticationFailedException;
import io.iisfarm.operator.winrm.CommandFailedException;
import io.iisfarm.operator.winrm.HostUnreachableException;
import io.iisfarm.operator.winrm.WinRmCredentials;
import io.iisfarm.operator.winrm.WinRmEndpoint;
import io.iisfarm.operator.winrm.WinRmSession;
import io.iisfarm.operator.winrm.WinRmTimeoutException;
import io.iisfarm.operator.winrm.WsManFaultException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a read or a change meets when a host is in trouble, against the sample farm's hosts with the
 * simulator's faults: each failure arrives as its own type, carrying what the caller needs (phase, fault
 * code, exit code, stderr) and no secret.
 */
class HostFailuresIT {
  @RegisterExtension
  static final SecretScan SECRETS = new SecretScan();
  private static final String WRONG_PASSWORD = "Wrong-Pa55word-7c1e";
  private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(2);
  private static FarmHosts farm;

  @BeforeAll
  static void start() {
    farm = FarmHosts.start(SECRETS);
    SECRETS.password(WRONG_PASSWORD);
  }

  @AfterAll
  static void stop() {
    farm.close();
  }

  @AfterEach
  void clearFaults() {
    for (String host : new String[] {FarmHosts.IIS6, FarmHosts.IIS10}) {
      farm.host(host).faults().clear();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {FarmHosts.IIS6, FarmHosts.IIS10})
  void aWrongPasswordIsAnAuthenticationFailure(String host) {
    WinRmCredentials wrong = WinRmCredentials.of(farm.host(host).username(), WRONG_PASSWORD);
    long shells = farm.host(host).counters().shellsCreated();
    Throwable thrown = SECRETS.thrownBy(() -> farm.connector().open(farm.endpointBuilder(host).build(), wrong));
    assertThat(thrown).isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("401");
    assertThat(farm.host(host).counters().shellsCreated()).isEqualTo(shells);
  }

  @Test
  void aRefusedConnectionIsAnUnreachableHost() {
    SimulatedHost host = farm.host(FarmHosts.IIS10);
    host.faults().refuseConnections(true);
    long start = System.nanoTime();
    Throwable thrown = SECRETS.thrownBy(() -> {
      try (WinRmSession session = farm.open(FarmHosts.IIS10)) {
        new HostReader().read(session, ReadOptions.DEFAULT);
      }
    });
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(thrown).isInstanceOf(HostUnreachableException.class);
    // no hidden retries: winrm4j's default would try 16 times, 5 s apart
    assertThat(took).as("a refused connection fails at once").isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aHostThatStopsListeningDuringASessionIsAnUnreachableHost() {
    try (WinRmSession session = farm.open(FarmHosts.IIS6)) {
      new HostReader().read(session, ReadOptions.DEFAULT);
      farm.host(FarmHosts.IIS6).faults().refuseConnections(true);
      Throwable thrown = SECRETS.thrownBy(() -> new HostReader().read(session, ReadOptions.DEFAULT));
      assertThat(thrown).isInstanceOf(HostUnreachableException.class);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"open", "read"})
  void aHangingHostIsATimeoutHonoured(String when) {
    WinRmEndpoint endpoint = farm.endpointBuilder(FarmHosts.IIS10).operationTimeout(OPERATION_TIMEOUT).build();
    assertThat(endpoint.auth()).isEqualTo(WinRmEndpoint.Auth.BASIC);
    SimulatedHost host = farm.host(FarmHosts.IIS10);
    WinRmSession session = when.equals("read") ? farm.connector().open(endpoint, farm.credentials(FarmHosts.IIS10)) : null;
    try {
      host.faults().hang(true);
      long start = System.nanoTime();
      Throwable thrown = SECRETS.thrownBy(() -> {
        if (session == null) {
          farm.connector().open(endpoint, farm.credentials(FarmHosts.IIS10));
        } else {
          new HostReader().read(session, ReadOptions.DEFAULT);
        }
      });
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

      assertThat(thrown).isInstanceOfSatisfying(WinRmTimeoutException.class, e -> {
        assertThat(e.phase()).isEqualTo(WinRmTimeoutException.Phase.RESPONSE);
        assertThat(e.limit()).isEqualTo(OPERATION_TIMEOUT);
      });
      // waited for the timeout; then gave up, within several times it on a loaded machine
      assertThat(elapsed).isGreaterThanOrEqualTo(OPERATION_TIMEOUT.minusMillis(100))
          .isLessThan(OPERATION_TIMEOUT.multipliedBy(4));
    } finally {
      if (session != null) {
        session.close();
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"COMMAND, ACCESS_DENIED, 5", "CREATE, QUOTA_LIMIT, 2150859173", "RECEIVE, INVALID_SELECTORS, 2150858843"})
  void aWsManFaultCarriesItsCodeAndTheShellIsStillDeleted(WsmanOperation operation, WsmanFaultKind fault, String code) {
    SimulatedHost host = farm.host(FarmHosts.IIS6);
    int shells = host.counters().shellsOpen();
    host.faults().faultOn(operation, fault);
    Throwable thrown = SECRETS.thrownBy(() -> {
      try (WinRmSession session = farm.open(FarmHosts.IIS6)) {
        new HostReader().read(session, ReadOptions.DEFAULT);
      }
    });
    assertThat(thrown).isInstanceOfSatisfying(WsManFaultException.class, e -> assertThat(e.code()).isEqualTo(code))
        .hasMessageContaining(code);
    assertThat(host.counters().shellsOpen()).as("no shell left on the host").isEqualTo(shells);
  }

  @Test
  void aRejectedCommandIsACommandFailureWithExitCodeAndStderr() {
    SimulatedHost host = farm.host(FarmHosts.IIS10);
    host.faults().failCommands("appcmd\\.exe set site ", 5, "ERROR ( message:Access is denied. )\r\n");
    try (WinRmSession session = farm.open(FarmHosts.IIS10)) {
      HostDriver driver = FarmHosts.driver(session);
      Throwable thrown = SECRETS.thrownBy(() -> driver.changeSiteId("Shop", 5, 2));
      assertThat(thrown).isInstanceOfSatisfying(CommandFailedException.class, e -> {
        assertThat(e.exitCode()).isEqualTo(5);
        assertThat(e.stderrHead()).containsExactly("ERROR ( message:Access is denied. )");
        assertThat(e.action()).contains("set site /site.name:\"Shop\" /id:2");
      }).hasMessageContaining("exit code 5").hasMessageContaining("Access is denied.");
    }
    assertThat(host.windows().site("Shop").orElseThrow().id()).isEqualTo(5);
  }

  @Test
  void aSecondBackupUnderTheSameNameFailsAsAppcmdDoes() {
    BackupId id = BackupId.at(Instant.parse("2026-03-01T12:00:00Z"));
    try (WinRmSession session = farm.open(FarmHosts.IIS10)) {
      HostDriver driver = FarmHosts.driver(session);
      driver.backup(id);
      Throwable thrown = SECRETS.thrownBy(() -> driver.backup(id));
      // appcmd exits with the Win32 code of HRESULT 0x800700b7, ERROR_ALREADY_EXISTS
      assertThat(thrown).isInstanceOfSatisfying(CommandFailedException.class, e -> {
        assertThat(e.exitCode()).isEqualTo(183);
        assertThat(e.stderrHead()).first().asString().startsWith("ERROR ( hresult:800700b7");
      });
    }
  }

  @Test
  void anIis6SiteMovedBehindTheDriversBackFailsWithAdsutilsError() throws Exception {
    SimulatedHost host = farm.host(FarmHosts.IIS6);
    try (WinRmSession session = farm.open(FarmHosts.IIS6)) {
      HostDriver driver = FarmHosts.driver(session);
      long shop = host.windows().site("Shop").orElseThrow().id();
      host.windows().applyDrift(DriftAction.fromTree(new YAMLMapper().readTree("{kind: siteId, site: Shop, id: 9}")));

      Throwable thrown = SECRETS.thrownBy(() -> driver.changeSiteId("Shop", shop, 7));

      // adsutil.vbs quits with the error number: 0x80070003, the path requested could not be found
      assertThat(thrown).isInstanceOfSatisfying(CommandFailedException.class, e -> {
        assertThat(e.exitCode()).isEqualTo(0x80070003);
        assertThat(String.join("\n", e.stderrHead())).contains("0x80070003");
        assertThat(e.action()).endsWith("STOP_SERVER W3SVC/" + shop);
      });
    } finally {
      host.windows().applyDrift(DriftAction.fromTree(new YAMLMapper().readTree("{kind: siteId, site: Shop, id: 1739249713}")));
    }
  }
}
