package io.iisfarm.operator.winrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transport against HTTP-level faults (garbage, 401, 500, hangs, closed ports, TLS problems) served by
 * mockwebserver. These are network faults, not host behaviour; hosts are tested against the simulator.
 */
class WinRmTransportIT {
  private static final String PASSWORD = "S3cret-Pa55word!";
  private static final WinRmCredentials CREDENTIALS = WinRmCredentials.of("CORP\\deploy", PASSWORD);
  /** The connect and operation timeouts of these tests. */
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  /**
   * How long a timeout honoured may take on a loaded 2-core machine: several times the timeout, and still far
   * below what winrm4j would take by itself (16 retries, 5 s apart).
   */
  private static final Duration HONOURED_WITHIN = TIMEOUT.multipliedBy(4);

  private final MockWebServer server = new MockWebServer();
  private final FakeWsMan wsman = new FakeWsMan();
  private final List<WinRmRequestEvent> events = new CopyOnWriteArrayList<>();
  private WinRmConnector connector;

  @BeforeEach
  void start() {
    server.setDispatcher(wsman);
    connector = new WinRmConnector(events::add);
  }

  @AfterEach
  void stop() throws Exception {
    connector.close();
    server.shutdown();
  }

  private WinRmEndpoint.Builder http(WinRmEndpoint.Auth auth) throws Exception {
    server.start();
    return WinRmEndpoint.http("127.0.0.1").port(server.getPort()).auth(auth)
        .connectTimeout(TIMEOUT).operationTimeout(TIMEOUT);
  }

