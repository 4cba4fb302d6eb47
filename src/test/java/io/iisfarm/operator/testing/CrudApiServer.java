package io.iisfarm.operator.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.util.HashMap;

/** fabric8's mock API server in CRUD mode (it stores what it is sent), with a client bound to it. */
public final class CrudApiServer implements AutoCloseable {
  private final KubernetesMockServer server;
  private final KubernetesClient client;

  public CrudApiServer() {
    server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesCrudDispatcher(), false);
    server.init();
    client = server.createClient();
  }

  public KubernetesClient client() { return client; }

  public KubernetesMockServer server() { return server; }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
