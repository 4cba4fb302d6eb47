package io.iisfarm.operator.winrm;

import java.security.GeneralSecurityException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens {@link WinRmSession}s. Thread-safe and meant to be shared: sessions with the same transport settings
 * (TLS, timeouts) share one CXF bus and its HTTP client, and a session to a host reuses the winrm4j client of
 * the last one to that host with the same credentials ({@link WinRmClientPool}). Close it when the operator stops; it opens nothing
 * afterwards, so that a late caller cannot start a bus (and its threads) that nobody would stop.
 */
public final class WinRmConnector implements WinRmSessions, AutoCloseable {
  private final CxfBuses buses = new CxfBuses();
  private final WinRmClientPool clients = new WinRmClientPool();
  private final WinRmListener listener;
  private final ExecutorService workers;
  private volatile boolean closed;

  public WinRmConnector() {
    this(WinRmListener.NONE);
  }

  public WinRmConnector(WinRmListener listener) {
    this.listener = listener == null ? WinRmListener.NONE : listener;
    this.workers = Executors.newCachedThreadPool(daemonThreads());
  }

  /**
   * Connects, authenticates and creates a cmd shell.
   *
   * @throws WinRmException when the host cannot be reached, rejects the credentials, times out or answers
   *     something that is not WinRM; {@link WinRmConfigurationException} when the TLS settings cannot work
   */
  @Override
  public WinRmSession open(WinRmEndpoint endpoint, WinRmCredentials credentials) {
    if (closed) {
      throw stopped(endpoint);
    }
    return Winrm4jSession.open(endpoint, credentials, transport(endpoint), clients, listener, workers, null);
  }

  /** A session that owns its connector and closes it with itself. */
  static WinRmSession openOwned(WinRmEndpoint endpoint, WinRmCredentials credentials, WinRmListener listener) {
    WinRmConnector connector = new WinRmConnector(listener);
    try {
      return Winrm4jSession.open(endpoint, credentials, connector.transport(endpoint), connector.clients,
          connector.listener, connector.workers, connector::close);
    } catch (RuntimeException e) {
      connector.close();
      throw e;
    }
  }

  private CxfBuses.Transport transport(WinRmEndpoint endpoint) {
    if (endpoint.isHttps() && endpoint.tls().allowLegacyTls() && LegacyTls.jvmDisablesTls10()) {
      // not fatal: the host may also speak TLS 1.2; a failed handshake will carry the same hint
      org.slf4j.LoggerFactory.getLogger(WinRmConnector.class)
          .warn("host {}: allowLegacyTls is set but {}", endpoint.label(), LegacyTls.JVM_SETTING_HINT);
    }
    try {
      return buses.busFor(CxfBuses.ConduitSettings.of(endpoint));
    } catch (IllegalArgumentException e) {
      throw new WinRmConfigurationException(endpoint.label(), e.getMessage(), e);
    } catch (IllegalStateException e) {
      throw stopped(endpoint);
    } catch (GeneralSecurityException e) {
      throw new WinRmConfigurationException(endpoint.label(), "cannot build the TLS context: " + e.getMessage(), e);
    }
  }

  /** winrm4j clients kept for the next session to their host. */
  public int idleClients() {
    return clients.size();
  }

  private static WinRmConfigurationException stopped(WinRmEndpoint endpoint) {
    return new WinRmConfigurationException(endpoint.label(), "not contacted: the operator is stopping", null);
  }

  @Override
  public void close() {
    closed = true;
    workers.shutdownNow();
    clients.close();
    buses.close();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "winrm-command-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
