package io.iisfarm.operator.winrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the connector keeps between sessions: a winrm4j client per host and credentials. */
class WinRmClientReuseIT {
  private static final String PASSWORD = "S3cret-Pa55word!";
  private static final WinRmCredentials DEPLOY = WinRmCredentials.of("deploy", PASSWORD);

  private final MockWebServer server = new MockWebServer();
  private final FakeWsMan wsman = new FakeWsMan();
  private WinRmConnector connector;
  private WinRmEndpoint endpoint;

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(wsman);
    server.start();
    connector = new WinRmConnector();
    endpoint = WinRmEndpoint.http("127.0.0.1").port(server.getPort()).auth(WinRmEndpoint.Auth.BASIC)
        .connectTimeout(Duration.ofSeconds(2)).operationTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterEach
  void stop() throws Exception {
    connector.close();
    server.shutdown();
  }

  @Test
  void sessionsOneAfterAnotherToAHostReuseOneClient() {
    for (int i = 0; i < 3; i++) {
      try (WinRmSession session = connector.open(endpoint, DEPLOY)) {
        assertThat(session.run("echo hi").stdout()).isEqualTo("hi\r\n");
      }
    }
    assertThat(connector.idleClients()).isEqualTo(1);
    assertThat(wsman.count(FakeWsMan.CREATE)).isEqualTo(3);
    assertThat(wsman.count(FakeWsMan.DELETE)).as("each session still deletes its shell").isEqualTo(3);
  }

  @Test
  void otherCredentialsGetAClientOfTheirOwn() {
    try (WinRmSession a = connector.open(endpoint, DEPLOY);
        WinRmSession b = connector.open(endpoint, WinRmCredentials.of("other", PASSWORD))) {
      a.run("echo hi");
      b.run("echo hi");
    }
    assertThat(connector.idleClients()).isEqualTo(2);
  }

  @Test
  void aClientWhoseSessionFailedIsNotKept() {
    wsman.overrides.put(FakeWsMan.COMMAND, r -> FakeWsMan.wsManFault("2150858843", "The request is not valid."));
    try (WinRmSession session = connector.open(endpoint, DEPLOY)) {
      assertThatThrownBy(() -> session.run("echo hi")).isInstanceOf(WsManFaultException.class);
    }
    assertThat(connector.idleClients()).isZero();
  }

  @Test
  void aClosedConnectorKeepsNoClient() {
    try (WinRmSession session = connector.open(endpoint, DEPLOY)) {
      session.run("echo hi");
    }
    connector.close();
    assertThat(connector.idleClients()).isZero();
  }
}
