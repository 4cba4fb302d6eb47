package io.iisfarm.operator.rollout;

import io.iisfarm.operator.host.NlbControl;
import io.iisfarm.operator.winrm.WinRmSessions;
import io.iisfarm.operator.winrm.WinRmSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Takes a host out of its load balancers before its change and puts it back after: the webhook first (the
 * external balancer stops sending), then NLB on the host ({@code nlb.exe drainstop}, then {@code query} until
 * the host's connections have drained and it stopped, or, after the timeout, {@code nlb.exe stop}), then the
 * delay. Back in the reverse order: {@code nlb.exe start} until the host takes traffic, then the webhook. Each
 * leave is on record before it happens; a host NLB already had stopped (an admin's doing) is left as it is.
 */
final class LoadBalancers {
  static final String WEBHOOK = "webhook";
  static final String NLB = "nlb";
  /** How long {@code nlb.exe start} may take until the host has converged again. */
  static final Duration CONVERGE_TIMEOUT = Duration.ofSeconds(60);

  private final DrainSettings settings;
  private final WinRmSessions connector;
  private final RolloutListener listener;
  private final WebhookCaller webhook;

  LoadBalancers(DrainSettings settings, WinRmSessions connector, RolloutListener listener) {
    this.settings = settings;
    this.connector = connector;
    this.listener = listener;
    this.webhook = settings.webhook() == null ? null : new WebhookCaller(settings.webhook());
  }

  boolean any() {
    return settings.any();
  }

  /**
   * Takes the host out of each load balancer it is not already out of (per {@code record}), then waits the
   * delay.
   *
   * @throws RuntimeException saying which balancer refused; what it left is on record, for {@link #restore}
   */
  void drain(HostChange change, StepRecord record, String reason) {
    String host = change.host();
    if (webhook != null && !record.drained(WEBHOOK)) {
      long started = System.nanoTime();
      record.leaving(WEBHOOK);
      webhook.call(host, change.sites().address(), "drain", reason);
      listener.drained(host, WEBHOOK, since(started));
    }
    if (settings.nlb() != null && !record.drained(NLB)) {
      drainNlb(change, record);
    }
    if (!settings.delay().isZero()) {
      long started = System.nanoTime();
      sleep(settings.delay());
      listener.drained(host, "delay", since(started));
    }
  }

  /**
   * Puts the host back into each load balancer {@code record} says it left, in the reverse order.
   *
   * @throws RuntimeException at the first that refuses; the rest stay on record, to be retried
   */
  void restore(HostChange change, StepRecord record, String reason) {
    String host = change.host();
    List<String> order = new ArrayList<>(List.of(NLB, WEBHOOK));
    for (String method : order) {
      if (!record.drained(method)) {
        continue;
      }
      long started = System.nanoTime();
      if (method.equals(NLB)) {
        startNlb(change);
      } else {
        requireWebhook().call(host, change.sites().address(), "restore", reason);
      }
      record.rejoined(method);
      listener.restored(host, method, since(started));
    }
  }

  private void drainNlb(HostChange change, StepRecord record) {
    String host = change.host();
    long started = System.nanoTime();
    try (WinRmSession session = connector.open(change.target().endpoint(), change.target().credentials())) {
      NlbControl nlb = new NlbControl(session);
      NlbControl.State before = nlb.query();
      if (!before.takesTraffic() && before != NlbControl.State.DRAINING) {
        // stopped or suspended by someone else: not ours to start again afterwards
        listener.drainNote(host, "NLB is " + before.name().toLowerCase(Locale.ROOT)
            + " on the host already; it is left so");
        return;
      }
      record.leaving(NLB);
      nlb.drainstop();
      long deadline = System.nanoTime() + settings.nlb().timeout().toNanos();
      NlbControl.State now = nlb.query();
      while (now != NlbControl.State.STOPPED && System.nanoTime() < deadline) {
        sleep(settings.nlb().pollInterval());
        now = nlb.query();
      }
      if (now != NlbControl.State.STOPPED) {
        nlb.stop();
        listener.drainNote(host, "NLB connections had not drained after " + settings.nlb().timeout().toSeconds()
            + " s; nlb.exe stop ended the rest");
        now = nlb.query();
        if (now != NlbControl.State.STOPPED) {
          throw new IllegalStateException("NLB on " + host + " is still " + now.name().toLowerCase(Locale.ROOT)
              + " after nlb.exe drainstop and stop");
        }
      }
    }
    listener.drained(host, NLB, since(started));
  }

  private void startNlb(HostChange change) {
    String host = change.host();
    try (WinRmSession session = connector.open(change.target().endpoint(), change.target().credentials())) {
      NlbControl nlb = new NlbControl(session);
      nlb.start();
      long deadline = System.nanoTime() + CONVERGE_TIMEOUT.toNanos();
      NlbControl.State now = nlb.query();
      while (!now.takesTraffic() && System.nanoTime() < deadline) {
        sleep(settings.nlb() == null ? Duration.ofSeconds(1) : settings.nlb().pollInterval());
        now = nlb.query();
      }
      if (!now.takesTraffic()) {
        throw new IllegalStateException("NLB on " + host + " is still " + now.name().toLowerCase(Locale.ROOT) + " "
            + CONVERGE_TIMEOUT.toSeconds() + " s after nlb.exe start");
      }
    }
  }

  private WebhookCaller requireWebhook() {
    if (webhook == null) {
      throw new IllegalStateException("the host left a webhook load balancer that spec.rollout.drain.webhook no"
          + " longer names: put it back by hand, or name the webhook again");
    }
    return webhook;
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while draining", e);
    }
  }
}
