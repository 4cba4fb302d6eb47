package io.iisfarm.operator.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iisfarm.operator.simulator.wsman.WsmanFaultKind;
import io.iisfarm.operator.simulator.wsman.WsmanOperation;
import io.iisfarm.operator.winrm.CommandOutput;
import io.iisfarm.operator.winrm.WinRmConnector;
import io.iisfarm.operator.winrm.WinRmCredentials;
import io.iisfarm.operator.winrm.WinRmEndpoint;
import io.iisfarm.operator.winrm.WinRmSession;
import io.iisfarm.operator.winrm.WsManFaultException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A host as Windows ships WinRM over plain HTTP: Negotiate (NTLM) only, AllowUnencrypted false, so every
 * message is sealed with the NTLM session key (MS-WSMV 2.2.9.1.1). pywinrm, written by others, proves the
 * simulator seals as Windows does; the operator's client (winrm4j's message encryption) is held to it.
 */
class NtlmOverHttpIT {
  private static SimulatedFarm farm;
  private static WinRmConnector connector;

  @BeforeAll
  static void start() {
    farm = SimulatedFarm.fromYaml("""
        hosts:
          - name: web05
            os: server2019
            winrm: {transport: http, username: Administrator, password: Ntlm-Http-P4ss}
            frameworks: [{runtime: v4.0, bitness: 64}]
            sites: [{name: Shop, id: 2, physicalPath: 'D:\\Sites\\Shop'}]
          - name: web06
            os: server2019
            winrm: {transport: http, username: Administrator, password: Ntlm-Http-P4ss}
        """);
    connector = new WinRmConnector();
  }

  @AfterAll
  static void stop() {
    connector.close();
    farm.close();
  }

  private static SimulatedHost host() {
    return farm.host("web05");
  }

  private static WinRmEndpoint endpoint(WinRmEndpoint.Auth auth) {
    return WinRmEndpoint.http("127.0.0.1").port(host().port()).auth(auth).build();
  }

  @Test
  void pywinrmRunsCommandsOverSealedNtlmMessages() throws Exception {
    Pywinrm.requireInstalled();
    Pywinrm.Run run = Pywinrm.run(host().endpoint().toString(), host().username(), host().password(), null, 437,
        "ntlm", List.of("ver", "%windir%\\system32\\inetsrv\\appcmd.exe list site /xml"));
    assertThat(run.results().get(0).stdout()).contains("[Version 10.0.17763.1]");
    assertThat(run.results().get(1).stdout()).contains("SITE.NAME=\"Shop\"");
  }

  @Test
  void theOperatorRunsCommandsOverSealedNtlmMessages() {
    try (WinRmSession session = connector.open(endpoint(WinRmEndpoint.Auth.NTLM),
        WinRmCredentials.of(host().username(), host().password()))) {
      CommandOutput ver = session.run("ver");
      assertThat(ver.stdout()).contains("[Version 10.0.17763.1]");
      // several sealed messages in a row on one connection: sequence numbers and RC4 streams stay in step
      for (int i = 0; i < 5; i++) {
        assertThat(session.run("echo " + i).stdout()).isEqualTo(i + "\r\n");
      }
    }
  }

  @Test
  void aClientKeptFromOneSessionToTheNextStillSealsInStep() {
    SimulatedHost web06 = farm.host("web06");
    WinRmCredentials credentials = WinRmCredentials.of(web06.username(), web06.password());
    WinRmEndpoint endpoint = WinRmEndpoint.http("127.0.0.1").port(web06.port()).auth(WinRmEndpoint.Auth.NTLM).build();
    try (WinRmConnector own = new WinRmConnector()) {
      for (int i = 0; i < 3; i++) {
        try (WinRmSession session = own.open(endpoint, credentials)) {
          assertThat(session.run("echo " + i).stdout()).isEqualTo(i + "\r\n");
        }
        if (i == 1) {
          // the next session authenticates a new connection: new session keys in the kept client
          Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> web06.counters().connectionsOpen() == 0);
        }
      }
      assertThat(own.idleClients()).isEqualTo(1);
    }
  }

  @Test
  void sessionsOpenAtOnceShareOneIoReactorInsteadOfStartingOneEach() {
    WinRmCredentials credentials = WinRmCredentials.of(host().username(), host().password());
    List<WinRmSession> open = new ArrayList<>();
    try (WinRmConnector own = new WinRmConnector()) {
      long before = ioDispatcherThreads();
      try {
        for (int i = 0; i < 6; i++) {
          WinRmSession session = own.open(endpoint(WinRmEndpoint.Auth.NTLM), credentials);
          open.add(session);
          session.run("ver");
        }
        // one reactor has a dispatcher thread per CPU; a reactor per sealed-message client had six times as many
        assertThat(ioDispatcherThreads() - before).isLessThanOrEqualTo(Runtime.getRuntime().availableProcessors());
      } finally {
        open.forEach(WinRmSession::close);
      }
    }
  }

  private static long ioDispatcherThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("I/O dispatcher")).count();
  }

  @Test
  void aSealedFaultReachesTheOperatorAsTheFaultItIs() {
    try (WinRmSession session = connector.open(endpoint(WinRmEndpoint.Auth.NTLM),
        WinRmCredentials.of(host().username(), host().password()))) {
      host().faults().faultOn(WsmanOperation.COMMAND, WsmanFaultKind.ACCESS_DENIED);
      assertThatThrownBy(() -> session.run("ver")).isInstanceOfSatisfying(WsManFaultException.class,
          e -> assertThat(e.code()).isEqualTo("5"));
    } finally {
      host().faults().clear();
    }
  }

  @Test
  void theConnectionOfAFailedSessionStillClosesOnceIdle() {
    SimulatedHost web06 = farm.host("web06");
    WinRmEndpoint ntlm = WinRmEndpoint.http("127.0.0.1").port(web06.port()).auth(WinRmEndpoint.Auth.NTLM).build();
    WinRmCredentials credentials = WinRmCredentials.of(web06.username(), web06.password());
    try (WinRmConnector own = new WinRmConnector()) {
      try (WinRmSession session = own.open(ntlm, credentials)) {
        web06.faults().faultOn(WsmanOperation.COMMAND, WsmanFaultKind.ACCESS_DENIED);
        assertThatThrownBy(() -> session.run("ver")).isInstanceOf(WsManFaultException.class);
      } finally {
        web06.faults().clear();
      }
      // the connector's one pool keeps no connection a failure left behind (bound: generous)
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> web06.counters().connectionsOpen() == 0);
    }
  }

  @Test
  void basicOverHttpIsRefusedWhileAllowUnencryptedIsFalseAndTheOperatorSaysWhy() {
    assertThatThrownBy(() -> connector.open(endpoint(WinRmEndpoint.Auth.BASIC),
        WinRmCredentials.of(host().username(), host().password())))
        .hasMessageContaining("401")
        .hasMessageContaining("does not accept Basic")
        .hasMessageContaining("AllowUnencrypted");
  }
}
