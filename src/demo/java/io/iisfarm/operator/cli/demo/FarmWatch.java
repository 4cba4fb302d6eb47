package io.iisfarm.operator.cli.demo;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.iisfarm.operator.api.IisFarm;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Reads one IisFarm and its Events from the API, and waits for them to reach a state. */
public final class FarmWatch {
  private static final long POLL_MILLIS = 200;

  private final KubernetesClient client;
  private final String namespace;
  private final String name;

  public FarmWatch(KubernetesClient client, String namespace, String name) {
    this.client = client;
    this.namespace = namespace;
    this.name = name;
  }

  public IisFarm farm() {
    return client.resources(IisFarm.class).inNamespace(namespace).withName(name).get();
  }

  /** The Events about this IisFarm. */
  public List<Event> events() {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> e.getInvolvedObject() != null && name.equals(e.getInvolvedObject().getName())
            && "IisFarm".equals(e.getInvolvedObject().getKind()))
        .toList();
  }

  public Optional<IisFarm> awaitFarm(Duration timeout, Predicate<IisFarm> done) throws InterruptedException {
    return await(timeout, () -> Optional.ofNullable(farm()).filter(done).orElse(null));
  }

  public Optional<Event> awaitEvent(Duration timeout, Predicate<Event> match) throws InterruptedException {
    return await(timeout, () -> events().stream().filter(match).findFirst().orElse(null));
  }

  /** Ready=True, written for the farm's current generation. */
  public static boolean ready(IisFarm farm) {
    return farm.getStatus() != null
        && Objects.equals(farm.getStatus().getObservedGeneration(), farm.getMetadata().getGeneration())
        && ready(farm, "True");
  }

  /** The Ready condition in one line, e.g. {@code Ready=False (NotInSync): 3/4 hosts in sync}. */
  public static String readiness(IisFarm farm) {
    return readyCondition(farm).map(c -> "Ready=" + c.getStatus() + " (" + c.getReason() + "): " + c.getMessage())
        .orElse("no status written yet");
  }

  private static boolean ready(IisFarm farm, String status) {
    return readyCondition(farm).filter(c -> status.equals(c.getStatus())).isPresent();
  }

  private static Optional<Condition> readyCondition(IisFarm farm) {
    if (farm == null || farm.getStatus() == null || farm.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return farm.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType())).findFirst();
  }

  private static <T> Optional<T> await(Duration timeout, Supplier<T> probe) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      T value = probe.get();
      if (value != null) {
        return Optional.of(value);
      }
      if (System.nanoTime() >= deadline) {
        return Optional.empty();
      }
      Thread.sleep(POLL_MILLIS);
    }
  }
}
