package io.iisfarm.operator.winrm;

import io.cloudsoft.winrm4j.client.WinRmClient;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * winrm4j clients kept between sessions to the same host with the same credentials and settings. Building one
 * (its JAX-WS proxy, and a service model built from the WSDL) costs more of the operator's CPU than a check
 * of one host. A client serves one session at a time; one whose session failed is not kept. A kept client holds
 * no thread and no connection (those belong to the bus's shared HTTP client), but its object graph is some
 * 100 KiB of heap: at most {@link #MAX_IDLE} are kept, the most recently used, so that an estate of thousands of
 * hosts costs the heap no more than a farm's worth (measured: 2,000 kept clients filled a 150 MiB heap).
 */
final class WinRmClientPool implements AutoCloseable {
  /** A client unused this long is dropped: a host checked on the default 60 s resync comes back within it. */
  static final Duration IDLE = Duration.ofMinutes(3);
  /** As many as the host readers' default parallelism: a farm of that size, or a rollout, reuses its clients. */
  static final int MAX_IDLE = 64;

  record Key(WinRmEndpoint endpoint, WinRmCredentials credentials) {}

  private record Idle(Key key, WinRmClient client, long sinceNanos) {}

  /** Oldest first. */
  private final ArrayDeque<Idle> idle = new ArrayDeque<>();
  private final LongSupplier nanoClock;
  private boolean closed;

  WinRmClientPool() {
    this(System::nanoTime);
  }

  WinRmClientPool(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  /** The most recently returned client for {@code key}, or null. */
  synchronized WinRmClient take(Key key) {
    long now = nanoClock.getAsLong();
    for (Iterator<Idle> it = idle.descendingIterator(); it.hasNext(); ) {
      Idle kept = it.next();
      if (kept.key().equals(key)) {
        it.remove();
        return expired(kept, now) ? null : kept.client();
      }
    }
    return null;
  }

  /** Keeps {@code client} for the next session to the same host; drops the oldest and the expired. */
  void give(Key key, WinRmClient client) {
    List<WinRmClient> dropped = new ArrayList<>();
    synchronized (this) {
      long now = nanoClock.getAsLong();
      if (closed) {
        dropped.add(client);
      } else {
        idle.addLast(new Idle(key, client, now));
        while (idle.size() > MAX_IDLE || expired(idle.peekFirst(), now)) {
          dropped.add(idle.pollFirst().client());
        }
      }
    }
    dropped.forEach(WinRmClient::close);
  }

  synchronized int size() {
    return idle.size();
  }

  private static boolean expired(Idle client, long now) {
    return now - client.sinceNanos() > IDLE.toNanos();
  }

  @Override
  public void close() {
    List<WinRmClient> dropped = new ArrayList<>();
    synchronized (this) {
      closed = true;
      idle.forEach(kept -> dropped.add(kept.client()));
      idle.clear();
    }
    dropped.forEach(WinRmClient::close);
  }
}
