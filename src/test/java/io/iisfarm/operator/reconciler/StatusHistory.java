package io.iisfarm.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every status an IisFarm had, as the API server's watch delivers each version: for states the operator moves
 * past within a reconcile or two, which polling can miss on a busy machine.
 */
final class StatusHistory implements AutoCloseable {
  private final List<IisFarmStatus> seen = new ArrayList<>();
  private final Watch watch;

  private StatusHistory(KubernetesClient client, String namespace, String name) {
    this.watch = client.resources(IisFarm.class).inNamespace(namespace).withName(name).watch(new Watcher<>() {
      @Override
      public void eventReceived(Action action, IisFarm farm) {
        if (farm.getStatus() != null) {
          synchronized (seen) {
            seen.add(farm.getStatus());
          }
        }
      }

      @Override
      public void onClose(WatcherException cause) {}
    });
  }

  /** Starts recording; open it before the farm is created or the operator started. */
  static StatusHistory of(OperatorHarness h, String name) {
    return new StatusHistory(h.client, OperatorHarness.NAMESPACE, name);
  }

  /** The first status seen that satisfies {@code state}, waiting up to {@code timeout} for it. */
  IisFarmStatus awaitSeen(Duration timeout, Predicate<IisFarmStatus> state) {
    long deadline = System.nanoTime() + timeout.toNanos();
    do {
      synchronized (seen) {
        for (IisFarmStatus status : seen) {
          if (state.test(status)) {
            return status;
          }
        }
      }
      OperatorHarness.sleep(100);
    } while (System.nanoTime() < deadline);
    synchronized (seen) {
      throw new AssertionError("no status in " + timeout + " satisfied the expectation; " + seen.size()
          + " seen, the last: " + OperatorHarness.describe(seen.isEmpty() ? null : seen.get(seen.size() - 1)));
    }
  }

  @Override
  public void close() {
    watch.close();
  }
}
