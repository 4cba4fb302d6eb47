package io.iisfarm.operator.winrm;

import io.cloudsoft.winrm4j.client.WinRmClient;
import java.lang.reflect.Field;
import org.apache.cxf.Bus;
import org.apache.cxf.transport.http.HTTPConduitFactory;
import org.apache.cxf.transport.http.asyncclient.AsyncHTTPConduitFactory;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

/**
 * One Apache HttpAsyncClient (one I/O reactor, one connection pool) for every winrm4j client on a bus: the
 * bus's own.
 *
 * <p>With message encryption (NTLM over plain HTTP) winrm4j gives each client a conduit factory of its own, and
 * so an HTTP client of its own: an I/O reactor with a thread per CPU, an idle-connection thread and a
 * connection pool, started at the client's first request and stopped when it closes. (Without encryption its
 * factory is made but never used; the bus's serves.) CXF's factory hands out the client it already holds, so
 * giving each winrm4j factory the bus's is enough; winrm4j's shutdown of that factory is then disowned, since
 * the client belongs to the bus. winrm4j and CXF are pinned (0.12.3, 3.3.9); {@code NtlmOverHttpIT} fails should
 * the fields move.
 */
final class SharedHttpClient {
  private static final Field FACTORY_TO_CLEANUP = field(WinRmClient.class, "factoryToCleanup");
  private static final Field CLIENT = field(AsyncHTTPConduitFactory.class, "client");
  private static final Field CONNECTION_MANAGER = field(AsyncHTTPConduitFactory.class, "connectionManager");

  private final AsyncHTTPConduitFactory factory;
  private final HTTPClientPolicy policy;

  SharedHttpClient(Bus bus, HTTPClientPolicy policy) {
    if (!(bus.getExtension(HTTPConduitFactory.class) instanceof AsyncHTTPConduitFactory async)) {
      throw new IllegalStateException("the bus has no asynchronous HTTP conduit factory");
    }
    this.factory = async;
    this.policy = policy;
  }

  /** Points {@code client}'s conduit factory at the shared HTTP client, and keeps winrm4j from stopping it. */
  void adopt(WinRmClient client) {
    try {
      Object own = FACTORY_TO_CLEANUP.get(client);
      if (!(own instanceof AsyncHTTPConduitFactory ownFactory)) {
        throw new IllegalStateException("this winrm4j version has no conduit factory of its own per client");
      }
      factory.setupNIOClient(policy); // once: it does nothing while the factory holds a client
      CLIENT.set(ownFactory, CLIENT.get(factory));
      CONNECTION_MANAGER.set(ownFactory, CONNECTION_MANAGER.get(factory));
      FACTORY_TO_CLEANUP.set(client, null);
    } catch (IllegalAccessException | org.apache.http.nio.reactor.IOReactorException e) {
      throw new IllegalStateException("cannot share the HTTP client between winrm4j clients", e);
    }
  }

  void shutdown() {
    factory.shutdown();
  }

  private static Field field(Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(type.getName() + " has no field " + name + ": winrm4j or CXF changed", e);
    }
  }
}