  /** The call waited for the timeout, and gave up soon after it. */
  private static void assertTimeoutHonoured(long startNanos) {
    assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).isBetween(TIMEOUT.minusMillis(100), HONOURED_WITHIN);
  }

  @Test
  void runsManyCommandsOnOneShellAndReportsEachRequest() throws Exception {
    WinRmEndpoint endpoint = http(WinRmEndpoint.Auth.BASIC).build();
    wsman.requiredAuthorization = FakeWsMan.basic("deploy", PASSWORD);
    try (WinRmSession session = connector.open(endpoint, WinRmCredentials.of("deploy", PASSWORD))) {
      CommandOutput first = session.run("echo hi");
      wsman.stdout = "second\r\n";
      wsman.exitCode = 3;
      CommandOutput second = session.run("cmd /c exit 3");
      assertThat(first.stdout()).isEqualTo("hi\r\n");
      assertThat(first.exitCode()).isZero();
      assertThat(second.stdout()).isEqualTo("second\r\n");
      assertThat(second.exitCode()).isEqualTo(3);
    }
    assertThat(wsman.count(FakeWsMan.CREATE)).isEqualTo(1);
    assertThat(wsman.commands).containsExactly("echo hi", "cmd /c exit 3");
    assertThat(wsman.count(FakeWsMan.DELETE)).isEqualTo(1);
    assertThat(events).extracting(WinRmRequestEvent::operation).containsExactly(
        WinRmRequestEvent.Operation.OPEN_SHELL, WinRmRequestEvent.Operation.COMMAND,
        WinRmRequestEvent.Operation.COMMAND, WinRmRequestEvent.Operation.CLOSE_SHELL);
    assertThat(events).allMatch(WinRmRequestEvent::succeeded).allMatch(e -> e.host().equals(endpoint.label()));
  }

  @Test
  void wrongPasswordWithBasicIsAnAuthenticationFailure() throws Exception {
    WinRmEndpoint endpoint = http(WinRmEndpoint.Auth.BASIC).build();
    wsman.requiredAuthorization = FakeWsMan.basic("deploy", "another-password");
    assertThatThrownBy(() -> connector.open(endpoint, CREDENTIALS))
        .isInstanceOf(AuthenticationFailedException.class)
        .hasMessageContaining("401")
        .hasMessageContaining("credentials were rejected")
        .hasMessageContaining("LocalAccountTokenFilterPolicy")
        .satisfies(e -> assertNoSecret(e));
    assertThat(events).singleElement().satisfies(e -> assertThat(e.failure()).isEqualTo(WinRmException.Kind.AUTHENTICATION));
  }

  @Test
  void rejectedNtlmIsAnAuthenticationFailure() throws Exception {
    WinRmEndpoint endpoint = https(WinRmEndpoint.Auth.NTLM, new TlsOptions(certificates().caPem(), false, false));
    wsman.requiredAuthorization = "never matches";
    assertThatThrownBy(() -> connector.open(endpoint, CREDENTIALS))
        .isInstanceOf(AuthenticationFailedException.class)
        .satisfies(e -> assertNoSecret(e));
  }

  @Test
  void plainSoapFaultWithoutWsManDetailIsStillAFault() throws Exception {
    WinRmEndpoint endpoint = http(WinRmEndpoint.Auth.BASIC).build();
    wsman.overrides.put(FakeWsMan.CREATE, r -> new MockResponse().setResponseCode(500)
        .setHeader("Content-Type", "application/soap+xml;charset=UTF-8")
        .setBody("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body><s:Fault>"
            + "<s:Code><s:Value>s:Sender</s:Value></s:Code><s:Reason><s:Text xml:lang=\"en-US\">Access is denied.</s:Text>"
            + "</s:Reason></s:Fault></s:Body></s:Envelope>"));
    assertThatThrownBy(() -> connector.open(endpoint, CREDENTIALS))
        .isInstanceOfSatisfying(WsManFaultException.class, e -> {
          assertThat(e.code()).isNull();
          assertThat(e.reason()).isEqualTo("Access is denied.");
        });
  }

  @Test
  void garbageAnswerIsAProtocolError() throws Exception {
    WinRmEndpoint endpoint = http(WinRmEndpoint.Auth.BASIC).build();
    wsman.overrides.put(FakeWsMan.CREATE, r -> new MockResponse().setResponseCode(200)
        .setHeader("Content-Type", "application/soap+xml;charset=UTF-8").setBody("this is not XML at all"));
    assertThatThrownBy(() -> connector.open(endpoint, CREDENTIALS))
        .isInstanceOf(WinRmProtocolException.class)
        .hasMessageContaining("not a WS-Management message")
        .satisfies(e -> assertNoSecret(e));
  }

  @Test
  void http500WithAnHtmlPageIsAProtocolError() throws Exception {
    WinRmEndpoint endpoint = http(WinRmEndpoint.Auth.BASIC).build();
    wsman.overrides.put(FakeWsMan.CREATE, r -> new MockResponse().setResponseCode(500)
        .setHeader("Content-Type", "text/html").setBody("<html><body>Internal Server Error</body></html>"));
    assertThatThrownBy(() -> connector.open(endpoint, CREDENTIALS))
        .isInstanceOf(WinRmProtocolException.class)
        .satisfies(e -> assertNoSecret(e));
  }

  @Test
  void wsManFaultKeepsItsCode() throws Exception {
    WinRmEndpoint endpoint = http(WinRmEndpoint.Auth.BASIC).build();
    wsman.overrides.put(FakeWsMan.COMMAND, r -> FakeWsMan.wsManFault("2150858843",
        "The request for the Windows Remote Shell with ShellId AF161CE1 failed because the shell was not found on the server."));
    try (WinRmSession session = connector.open(endpoint, CREDENTIALS)) {
      assertThatThrownBy(() -> session.run("ver"))
          .isInstanceOfSatisfying(WsManFaultException.class, e -> {
            assertThat(e.code()).isEqualTo("2150858843");
            assertThat(e.reason()).contains("shell was not found");
          })
          .hasMessageContaining("2150858843");
    }
    assertThat(wsman.count(FakeWsMan.DELETE)).as("the host answered: its shell is deleted").isEqualTo(1);
  }

  @Test
  void hangIsATimeoutHonouredWithBasicAuth() throws Exception {
    WinRmEndpoint endpoint = http(WinRmEndpoint.Auth.BASIC).build();
    wsman.overrides.put(FakeWsMan.CREATE, r -> FakeWsMan.hang());
    long start = System.nanoTime();
    assertThatThrownBy(() -> connector.open(endpoint, CREDENTIALS))
        .isInstanceOfSatisfying(WinRmTimeoutException.class,
            e -> assertThat(e.phase()).isEqualTo(WinRmTimeoutException.Phase.RESPONSE));
    assertTimeoutHonoured(start);
    assertThat(wsman.count(FakeWsMan.CREATE)).as("no hidden retry").isEqualTo(1);
  }

  @Test
  void hangDuringACommandEndsTheCommandOnItsTimeoutEvenWhenEveryLaterRequestHangs() throws Exception {
    WinRmEndpoint endpoint = http(WinRmEndpoint.Auth.BASIC).build();
    try (WinRmSession session = connector.open(endpoint, CREDENTIALS)) {
      wsman.overrides.put(FakeWsMan.RECEIVE, r -> FakeWsMan.hang());
      wsman.overrides.put(FakeWsMan.SIGNAL, r -> FakeWsMan.hang());
      wsman.overrides.put(FakeWsMan.DELETE, r -> FakeWsMan.hang());
      long start = System.nanoTime();
      assertThatThrownBy(() -> session.run("ver")).isInstanceOf(WinRmTimeoutException.class);
      assertTimeoutHonoured(start);
      assertThatThrownBy(() -> session.run("ver")).as("a broken session says so at once")
          .isInstanceOf(WinRmTimeoutException.class);
      long closing = System.nanoTime();
      session.close();
      // waiting on the host would take a whole operation timeout
      assertThat(Duration.ofNanos(System.nanoTime() - closing)).as("no wait on a hung host").isLessThan(TIMEOUT);
    }
  }

  @Test
  void commandStillRunningAfterTheOperationTimeoutIsPolledAgain() throws Exception {
    WinRmEndpoint endpoint = http(WinRmEndpoint.Auth.BASIC).build();
    java.util.concurrent.atomic.AtomicInteger receives = new java.util.concurrent.atomic.AtomicInteger();
    try (WinRmSession session = connector.open(endpoint, CREDENTIALS)) {
      wsman.overrides.put(FakeWsMan.RECEIVE, r -> {
        if (receives.incrementAndGet() <= 2) {
          // MS-WSMV: no output within the OperationTimeout; the client must Receive again
          return FakeWsMan.wsManFault(WinRmErrors.OPERATION_TIMEOUT_CODE,
              "The WS-Management service cannot complete the operation within the time specified in OperationTimeout.");
        }
        return null;
      });
      assertThat(session.run("ping -n 100 127.0.0.1").stdout()).isEqualTo("hi\r\n");
    }
    assertThat(receives.get()).isEqualTo(3);
  }

  @Test
  void commandThatOutlivesTheCommandTimeoutIsATimeout() throws Exception {
    server.start();
    WinRmEndpoint endpoint = WinRmEndpoint.http("127.0.0.1").port(server.getPort()).auth(WinRmEndpoint.Auth.BASIC)
        .connectTimeout(Duration.ofSeconds(2)).operationTimeout(Duration.ofSeconds(2))
        .commandTimeout(Duration.ofMillis(300)).build();
    try (WinRmSession session = connector.open(endpoint, CREDENTIALS)) {
      wsman.overrides.put(FakeWsMan.RECEIVE, r -> {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return FakeWsMan.wsManFault(WinRmErrors.OPERATION_TIMEOUT_CODE, "no output yet");
      });
      assertThatThrownBy(() -> session.run("ping -n 100 127.0.0.1"))
          .isInstanceOfSatisfying(WinRmTimeoutException.class,
              e -> assertThat(e.phase()).isEqualTo(WinRmTimeoutException.Phase.COMMAND));
    }
  }

  @Test
  void commandThatOutlivesTheCommandTimeoutIsEndedOnTheHostAndItsShellDeleted() throws Exception {
    server.start();
    WinRmEndpoint endpoint = WinRmEndpoint.http("127.0.0.1").port(server.getPort()).auth(WinRmEndpoint.Auth.BASIC)
        .connectTimeout(Duration.ofSeconds(2)).operationTimeout(Duration.ofSeconds(2))
        .commandTimeout(Duration.ofMillis(300)).build();
    try (WinRmSession session = connector.open(endpoint, CREDENTIALS)) {
      wsman.overrides.put(FakeWsMan.RECEIVE, r -> FakeWsMan.wsManFault(WinRmErrors.OPERATION_TIMEOUT_CODE, "no output yet"));
      assertThatThrownBy(() -> session.run("ping -n 100 127.0.0.1")).isInstanceOf(WinRmTimeoutException.class);
    }
    // MaxShellsPerUser is 5 on WinRM 2.0: a command or shell left behind would count against it
    assertThat(wsman.count(FakeWsMan.SIGNAL)).as("terminate Signal for the command").isEqualTo(1);
    assertThat(wsman.count(FakeWsMan.DELETE)).as("the shell deleted").isEqualTo(1);
  }

  @Test
  void outputIsDecodedInTheShellsCodePageAcrossSeveralReceives() throws Exception {
    WinRmEndpoint endpoint = http(WinRmEndpoint.Auth.BASIC).build();
    // "Café ü" in code page 437 (é = 0x82, ü = 0x81), cut inside the name over two Receive responses
    wsman.stdoutChunks = List.of(new byte[] {'C', 'a', 'f'}, new byte[] {(byte) 0x82, ' ', (byte) 0x81, '\r', '\n'});
    try (WinRmSession session = connector.open(endpoint, CREDENTIALS)) {
      assertThat(session.run("echo Café ü").stdout()).isEqualTo("Café ü\r\n");
    }
    assertThat(wsman.count(FakeWsMan.RECEIVE)).isEqualTo(2);
  }

  @Test
  void shellIsCreatedInCodePage437() throws Exception {
    WinRmEndpoint endpoint = http(WinRmEndpoint.Auth.BASIC).build();
    try (WinRmSession session = connector.open(endpoint, CREDENTIALS)) {
      session.run("ver");
    }
    String create = server.takeRequest().getBody().readUtf8();
    assertThat(create).containsPattern("<(\\w+:)?Option Name=\"WINRS_CODEPAGE\">437</");
  }

  @Test
  void droppedConnectionIsReportedOnceWithoutRetry() throws Exception {
    WinRmEndpoint endpoint = http(WinRmEndpoint.Auth.BASIC).build();
    try (WinRmSession session = connector.open(endpoint, CREDENTIALS)) {
      wsman.overrides.put(FakeWsMan.COMMAND, r -> new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
      assertThatThrownBy(() -> session.run("ver")).isInstanceOf(HostUnreachableException.class);
    }
    assertThat(wsman.count(FakeWsMan.COMMAND)).isEqualTo(1);
  }

  @Test
  void closedPortIsUnreachableAtOnce() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    WinRmEndpoint endpoint = WinRmEndpoint.http("127.0.0.1").port(port).auth(WinRmEndpoint.Auth.BASIC)
        .connectTimeout(Duration.ofSeconds(10)).operationTimeout(Duration.ofSeconds(10)).build();
    long start = System.nanoTime();
    assertThatThrownBy(() -> connector.open(endpoint, CREDENTIALS))
        .isInstanceOf(HostUnreachableException.class)
        .hasMessageContaining("port " + port)
        .satisfies(e -> assertNoSecret(e));
    // a refusal takes milliseconds; half the connect timeout, and shorter than winrm4j's retry pause (5 s)
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no wait for the timeout, no retry pause")
        .isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void unknownHostNameIsUnreachable() {
    WinRmEndpoint endpoint = WinRmEndpoint.http("no-such-host.invalid").auth(WinRmEndpoint.Auth.BASIC)
        .connectTimeout(Duration.ofSeconds(2)).operationTimeout(Duration.ofSeconds(2)).build();
    assertThatThrownBy(() -> connector.open(endpoint, CREDENTIALS))
        .isInstanceOf(HostUnreachableException.class)
        .hasMessageContaining("no-such-host.invalid");
  }

  // ---- HTTPS ----

  private TestCertificates certificates;

  private TestCertificates certificates() throws Exception {
    if (certificates == null) {
      certificates = new TestCertificates();
    }
    return certificates;
  }

  private WinRmEndpoint https(WinRmEndpoint.Auth auth, TlsOptions tls, String... serverProtocols) throws Exception {
    server.useHttps(certificates().serverSocketFactory(serverProtocols), false);
    server.start();
    return WinRmEndpoint.https("127.0.0.1").port(server.getPort()).auth(auth).tls(tls)
        .connectTimeout(Duration.ofSeconds(2)).operationTimeout(Duration.ofSeconds(2)).build();
  }

  @Test
  void httpsWithTheHostsCaVerifiesAndOffersModernTlsOnly() throws Exception {
    WinRmEndpoint endpoint = https(WinRmEndpoint.Auth.BASIC, new TlsOptions(certificates().caPem(), false, false));
    try (WinRmSession session = connector.open(endpoint, CREDENTIALS)) {
      assertThat(session.run("echo hi").stdout()).isEqualTo("hi\r\n");
    }
    assertThat(server.takeRequest().getTlsVersion().javaName()).isIn("TLSv1.2", "TLSv1.3");
  }

  @Test
  void httpsHangIsATimeoutHonouredWithBasicAuth() throws Exception {
    WinRmEndpoint endpoint = https(WinRmEndpoint.Auth.BASIC, new TlsOptions(certificates().caPem(), false, false));
    wsman.overrides.put(FakeWsMan.CREATE, r -> FakeWsMan.hang());
    long start = System.nanoTime();
    assertThatThrownBy(() -> connector.open(endpoint, CREDENTIALS)).isInstanceOf(WinRmTimeoutException.class);
    assertTimeoutHonoured(start);
  }

  @Test
  void untrustedCertificateIsATlsError() throws Exception {
    WinRmEndpoint endpoint = https(WinRmEndpoint.Auth.BASIC, TlsOptions.DEFAULT);
    assertThatThrownBy(() -> connector.open(endpoint, CREDENTIALS))
        .isInstanceOf(TlsException.class)
        .hasMessageContaining("not trusted")
        .satisfies(e -> assertNoSecret(e));
    assertThat(wsman.actions).as("nothing sent to an unverified host").isEmpty();
  }

  @Test
  void insecureSkipTlsVerifyAcceptsAnyCertificate() throws Exception {
    WinRmEndpoint endpoint = https(WinRmEndpoint.Auth.BASIC, TlsOptions.DEFAULT.withInsecureSkipTlsVerify(true));
    try (WinRmSession session = connector.open(endpoint, CREDENTIALS)) {
      assertThat(session.run("echo hi").exitCode()).isZero();
    }
  }

  @Test
  void tls10HostIsRefusedUnlessLegacyTlsIsAllowed() throws Exception {
    WinRmEndpoint endpoint = https(WinRmEndpoint.Auth.BASIC, new TlsOptions(certificates().caPem(), false, false), "TLSv1");
    assertThatThrownBy(() -> connector.open(endpoint, CREDENTIALS))
        .isInstanceOf(TlsException.class)
        .hasMessageContaining("allowLegacyTls")
        .hasMessageContaining("Windows Server 2003")
        .hasMessageContaining("2008 R2")
        .hasMessageContaining("SCHANNEL\\Protocols\\TLS 1.2\\Server Enabled=1");
    assertThat(wsman.actions).isEmpty();
  }

  @Test
  void tls10HostIsReachedWithLegacyTlsWhenTheJvmPermitsIt() throws Exception {
    assertThat(LegacyTls.jvmDisablesTls10()).as("test JVMs run with legacy-tls.java.security").isFalse();
    WinRmEndpoint endpoint = https(WinRmEndpoint.Auth.BASIC, new TlsOptions(certificates().caPem(), false, true), "TLSv1");
    try (WinRmSession session = connector.open(endpoint, CREDENTIALS)) {
      assertThat(session.run("ver").exitCode()).isZero();
    }
    assertThat(server.takeRequest().getTlsVersion().javaName()).isEqualTo("TLSv1");
  }

  @Test
  void badCaBundleIsAConfigurationError() {
    WinRmEndpoint endpoint = WinRmEndpoint.https("127.0.0.1").tls(TlsOptions.DEFAULT.withCaPem("not a certificate")).build();
    assertThatThrownBy(() -> connector.open(endpoint, CREDENTIALS))
        .isInstanceOf(WinRmConfigurationException.class)
        .hasMessageContaining("CA bundle");
  }

  static void assertNoSecret(Throwable thrown) {
    for (Throwable t : WinRmErrors.chain(thrown)) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(PASSWORD);
      assertThat(t.toString()).doesNotContain(PASSWORD);
    }
  }
}
