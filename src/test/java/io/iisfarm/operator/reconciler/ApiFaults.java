package io.iisfarm.operator.reconciler;

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
final class ApiFaults implements Interceptor, AutoCloseable {
  private volatile Function<HttpRequest, Integer> code = request -> null;
  private HttpServer stub;

  void set(Function<HttpRequest, Integer> code) {
    this.code = code;
  }

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
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
