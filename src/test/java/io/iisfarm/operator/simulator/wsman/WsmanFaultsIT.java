package io.iisfarm.operator.simulator.wsman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each injected fault gives what a client sees from a real host in that trouble. */
class WsmanFaultsIT {
  private WsmanRuntime runtime;
  private ScriptedWindows windows;
  private WsmanServer server;
  private RawWsman client;

  @BeforeEach
  void start() {
    // one I/O loop: a blocked loop would stall every other request
    runtime = WsmanRuntime.create(1, 2);
    windows = new ScriptedWindows();
    server = new WsmanServer(WsmanServerConfig.http("WEB01", "Administrator", "pw"), windows,
        runtime, null).start();
    client = new RawWsman(server.endpoint(), "Administrator", "pw");
  }

  @AfterEach
  void stop() {
    windows.releaseWaiting();
    server.close();
    runtime.close();
  }

  @Test
  void latencyDelaysRequestsWithoutBlockingTheSharedLoop() throws Exception {
    WsmanServer other = new WsmanServer(WsmanServerConfig.http("WEB02", "Administrator", "pw"),
        new ScriptedWindows(), runtime, null).start();
    try {
      server.faults().latency(Duration.ofSeconds(5));
      long started = System.nanoTime();
      CompletableFuture<RawWsman.Reply> slow = CompletableFuture.supplyAsync(() -> {
        try {
          return client.post(RawWsman.create(437));
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      Thread.sleep(200);

      RawWsman.Reply fast = new RawWsman(other.endpoint(), "Administrator", "pw")
          .post(RawWsman.create(437));

      assertThat(fast.status()).isEqualTo(200);
      assertThat(slow).isNotDone();
      assertThat(slow.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(
          Duration.ofSeconds(5));
    } finally {
      other.close();
    }
  }

  @Test
  void refusedConnectionsUntilTheHostIsBackOnTheSamePort() throws Exception {
    int port = server.port();
    String shellId = client.createShell(437);

    server.faults().refuseConnections(true);
    // a new connection is refused; the client's kept-alive one was reset
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class);
    assertThatThrownBy(() -> client.post(RawWsman.create(437))).isInstanceOf(IOException.class);

    server.faults().refuseConnections(false);
    assertThat(server.port()).isEqualTo(port);
    assertThat(client.post(RawWsman.create(437)).status()).isEqualTo(200);
    // a host that went down lost its shells
    assertThat(client.post(RawWsman.command(shellId, "ver", UUID.randomUUID())).status())
        .isEqualTo(500);
  }

  @Test
  void alwaysUnauthorizedAnswers401WithTheSchemesOffered() throws Exception {
    server.faults().alwaysUnauthorized(true);

    RawWsman.Reply reply = client.post(RawWsman.create(437));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.headers().get("WWW-Authenticate")).containsExactly("Basic realm=\"WSMAN\"");
    assertThat(reply.body()).isEmpty();
    assertThat(server.counters().shellsCreated()).isZero();
  }

  @Test
  void wrongCredentialsAre401Too() throws Exception {
    RawWsman.Reply reply = new RawWsman(server.endpoint(), "Administrator", "nope")
        .post(RawWsman.create(437));
    assertThat(reply.status()).isEqualTo(401);
  }

  @Test
  void chosenOperationGetsAWsmanFault() throws Exception {
    server.faults().faultOn(WsmanOperation.COMMAND, WsmanFaultKind.ACCESS_DENIED);
    String shellId = client.createShell(437);

    RawWsman.Reply reply = client.post(RawWsman.command(shellId, "change", UUID.randomUUID()));

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.xml().getElementsByTagNameNS("*", "Value").item(0).getTextContent())
        .isEqualTo("s:Sender");
    assertThat(reply.xml().getElementsByTagNameNS("*", "Value").item(1).getTextContent())
        .isEqualTo("w:AccessDenied");
    assertThat(reply.attribute("WSManFault", "Code")).isEqualTo("5");
    assertThat(reply.text("Message")).isEqualTo("Access is denied. ");
    assertThat(windows.changes()).isZero();

    server.faults().clearFaultOn(WsmanOperation.COMMAND);
    assertThat(client.post(RawWsman.command(shellId, "ver", UUID.randomUUID())).status())
        .isEqualTo(200);
  }

  @Test
  void hangingHostAcceptsButNeverAnswers() throws Exception {
    server.faults().hang(true);

    assertThatThrownBy(() -> client.readTimeout(Duration.ofSeconds(1)).post(RawWsman.create(437)))
        .isInstanceOf(SocketTimeoutException.class);
    assertThat(server.counters().httpRequests()).isEqualTo(1);
    assertThat(server.counters().shellsCreated()).isZero();
  }

  @Test
  void connectionDroppedBeforeTheNthCommandRuns() throws Exception {
    String shellId = client.createShell(437);
    server.faults().dropConnectionOnCommand(2, HostFaults.DropPoint.BEFORE_RUN);

    client.run(shellId, "echo one");
    assertThatThrownBy(() -> client.post(RawWsman.command(shellId, "change", UUID.randomUUID())))
        .isInstanceOf(IOException.class);
    client.run(shellId, "echo three");

    assertThat(windows.changes()).isZero();
    assertThat(server.journal().commandLines()).containsExactly("echo one", "echo three");
  }

  @Test
  void connectionDroppedAfterTheCommandRanButBeforeTheReply() throws Exception {
    String shellId = client.createShell(437);
    server.faults().dropConnectionOnCommand(1, HostFaults.DropPoint.AFTER_RUN);

    assertThatThrownBy(() -> client.post(RawWsman.command(shellId, "change", UUID.randomUUID())))
        .isInstanceOf(IOException.class);

    assertThat(windows.changes()).isEqualTo(1);
    assertThat(server.journal().changes()).extracting(JournalEntry::commandLine)
        .containsExactly("change");
    assertThat(client.command(shellId, "ver")).isNotBlank();
  }

  @Test
  void matchingCommandLinesFailWithTheGivenExitCodeAndStderr() throws Exception {
    server.faults().failCommands("^chan", 5, "ERROR ( message:Access is denied. )\r\n");
    String shellId = client.createShell(437);
    String commandId = client.command(shellId, "change");

    RawWsman.Reply reply = client.post(RawWsman.receive(shellId, commandId, "PT20S"));

    assertThat(reply.text("ExitCode")).isEqualTo("5");
    assertThat(new String(java.util.Base64.getDecoder().decode(reply.text("Stream"))))
        .isEqualTo("ERROR ( message:Access is denied. )\r\n");
    assertThat(windows.changes()).isZero();
    assertThat(server.journal().entries()).singleElement()
        .satisfies(e -> {
          assertThat(e.exitCode()).isEqualTo(5);
          assertThat(e.changedHost()).isFalse();
        });
  }
}
