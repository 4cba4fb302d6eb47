package io.iisfarm.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.cli.OperatorRuntime;
import io.iisfarm.operator.cli.RuntimeOptions;
import io.iisfarm.operator.cli.demo.EmbeddedApiServer;
import io.iisfarm.operator.cli.demo.SimulatedFarmManifests;
import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.testing.LogCapture;
import io.iisfarm.operator.testing.SecretScan;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

/**
 * One test's world: the embedded API server (fabric8 mock, CRUD mode), a simulated farm over real WinRM, the
 * IisFarm and Secrets describing it, and the operator itself, started and stopped as a user would.
 */
final class OperatorHarness implements AutoCloseable {
  static final String NAMESPACE = "web";
  static final String FARM = "shop";

  final EmbeddedApiServer api = EmbeddedApiServer.start(0);
  final KubernetesClient client = api.newClient();
  final SimulatedFarm sim;
  final SimulatedFarmManifests manifests;
  final LogCapture logs = LogCapture.start();
  final RecordingProgress progress = new RecordingProgress();
  private final List<OperatorRuntime> runtimes = new ArrayList<>();
  /** The keys the hosts held before the operator came: they must not leak either. */
  private final List<String> hostKeys = new ArrayList<>();

  private OperatorHarness(SimulatedFarm sim, String resyncInterval) {
    this.sim = sim;
    this.manifests = SimulatedFarmManifests.of(sim, NAMESPACE, FARM, resyncInterval);
    sim.hosts().forEach(host -> FarmFiles.configs(host).values().forEach(f -> hostKeys.addAll(FarmFiles.keys(f))));
  }

  static OperatorHarness sample(String resyncInterval) {
    return new OperatorHarness(SimulatedFarm.sample(), resyncInterval);
  }

  static OperatorHarness of(SimulatedFarm sim, String resyncInterval) {
    return new OperatorHarness(sim, resyncInterval);
  }

  OperatorHarness withSecrets() {
    manifests.secrets().forEach(s -> client.secrets().resource(s).create());
    return this;
  }

  IisFarm create(IisFarm farm) {
    return client.resources(IisFarm.class).resource(farm).create();
  }

  /** Creates the Secrets and the IisFarm of {@code farm}, the farm with {@code labels}. */
  IisFarm create(SimulatedFarmManifests farm, Map<String, String> labels) {
    farm.secrets().forEach(s -> client.secrets().resource(s).create());
    IisFarm resource = farm.farm();
    resource.getMetadata().setLabels(new HashMap<>(labels));
    return create(resource);
  }

  OperatorRuntime startOperator() {
    return startOperator(options(null, null, "test"));
  }

  OperatorRuntime startOperator(RuntimeOptions options) {
    return startOperator(options, progress);
  }

  OperatorRuntime startOperator(RuntimeOptions options, ProgressListener progress) {
    OperatorRuntime runtime = OperatorRuntime.start(client, options, progress);
    runtimes.add(runtime);
    return runtime;
  }

  /** The operator reading {@code clock} (maintenance windows, status times), which the test moves. */
  OperatorRuntime startOperatorWithClock(java.time.Clock clock) {
    OperatorRuntime runtime = OperatorRuntime.start(client, options(null, null, "test"), progress, clock);
    runtimes.add(runtime);
    return runtime;
  }

  /** Short, for quick failovers, but a renewal may still be 3 s late on a busy machine before the Lease is lost. */
  static final RuntimeOptions.LeaseTimings LEASE_TIMINGS =
      new RuntimeOptions.LeaseTimings(Duration.ofSeconds(4), Duration.ofSeconds(3), Duration.ofMillis(300));

  static RuntimeOptions options(String labelSelector, String leaseName, String identity) {
    return new RuntimeOptions(Set.of(), labelSelector, 4, 8, -1, leaseName, NAMESPACE, identity,
        LEASE_TIMINGS,
        false);
  }

  SimulatedHost host(String name) {
    return sim.host(name);
  }

  Optional<IisFarm> farm(String name) {
    return Optional.ofNullable(client.resources(IisFarm.class).inNamespace(NAMESPACE).withName(name).get());
  }

