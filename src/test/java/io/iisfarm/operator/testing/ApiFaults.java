package io.iisfarm.operator.testing;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Server errors on chosen requests of the operator's client: a matching request is sent, instead of to the API
 * server, to a stub on loopback that answers with the chosen HTTP status and a Kubernetes Status body, as an
 * overloaded or failing API server would. Everything else reaches the real server.
 */
public final class ApiFaults implements Interceptor, AutoCloseable {
  private volatile Function<HttpRequest, Integer> code = request -> null;
  private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
  private volatile HttpRequest last;
  private final java.util.List<String> sent = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
  private HttpServer stub;

  /** {@code code} returns the HTTP status to fail a request with, or null to let it through. */
  public void set(Function<HttpRequest, Integer> code) {
    this.code = code;
  }

  /** Requests the client sent so far. */
  public int requests() { return requests.get(); }

  /** Every request sent so far: method, path and body. */
  public java.util.List<String> sent() {
    synchronized (sent) {
      return java.util.List.copyOf(sent);
    }
  }

  /** The last request the client sent. */
  public HttpRequest last() { return last; }

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    requests.incrementAndGet();
    last = request;
    String body = request.bodyString();
    sent.add(request.method() + " " + request.uri().getRawPath() + "\n" + (body == null ? "" : body));
    Integer status = code.apply(request);
    if (status != null) {
      builder.uri(URI.create(stub() + "/" + status + request.uri().getRawPath()));
    }
  }

  private synchronized String stub() {
    if (stub == null) {
      try {
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      stub.createContext("/", exchange -> {
        int status = Integer.parseInt(exchange.getRequestURI().getPath().split("/")[1]);
        byte[] body = ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":" + status
            + ",\"message\":\"injected by the test\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      stub.start();
    }
    return "http://127.0.0.1:" + stub.getAddress().getPort();
  }

  @Override
  public synchronized void close() {
    if (stub != null) {
      stub.stop(0);
    }
  }
}
