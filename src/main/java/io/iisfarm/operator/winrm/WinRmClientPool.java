package io.iisfarm.operator.winrm;

import io.cloudsoft.winrm4j.client.WinRmClient;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * winrm4j clients kept between sessions to the same host with the same credentials and settings. Building one
 * (its JAX-WS proxy, and a service model built from the WSDL) cost more of the operator's CPU than the check it
 * served. A client serves one session at a time; one whose session failed is not kept. A kept client holds no
 * thread and no connection (those belong to the bus's shared HTTP client), only its object graph.
 */
final class WinRmClientPool implements AutoCloseable {
  /** A client unused this long is dropped: a host checked on the default 60 s resync comes back well within it. */
  static final Duration IDLE = Duration.ofMinutes(3);

  record Key(WinRmEndpoint endpoint, WinRmCredentials credentials) {}

  private record Idle(WinRmClient client, long sinceNanos) {}

  private final Map<Key, ArrayDeque<Idle>> idle = new HashMap<>();
  private final LongSupplier nanoClock;
  private long lastSweep;
  private boolean closed;

  WinRmClientPool() {
    this(System::nanoTime);
  }

  WinRmClientPool(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
    this.lastSweep = nanoClock.getAsLong();
  }

  /** The most recently returned client for {@code key}, or null. */
  synchronized WinRmClient take(Key key) {
    ArrayDeque<Idle> clients = idle.get(key);
    if (clients == null) {
      return null;
    }
    Idle last = clients.pollLast();
    if (clients.isEmpty()) {
      idle.remove(key);
    }
    return last == null || expired(last, nanoClock.getAsLong()) ? null : last.client();
  }

  /** Keeps {@code client} for the next session to the same host; drops clients idle too long. */
  void give(Key key, WinRmClient client) {
    List<WinRmClient> dropped = new ArrayList<>();
    synchronized (this) {
      long now = nanoClock.getAsLong();
      if (closed) {
        dropped.add(client);
      } else {
        idle.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(new Idle(client, now));
        if (now - lastSweep > IDLE.toNanos() / 4) {
          lastSweep = now;
          sweep(now, dropped);
        }
      }
    }
    dropped.forEach(WinRmClient::close);
  }

  synchronized int size() {
    return idle.values().stream().mapToInt(ArrayDeque::size).sum();
  }

  private void sweep(long now, List<WinRmClient> dropped) {
    for (Iterator<ArrayDeque<Idle>> it = idle.values().iterator(); it.hasNext(); ) {
      ArrayDeque<Idle> clients = it.next();
      while (!clients.isEmpty() && expired(clients.peekFirst(), now)) {
        dropped.add(clients.pollFirst().client());
      }
      if (clients.isEmpty()) {
        it.remove();
      }
    }
  }

  private static boolean expired(Idle client, long now) {
    return now - client.sinceNanos() > IDLE.toNanos();
  }

  @Override
  public void close() {
    List<WinRmClient> dropped = new ArrayList<>();
    synchronized (this) {
      closed = true;
      idle.values().forEach(clients -> clients.forEach(c -> dropped.add(c.client())));
      idle.clear();
    }
    dropped.forEach(WinRmClient::close);
  }
}
