package io.iisfarm.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.iisfarm.operator.simulator.wsman.TlsIdentity;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The health check's one request: to the host's address, naming the site's host in the Host header and, over
 * https, checking the certificate against that name; redirects are answers, not followed.
 */
class HttpProbeTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final List<String> hostHeaders = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void httpsGoesToTheAddressNamesTheSitesHostAndChecksTheCertificateAgainstIt() throws IOException {
    TlsIdentity identity = TlsIdentity.generate(List.of("www.shop.example"));
    HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(identity.serverSslContext()));
    start(https, 200);

    try (HttpProbe probe = new HttpProbe(TIMEOUT, identity.caPem())) {
      HttpProbe.Answer answer = probe.get(true, "127.0.0.1", port(), 443, "www.shop.example", "/health");

      assertThat(answer.describe()).isEqualTo("200 OK");
      assertThat(hostHeaders).containsExactly("www.shop.example");
    }
  }

  @Test
  void httpsToANameTheCertificateDoesNotCarryIsNoAnswer() throws IOException {
    TlsIdentity identity = TlsIdentity.generate(List.of("www.shop.example"));
    HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(identity.serverSslContext()));
    start(https, 200);

    try (HttpProbe probe = new HttpProbe(TIMEOUT, identity.caPem())) {
      HttpProbe.Answer answer = probe.get(true, "127.0.0.1", port(), 443, "www.other.example", "/");

      assertThat(answer.failure()).contains("www.other.example");
      assertThat(hostHeaders).isEmpty();
    }
  }

  @Test
  void httpCarriesTheBindingPortInTheHostHeaderAndDoesNotFollowARedirect() throws IOException {
    start(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), 302);

    try (HttpProbe probe = new HttpProbe(TIMEOUT, null)) {
      HttpProbe.Answer answer = probe.get(false, "127.0.0.1", port(), 8080, "www.shop.example", "/");

      assertThat(answer.status()).isEqualTo(302);
      assertThat(hostHeaders).containsExactly("www.shop.example:8080");
    }
  }

  @Test
  void aClosedPortIsNoAnswerWithTheReason() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    try (HttpProbe probe = new HttpProbe(TIMEOUT, null)) {
      HttpProbe.Answer answer = probe.get(false, "127.0.0.1", closed, 80, null, "/");

      assertThat(answer.describe()).startsWith("no answer: ").containsIgnoringCase("refused");
    }
  }

  private void start(HttpServer http, int status) {
    http.createContext("/", exchange -> {
      hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
      exchange.getResponseHeaders().add("Location", "/elsewhere");
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    http.start();
    server = http;
  }

  private int port() {
    return server.getAddress().getPort();
  }
}
