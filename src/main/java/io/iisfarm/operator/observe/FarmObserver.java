package io.iisfarm.operator.observe;

import io.iisfarm.operator.host.HostReader;
import io.iisfarm.operator.host.HostTarget;
import io.iisfarm.operator.winrm.WinRmSessions;
import io.iisfarm.operator.winrm.WinRmException;
import io.iisfarm.operator.winrm.WinRmSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the hosts of a farm in parallel on a pool shared by every farm, with one WinRM session per host,
 * closed after the read. The transport enforces its timeouts, so each read ends in bounded time.
 */
public final class FarmObserver implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FarmObserver.class);

  private final SessionOpener sessions;
  private final HostReader reader;
  private final ExecutorService pool;

  /** Opens the session one host's read runs in, e.g. a connector's, or one wrapped to record what it ran. */
  @FunctionalInterface
  public interface SessionOpener {
    WinRmSession open(HostTarget target);
  }

  /** @param parallelism how many hosts are read at once, across all farms */
  public FarmObserver(WinRmSessions connector, HostReader reader, int parallelism) {
    this(target -> connector.open(target.endpoint(), target.credentials()), reader, parallelism);
  }

  /** @param parallelism how many hosts are read at once */
  public FarmObserver(SessionOpener sessions, HostReader reader, int parallelism) {
    this.sessions = sessions;
    this.reader = reader;
    this.pool = Executors.newFixedThreadPool(parallelism, threads());
  }

  /** Reads every target; the result keeps the targets' order. Never throws for a host's failure. */
  public Map<String, HostRead> observe(List<HostTarget> targets) {
    List<CompletableFuture<HostRead>> reads = new ArrayList<>();
    for (HostTarget target : targets) {
      reads.add(CompletableFuture.supplyAsync(() -> read(target), pool));
    }
    Map<String, HostRead> results = new LinkedHashMap<>();
    for (int i = 0; i < targets.size(); i++) {
      results.put(targets.get(i).name(), reads.get(i).join());
    }
    return results;
  }

  /** Reads one host in the calling thread. */
  public HostRead read(HostTarget target) {
    try (WinRmSession session = sessions.open(target)) {
      return new HostRead.Observed(target.name(), reader.read(session, target.options()));
    } catch (WinRmException e) {
      return new HostRead.Failed(target.name(), e.kind(), e.getMessage());
    } catch (RuntimeException e) {
      // a parser bug must not take the other hosts down; its message could quote host output, so log where only
      StackTraceElement[] at = e.getStackTrace();
      LOG.warn("reading host {} failed unexpectedly: {} at {}", target.name(), e.getClass().getName(),
          at.length > 0 ? at[0] : "?");
      return new HostRead.Failed(target.name(), WinRmException.Kind.PROTOCOL,
          "host " + target.name() + ": its answer could not be understood (" + e.getClass().getSimpleName()
              + "); see the operator log");
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  private static ThreadFactory threads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "host-reader-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
