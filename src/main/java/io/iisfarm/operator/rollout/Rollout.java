package io.iisfarm.operator.rollout;

import io.iisfarm.operator.host.HostReader;
import io.iisfarm.operator.model.DesiredFarm;
import io.iisfarm.operator.plan.Planner;
import io.iisfarm.operator.winrm.WinRmSessions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Changes hosts, never more than {@code maxUnavailable} at once. Unfinished steps a previous operator left
 * behind go first, since their hosts may already be disrupted. A new step starts only if the maintenance
 * windows admit it at that moment (a step under way when a window closes goes on to its end). After the first
 * host that fails, no further host is started; hosts already under way finish (or roll back). The same holds
 * for every rollout once the operator is stopping ({@link #stopStarting()}), so that the stop can wait for the
 * steps under way ({@link #awaitNoStepUnderWay}) instead of cutting them off half-way.
 */
public final class Rollout {
  private final WinRmSessions connector;
  private final HostReader reader;
  private final Planner planner;
  private final Clock clock;
  /** Guards {@link #stopping} and {@link #stepsUnderWay}. */
  private final Object steps = new Object();
  private boolean stopping;
  private int stepsUnderWay;

  public Rollout(WinRmSessions connector, HostReader reader, Planner planner, Clock clock) {
    this.connector = connector;
    this.reader = reader;
    this.planner = planner;
    this.clock = clock;
  }

  /** Applies {@code changes}; returns one outcome per host that was started, in the order given. */
  public Map<String, HostOutcome> run(DesiredFarm desired, List<HostChange> changes, RolloutSettings settings,
      InFlightLedger ledger, RolloutListener listener) {
    List<HostChange> ordered = new ArrayList<>(changes.stream().filter(HostChange::resumes).toList());
    changes.stream().filter(c -> !c.resumes()).forEach(ordered::add);
    if (ordered.isEmpty()) {
      return Map.of();
    }
    AtomicBoolean stop = new AtomicBoolean();
    SiteHealth health = new SiteHealth(settings.health(), listener);
    HostStepRunner runner = new HostStepRunner(clock, ledger, listener,
        new HostChanger(connector, reader, planner, clock, desired, settings, listener),
        new LoadBalancers(settings.drain(), connector, listener), health);
    int threads = Math.min(settings.maxUnavailable(), ordered.size());
    ExecutorService pool = Executors.newFixedThreadPool(threads, namedThreads());
    try {
      List<Future<HostOutcome>> futures = new ArrayList<>();
      for (HostChange change : ordered) {
        futures.add(pool.submit(() -> {
          if (stop.get() || refused(change, settings, listener) || !beginStep()) {
            return null;
          }
          try {
            HostOutcome outcome = runner.apply(change);
            if (!outcome.result().succeeded()) {
              stop.set(true);
            }
            return outcome;
          } finally {
            endStep();
          }
        }));
      }
      Map<String, HostOutcome> outcomes = new LinkedHashMap<>();
      for (int i = 0; i < ordered.size(); i++) {
        HostOutcome outcome = join(futures.get(i));
        if (outcome != null) {
          outcomes.put(ordered.get(i).host(), outcome);
        }
      }
      return outcomes;
    } finally {
      pool.shutdown();
      health.close();
    }
  }

  /** A new step refused by the windows (at the moment it would start); an unfinished one always goes on. */
  private boolean refused(HostChange change, RolloutSettings settings, RolloutListener listener) {
    if (change.resumes()) {
      return false;
    }
    String why = settings.admission().refusal(change.host(), clock.instant());
    if (why != null) {
      listener.deferred(change.host(), why);
      return true;
    }
    return false;
  }

  /** From now on no host step starts, in this rollout or any later one; steps under way go on to their end. */
  public void stopStarting() {
    synchronized (steps) {
      stopping = true;
    }
  }

  /** Waits until no host step is under way; false when some still are after {@code timeout}. */
  public boolean awaitNoStepUnderWay(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (steps) {
      while (stepsUnderWay > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(steps, left);
      }
      return true;
    }
  }

  private boolean beginStep() {
    synchronized (steps) {
      if (stopping) {
        return false;
      }
      stepsUnderWay++;
      return true;
    }
  }

  private void endStep() {
    synchronized (steps) {
      stepsUnderWay--;
      steps.notifyAll();
    }
  }

  private static HostOutcome join(Future<HostOutcome> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("rollout interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      // HostStepRunner turns every host failure into an outcome; anything else is a bug or a ledger failure
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  private static java.util.concurrent.ThreadFactory namedThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "rollout-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