  /** Waits until the farm's status satisfies {@code done}; fails with the last status seen. */
  IisFarmStatus awaitStatus(String name, Duration timeout, Predicate<IisFarmStatus> done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    IisFarmStatus last = null;
    while (System.nanoTime() < deadline) {
      last = farm(name).map(IisFarm::getStatus).orElse(null);
      if (last != null && done.test(last)) {
        return last;
      }
      sleep(100);
    }
    throw new AssertionError("status of " + name + " did not reach the expected state within " + timeout
        + "; last: " + describe(last));
  }

  /** Polls {@code done} until it holds; fails with {@code what} and the time waited. */
  static void await(String what, Duration timeout, BooleanSupplier done) {
    await(what, timeout, done, () -> "");
  }

  /** As {@link #await(String, Duration, BooleanSupplier)}; {@code state} says what was seen last. */
  static void await(String what, Duration timeout, BooleanSupplier done, java.util.function.Supplier<String> state) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + " did not happen within " + timeout + " " + state.get());
      }
      sleep(50);
    }
  }

  Optional<Lease> lease(String name) {
    return Optional.ofNullable(client.leases().inNamespace(NAMESPACE).withName(name).get());
  }

  Optional<String> leaseHolder(String name) {
    return lease(name).map(Lease::getSpec).map(LeaseSpec::getHolderIdentity).filter(h -> !h.isEmpty());
  }

  /** Reconciles the operator framework started in {@code runtime}, from its Micrometer registry. */
  static double reconcilesStarted(OperatorRuntime runtime) {
    return runtime.registry().find("operator.sdk.reconciliations.started").counters().stream()
        .mapToDouble(Counter::count).sum();
  }

  static Predicate<IisFarmStatus> condition(String type, String status, String reason) {
    return s -> condition(s, type).filter(c -> status.equals(c.getStatus())
        && (reason == null || reason.equals(c.getReason()))).isPresent();
  }

  static Optional<Condition> condition(IisFarmStatus status, String type) {
    return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  List<Event> events() {
    return client.v1().events().inNamespace(NAMESPACE).list().getItems();
  }

  /** Every secret value this world holds: WinRM passwords and machineKeys. */
  List<String> secretValues() {
    List<String> values = new ArrayList<>(hostKeys);
    sim.hosts().forEach(h -> values.add(h.password()));
    client.secrets().inNamespace(NAMESPACE).list().getItems().stream()
        .filter(s -> s.getMetadata().getName().endsWith("-machinekey"))
        .flatMap(OperatorHarness::decoded)
        .forEach(values::add);
    return values;
  }

  /** Logs, Events and every IisFarm's status hold no secret value. */
  void assertNoSecretsLeaked() {
    List<String> secrets = secretValues();
    assertThat(secrets).isNotEmpty();
    SecretScan.assertClean("logs", logs.text(), secrets);
    SecretScan.assertClean("events", events().toString(), secrets);
    client.resources(IisFarm.class).inNamespace(NAMESPACE).list().getItems()
        .forEach(f -> SecretScan.assertClean("status of " + f.getMetadata().getName(),
            io.fabric8.kubernetes.client.utils.Serialization.asYaml(f.getStatus()), secrets));
  }

  private static Stream<String> decoded(Secret secret) {
    Stream<String> data = secret.getData() == null ? Stream.empty() : secret.getData().values().stream()
        .map(v -> new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8));
    Stream<String> stringData = secret.getStringData() == null ? Stream.empty()
        : secret.getStringData().values().stream();
    return Stream.concat(data, stringData);
  }

  static String describe(IisFarmStatus status) {
    return status == null ? "none" : io.fabric8.kubernetes.client.utils.Serialization.asYaml(status);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  void stopOperators() {
    runtimes.forEach(OperatorRuntime::close);
    runtimes.clear();
  }

  @Override
  public void close() {
    try {
      stopOperators();
    } finally {
      logs.close();
      client.close();
      api.close();
      sim.close();
    }
  }
}
