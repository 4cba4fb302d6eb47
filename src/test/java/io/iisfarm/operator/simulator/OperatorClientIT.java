package io.iisfarm.operator.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iisfarm.operator.winrm.AuthenticationFailedException;
import io.iisfarm.operator.winrm.CommandOutput;
import io.iisfarm.operator.winrm.HostUnreachableException;
import io.iisfarm.operator.winrm.TlsOptions;
import io.iisfarm.operator.winrm.WinRmConnector;
import io.iisfarm.operator.winrm.WinRmCredentials;
import io.iisfarm.operator.winrm.WinRmEndpoint;
import io.iisfarm.operator.winrm.WinRmSession;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The operator's own WinRM client against simulated hosts, the way it reaches real ones. */
class OperatorClientIT {
  private static SimulatedFarm farm;
  private static WinRmConnector connector;

  @BeforeAll
  static void start() throws Exception {
    farm = SimulatedFarm.fromYaml(new String(Objects.requireNonNull(OperatorClientIT.class
        .getResourceAsStream("/simulator/windows-farm.yaml")).readAllBytes(),
        StandardCharsets.UTF_8));
    connector = new WinRmConnector();
  }

  @AfterAll
  static void stop() {
    connector.close();
    farm.close();
  }

  private static WinRmEndpoint endpoint(SimulatedHost host, WinRmEndpoint.Auth auth) {
    WinRmEndpoint.Builder builder = host.https() ? WinRmEndpoint.https("127.0.0.1")
        : WinRmEndpoint.http("127.0.0.1");
    return builder.port(host.port()).auth(auth)
        .tls(TlsOptions.DEFAULT.withCaPem(farm.caPem()).withAllowLegacyTls(host.legacyTls()))
        .build();
  }

  private static WinRmCredentials credentials(SimulatedHost host) {
    return WinRmCredentials.of(host.username(), host.password());
  }

  @Test
  void basicAndNtlmOverHttpsReuseOneShell() {
    SimulatedHost host = farm.host("iis10");
    host.resetInspection();
    for (WinRmEndpoint.Auth auth : WinRmEndpoint.Auth.values()) {
      try (WinRmSession session = connector.open(endpoint(host, auth), credentials(host))) {
        CommandOutput ver = session.run("ver");
        CommandOutput hostname = session.run("hostname");
        assertThat(ver.exitCode()).isZero();
        assertThat(ver.stdout()).contains("Microsoft Windows [Version 10.0.17763.1]");
        assertThat(hostname.stdout()).isEqualToIgnoringCase("iis10\r\n");
      }
    }
    assertThat(host.counters().shellsCreated()).isEqualTo(2);
    assertThat(host.counters().shellsOpen()).isZero();
  }

