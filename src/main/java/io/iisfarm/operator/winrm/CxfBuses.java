package io.iisfarm.operator.winrm;

import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.transport.http.HTTPConduitConfigurer;
import org.apache.cxf.transport.http.asyncclient.AsyncHTTPConduit;
import org.apache.cxf.transport.http.asyncclient.AsyncHTTPConduitFactory;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

/**
 * CXF buses, one per distinct transport setting. winrm4j applies its builder's timeouts and TLS settings
 * only for NTLM; a bus-level {@link HTTPConduitConfigurer} applies them to every conduit whatever the auth
 * scheme, so that Basic auth honours them too.
 */
final class CxfBuses implements AutoCloseable {

  /** What a conduit needs to know; endpoints sharing these share a bus (and its WSDL and HTTP client). */
  record ConduitSettings(boolean https, TlsOptions tls, long connectMillis, long receiveMillis) {

    static ConduitSettings of(WinRmEndpoint endpoint) {
      return new ConduitSettings(endpoint.isHttps(), endpoint.isHttps() ? endpoint.tls() : null,
          endpoint.connectTimeout().toMillis(), endpoint.operationTimeout().toMillis());
    }

    HTTPClientPolicy clientPolicy() {
      HTTPClientPolicy policy = new HTTPClientPolicy();
      policy.setConnectionTimeout(connectMillis);
      policy.setConnectionRequestTimeout(connectMillis);
      policy.setReceiveTimeout(receiveMillis);
      policy.setAllowChunking(false);
      return policy;
    }
  }

  /** How long an unused connection to a host stays open. */
  static final int IDLE_CONNECTION_MILLIS = 5_000;

  /** A bus and the one HTTP client its winrm4j clients share. */
  record Transport(Bus bus, SharedHttpClient http) {}

  private final Map<ConduitSettings, Transport> buses = new ConcurrentHashMap<>();
  /** Guarded by {@link #buses}: once closed, no bus is created. */
  private boolean closed;

  /**
   * @throws GeneralSecurityException when the TLS context cannot be built
   * @throws IllegalStateException once closed
   */
  Transport busFor(ConduitSettings settings) throws GeneralSecurityException {
    Transport existing = buses.get(settings);
    if (existing != null) {
      return existing;
    }
    TLSClientParameters tls = settings.https() ? tlsParameters(settings.tls()) : null;
    synchronized (buses) {
      if (closed) {
        throw new IllegalStateException("closed");
      }
      return buses.computeIfAbsent(settings, s -> createBus(s, tls));
    }
  }

  private static TLSClientParameters tlsParameters(TlsOptions options) throws GeneralSecurityException {
    SSLContext context = TlsContexts.create(options);
    TLSClientParameters tls = new TLSClientParameters();
    tls.setSslContext(context);
    tls.setDisableCNCheck(options.insecureSkipTlsVerify());
    return tls;
  }

  private static Transport createBus(ConduitSettings settings, TLSClientParameters tls) {
    Bus bus = BusFactory.newInstance().createBus();
    // winrm4j needs the async conduit (Apache HttpAsyncClient) for NTLM; see WinRmClientContext.
    bus.getProperties().put(AsyncHTTPConduit.USE_ASYNC, Boolean.TRUE);
    bus.getProperties().put(AsyncHTTPConduitFactory.USE_POLICY, AsyncHTTPConduitFactory.UseAsyncPolicy.ALWAYS);
    // A kept-alive connection holds some 300 KiB (TLS buffers, the last exchange). CXF's defaults (60 s time to
    // live, under which it never closes idle ones) keep one open per host from one check to the next: closing
    // after a few idle seconds still reuses it within a check, whose requests follow each other at once.
    bus.getProperties().put(AsyncHTTPConduitFactory.CONNECTION_TTL, 0);
    bus.getProperties().put(AsyncHTTPConduitFactory.CONNECTION_MAX_IDLE, IDLE_CONNECTION_MILLIS);
    bus.setExtension((HTTPConduitConfigurer) (name, address, conduit) -> {
      conduit.setClient(settings.clientPolicy());
      if (tls != null) {
        conduit.setTlsClientParameters(tls);
      }
    }, HTTPConduitConfigurer.class);
    bus.getOutInterceptors().add(RequestWatch.INSTANCE);
    bus.getInInterceptors().add(ShellBodySkipper.INSTANCE);
    return new Transport(bus, new SharedHttpClient(bus, settings.clientPolicy()));
  }

  @Override
  public void close() {
    synchronized (buses) {
      closed = true;
      buses.values().forEach(transport -> {
        transport.http().shutdown();
        transport.bus().shutdown(false);
      });
      buses.clear();
    }
  }
}
