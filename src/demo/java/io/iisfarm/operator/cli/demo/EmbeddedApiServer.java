package io.iisfarm.operator.cli.demo;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.function.Function;

/**
 * A Kubernetes API in this process: fabric8's mock server in CRUD mode (it stores what it is sent), plus the
 * discovery and Table answers kubectl needs. It does not validate against the CRD schema or apply defaults.
 */
public final class EmbeddedApiServer implements AutoCloseable {
  private final KubectlAwareDispatcher dispatcher;
  private final KubernetesMockServer server;

  private EmbeddedApiServer(KubectlAwareDispatcher dispatcher, KubernetesMockServer server) {
    this.dispatcher = dispatcher;
    this.server = server;
  }

  /** Starts on 127.0.0.1; {@code port} 0 picks a free one. */
  public static EmbeddedApiServer start(int port) {
    KubectlAwareDispatcher dispatcher = new KubectlAwareDispatcher(Clock.systemUTC());
    KubernetesMockServer server =
        new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    try {
      server.init(InetAddress.getLoopbackAddress(), port);
    } catch (IllegalStateException e) {
      Throwable cause = e;
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      throw new IllegalStateException("cannot serve the Kubernetes API on 127.0.0.1:" + port + ": "
          + cause.getMessage(), e);
    }
    return new EmbeddedApiServer(dispatcher, server);
  }

  /** A new client for this server. */
  public KubernetesClient newClient() {
    return server.createClient();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getPort();
  }

  public int port() { return server.getPort(); }

  /** Answers matching requests before the store does; return null to let a request through. */
  public void intercept(Function<RecordedRequest, MockResponse> interceptor) {
    dispatcher.intercept(interceptor);
  }

  /** Writes a kubeconfig pointing kubectl at this server, with namespace {@code namespace}. */
  public Path writeKubeconfig(Path file, String namespace) throws IOException {
    String yaml = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: iisfarm-demo
          cluster:
            server: %s
        users:
        - name: iisfarm-demo
          user:
            token: demo
        contexts:
        - name: iisfarm-demo
          context:
            cluster: iisfarm-demo
            user: iisfarm-demo
            namespace: %s
        current-context: iisfarm-demo
        """.formatted(url(), namespace);
    Files.writeString(file, yaml);
    return file;
  }

  @Override
  public void close() {
    server.destroy();
  }
}
