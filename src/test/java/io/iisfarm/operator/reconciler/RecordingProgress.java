package io.iisfarm.operator.reconciler;

import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.observe.HostRead;
import io.iisfarm.operator.plan.Step;
import io.iisfarm.operator.rollout.RolloutListener;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** What one operator did, as its progress listener heard it: the hosts it read and the host steps it took. */
final class RecordingProgress implements ProgressListener {
  /** @param farm namespace/name */
  record Observed(String farm, String host, String thread, long nanos) {}

  /** @param event applied, verified, rolledBack or failed */
  record Acted(String farm, String host, String event, long nanos) {}

  private final List<Observed> observed = new CopyOnWriteArrayList<>();
  private final List<Acted> acted = new CopyOnWriteArrayList<>();

  @Override
  public void observed(IisFarm farm, HostRead read) {
    observed.add(new Observed(name(farm), read.host(), Thread.currentThread().getName(), System.nanoTime()));
  }

  @Override
  public RolloutListener rollout(IisFarm farm) {
    String name = name(farm);
    return new RolloutListener() {
      @Override
      public void applied(String host, Step step) {
        acted.add(new Acted(name, host, "applied", System.nanoTime()));
      }

      @Override
      public void verified(String host) {
        acted.add(new Acted(name, host, "verified", System.nanoTime()));
      }

      @Override
      public void rolledBack(String host, String why) {
        acted.add(new Acted(name, host, "rolledBack", System.nanoTime()));
      }

      @Override
      public void failed(String host, String why) {
        acted.add(new Acted(name, host, "failed", System.nanoTime()));
      }
    };
  }

  List<Observed> observed() { return List.copyOf(observed); }

  List<Acted> acted() { return List.copyOf(acted); }

  Set<String> farmsObserved() {
    return observed.stream().map(Observed::farm).collect(Collectors.toSet());
  }

  /** Hosts with a step verified, in order. */
  List<String> verifiedHosts() {
    return acted.stream().filter(a -> a.event().equals("verified")).map(Acted::host).toList();
  }

  /** Whether {@code farm} (namespace/name) read or changed {@code host}. */
  boolean touched(String farm, String host) {
    return observed.stream().anyMatch(o -> o.farm().equals(farm) && o.host().equals(host))
        || acted.stream().anyMatch(a -> a.farm().equals(farm) && a.host().equals(host));
  }

  /** Reads and host-step events at or after {@code nanos}. */
  long eventsSince(long nanos) {
    return observed.stream().filter(o -> o.nanos() >= nanos).count()
        + acted.stream().filter(a -> a.nanos() >= nanos).count();
  }

  private static String name(IisFarm farm) {
    return farm.getMetadata().getNamespace() + "/" + farm.getMetadata().getName();
  }
}
