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
import java.util.List;
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
  void basicOverHttpIsRefusedWhileAllowUnencryptedIsFalseAndTheOperatorSaysWhy() {
    assertThatThrownBy(() -> connector.open(endpoint(WinRmEndpoint.Auth.BASIC),
        WinRmCredentials.of(host().username(), host().password())))
        .hasMessageContaining("401")
        .hasMessageContaining("does not accept Basic")
        .hasMessageContaining("AllowUnencrypted");
  }
}
