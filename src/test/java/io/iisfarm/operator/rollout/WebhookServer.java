package io.iisfarm.operator.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.iisfarm.operator.simulator.wsman.TlsIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;

/**
 * A load balancer controller's webhook: a real HTTPS server on loopback (the JDK's), with a certificate from
 * its own throw-away CA. It records each call and answers what the test says.
 */
final class WebhookServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One call as received. */
  record Call(JsonNode body, String authorization, String contentType, java.time.Instant at) {
    String phase() {
      return body.path("phase").asText();
    }
  }

  final TlsIdentity tls = TlsIdentity.generate(List.of("localhost"));
  final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
  private final HttpsServer server;
  private volatile ToIntFunction<Call> answer = call -> 200;
  private final AtomicInteger answered = new AtomicInteger();

  WebhookServer() {
    try {
      server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setHttpsConfigurator(new HttpsConfigurator(tls.serverSslContext()));
    server.createContext("/lb/drain", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Call call = new Call(JSON.readTree(body), exchange.getRequestHeaders().getFirst("Authorization"),
          exchange.getRequestHeaders().getFirst("Content-Type"), java.time.Instant.now());
      calls.add(call);
      int status = answer.applyAsInt(call);
      answered.incrementAndGet();
      byte[] reply = ("{\"result\":\"" + status + "\"}").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, reply.length);
      exchange.getResponseBody().write(reply);
      exchange.close();
    });
    server.start();
  }

  URI url() {
    return URI.create("https://localhost:" + server.getAddress().getPort() + "/lb/drain");
  }

  /** How the server answers each call from now on. */
  void answer(ToIntFunction<Call> how) {
    this.answer = how;
  }

  List<String> phases() {
    synchronized (calls) {
      return calls.stream().map(Call::phase).toList();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