  @Test
  void connectionToAHostClosesSoonAfterItsSessionInsteadOfStayingUntilTheNextCheck() {
    SimulatedHost host = farm.host("iis10");
    try (WinRmConnector own = new WinRmConnector();
        WinRmSession session = own.open(endpoint(host, WinRmEndpoint.Auth.BASIC), credentials(host))) {
      session.run("ver");
      assertThat(host.counters().connectionsOpen()).isPositive();
      session.close();
      // kept-alive connections cost memory per host: they close after a few idle seconds (bound: generous)
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> host.counters().connectionsOpen() == 0);
    }
  }

  @Test
  void server2003OverTls10WhenAllowed() {
    SimulatedHost host = farm.host("iis6tls");
    try (WinRmSession session = connector.open(endpoint(host, WinRmEndpoint.Auth.BASIC),
        credentials(host))) {
      assertThat(session.run("ver").stdout()).contains("[Version 5.2.3790]");
    }
  }

  @Test
  void server2008r2OffersOnlyTls10ByDefaultAndTheFailureSaysWhatToChange() throws Exception {
    try (SimulatedFarm r2 = SimulatedFarm.fromYaml("hosts:\n  - {name: r2, os: server2008r2, winrm: {auth: [basic]}}\n");
        WinRmConnector own = new WinRmConnector()) {
      SimulatedHost host = r2.host("r2");
      assertThat(host.legacyTls()).as("SCHANNEL's default on 2008 R2").isTrue();
      WinRmEndpoint modern = WinRmEndpoint.https("127.0.0.1").port(host.port()).auth(WinRmEndpoint.Auth.BASIC)
          .tls(TlsOptions.DEFAULT.withCaPem(r2.caPem())).build();
      assertThatThrownBy(() -> own.open(modern, credentials(host)))
          .isInstanceOf(io.iisfarm.operator.winrm.TlsException.class)
          .hasMessageContaining("2008 R2").hasMessageContaining("TLS 1.2").hasMessageContaining("allowLegacyTls");
      try (WinRmSession session = own.open(modern.withTls(modern.tls().withAllowLegacyTls(true)), credentials(host))) {
        assertThat(session.run("ver").stdout()).contains("[Version 6.1.7601]");
      }
    }
  }

  @Test
  void basicAgainstAHostThatShipsWithBasicOffSaysSoInsteadOfBlamingThePassword() throws Exception {
    // WinRM's defaults: Negotiate on, Basic off
    try (SimulatedFarm defaults = SimulatedFarm.fromYaml("hosts:\n  - {name: w1, os: server2019}\n");
        WinRmConnector own = new WinRmConnector()) {
      SimulatedHost host = defaults.host("w1");
      WinRmEndpoint basic = WinRmEndpoint.https("127.0.0.1").port(host.port()).auth(WinRmEndpoint.Auth.BASIC)
          .tls(TlsOptions.DEFAULT.withCaPem(defaults.caPem())).build();
      assertThatThrownBy(() -> own.open(basic, credentials(host)))
          .isInstanceOf(AuthenticationFailedException.class)
          .hasMessageContaining("does not accept Basic (it offers Negotiate)")
          .hasMessageContaining("winrm set winrm/config/service/auth");
      try (WinRmSession session = own.open(WinRmEndpoint.https("127.0.0.1").port(host.port())
          .auth(WinRmEndpoint.Auth.NTLM).tls(TlsOptions.DEFAULT.withCaPem(defaults.caPem())).build(),
          credentials(host))) {
        assertThat(session.run("ver").exitCode()).isZero();
      }
    }
  }

  @Test
  void aLocalAccountWhoseTokenUacFiltersIsRefusedAndTheMessageNamesTheSetting() throws Exception {
    try (SimulatedFarm filtered = SimulatedFarm.fromYaml("hosts:\n  - {name: w2, os: server2019, winrm:"
        + " {auth: [basic, ntlm], username: deploy, filteredLocalAccount: true}}\n");
        WinRmConnector own = new WinRmConnector()) {
      SimulatedHost host = filtered.host("w2");
      for (WinRmEndpoint.Auth auth : WinRmEndpoint.Auth.values()) {
        WinRmEndpoint endpoint = WinRmEndpoint.https("127.0.0.1").port(host.port()).auth(auth)
            .connectTimeout(Duration.ofSeconds(5)).operationTimeout(Duration.ofSeconds(10))
            .tls(TlsOptions.DEFAULT.withCaPem(filtered.caPem())).build();
        assertThatThrownBy(() -> own.open(endpoint, credentials(host)))
            .isInstanceOf(AuthenticationFailedException.class)
            .hasMessageContaining("LocalAccountTokenFilterPolicy=1")
            .hasMessageNotContaining(host.password());
      }
      assertThat(host.counters().shellsCreated()).isZero();
    }
  }

  @Test
  void refusedAndRejectedHostsAreReportedAsSuch() {
    SimulatedHost host = farm.host("iis6");
    WinRmEndpoint endpoint = endpoint(host, WinRmEndpoint.Auth.BASIC);
    try {
      host.faults().alwaysUnauthorized(true);
      assertThatThrownBy(() -> {
        try (WinRmSession session = connector.open(endpoint, credentials(host))) {
          session.run("ver");
        }
      }).isInstanceOf(AuthenticationFailedException.class);

      host.faults().alwaysUnauthorized(false).refuseConnections(true);
      assertThatThrownBy(() -> {
        try (WinRmSession session = connector.open(endpoint, credentials(host))) {
          session.run("ver");
        }
      }).isInstanceOf(HostUnreachableException.class);
    } finally {
      host.faults().clear();
    }
  }
}
