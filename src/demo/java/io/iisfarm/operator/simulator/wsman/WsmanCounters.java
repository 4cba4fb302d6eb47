package io.iisfarm.operator.simulator.wsman;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What one simulated host's WinRM server has served, for tests and benchmarks. */
public final class WsmanCounters {
  private final AtomicLong connectionsAccepted = new AtomicLong();
  private final AtomicInteger connectionsOpen = new AtomicInteger();
  private final AtomicInteger maxConnectionsOpen = new AtomicInteger();
  private final AtomicLong httpRequests = new AtomicLong();
  private final AtomicLong commandRequests = new AtomicLong();
  private final AtomicLong receiveResponses = new AtomicLong();
  private final AtomicLong outputBytes = new AtomicLong();
  private final AtomicLong shellsCreated = new AtomicLong();
  private final AtomicInteger shellsOpen = new AtomicInteger();
  private final AtomicInteger maxShellsOpen = new AtomicInteger();
  private final AtomicInteger requestsInFlight = new AtomicInteger();
  private final AtomicInteger maxRequestsInFlight = new AtomicInteger();
  private final AtomicInteger commandsRunning = new AtomicInteger();
  private final AtomicInteger maxCommandsRunning = new AtomicInteger();

  /** TCP (or TLS) connections accepted; stays low when clients reuse connections. */
  public long connectionsAccepted() {
    return connectionsAccepted.get();
  }

  /** TCP (or TLS) connections open now: kept alive by clients or in use. */
  public int connectionsOpen() {
    return connectionsOpen.get();
  }

  /** The most connections open at once since the last reset. */
  public int maxConnectionsOpen() {
    return maxConnectionsOpen.get();
  }

  /** HTTP requests received, including rejected (401) and faulted ones. */
  public long httpRequests() {
    return httpRequests.get();
  }

  /** WS-Man Command requests received (one per command line a client ran). */
  public long commandRequests() {
    return commandRequests.get();
  }

  /** Receive responses that carried output or the end of a command (several for output over one envelope). */
  public long receiveResponses() {
    return receiveResponses.get();
  }

  /** Bytes of stdout and stderr sent in Receive responses (before base64). */
  public long outputBytes() {
    return outputBytes.get();
  }

  void receiveAnswered(int bytes) {
    receiveResponses.incrementAndGet();
    outputBytes.addAndGet(bytes);
  }

  public long shellsCreated() {
    return shellsCreated.get();
  }

  public int shellsOpen() {
    return shellsOpen.get();
  }

  /** The most shells open at once since the last reset. */
  public int maxShellsOpen() {
    return maxShellsOpen.get();
  }

  /** The most HTTP requests being served at once (highest request concurrency). */
  public int maxRequestsInFlight() {
    return maxRequestsInFlight.get();
  }

  /** The most commands running on the host at once (highest command concurrency). */
  public int maxCommandsRunning() {
    return maxCommandsRunning.get();
  }

  /** Zeroes the totals and maxima; what is open or running now stays counted. */
  public void reset() {
    connectionsAccepted.set(0);
    httpRequests.set(0);
    commandRequests.set(0);
    receiveResponses.set(0);
    outputBytes.set(0);
    shellsCreated.set(0);
    maxConnectionsOpen.set(connectionsOpen.get());
    maxShellsOpen.set(shellsOpen.get());
    maxRequestsInFlight.set(requestsInFlight.get());
    maxCommandsRunning.set(commandsRunning.get());
  }

  @Override
  public String toString() {
    return "WsmanCounters[connections=" + connectionsAccepted + ", connectionsOpen=" + connectionsOpen
        + ", maxConnectionsOpen=" + maxConnectionsOpen + ", httpRequests=" + httpRequests
        + ", commands=" + commandRequests + ", shellsOpen=" + shellsOpen + ", maxShellsOpen="
        + maxShellsOpen + ", maxRequestsInFlight=" + maxRequestsInFlight
        + ", maxCommandsRunning=" + maxCommandsRunning + "]";
  }

  void connectionAccepted() {
    connectionsAccepted.incrementAndGet();
    raiseMax(maxConnectionsOpen, connectionsOpen.incrementAndGet());
  }

  void connectionClosed() {
    connectionsOpen.decrementAndGet();
  }

  void requestStarted() {
    httpRequests.incrementAndGet();
    raiseMax(maxRequestsInFlight, requestsInFlight.incrementAndGet());
  }

  void requestFinished() {
    requestsInFlight.decrementAndGet();
  }

  void commandReceived() {
    commandRequests.incrementAndGet();
  }

  void commandStarted() {
    raiseMax(maxCommandsRunning, commandsRunning.incrementAndGet());
  }

  void commandFinished() {
    commandsRunning.decrementAndGet();
  }

  void shellOpened() {
    shellsCreated.incrementAndGet();
    raiseMax(maxShellsOpen, shellsOpen.incrementAndGet());
  }

  void shellClosed() {
    shellsOpen.decrementAndGet();
  }

  void shellsLost(int count) {
    shellsOpen.addAndGet(-count);
  }

  private static void raiseMax(AtomicInteger max, int value) {
    max.accumulateAndGet(value, Math::max);
  }
}
