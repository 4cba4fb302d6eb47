package io.iisfarm.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.cli.OperatorRuntime;
import io.iisfarm.operator.cli.RuntimeOptions;
import io.iisfarm.operator.cli.demo.SimulatedFarmManifests;
import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.testing.ApiFaults;
import io.iisfarm.operator.testing.ChartRbac;
import io.iisfarm.operator.testing.LogCapture;
import io.iisfarm.operator.testing.RealKube;
import io.iisfarm.operator.testing.SecretScan;
import io.micrometer.core.instrument.Counter;
import io.fabric8.kubernetes.client.http.HttpRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
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
 * One test's world: the real API server of this JVM ({@link RealKube}) with the CRD installed, a simulated farm
 * over real WinRM, the IisFarm and Secrets describing it (created by an admin), and the operator itself, started
 * and stopped as a user would. Each operator runs as the chart's ServiceAccount (a TokenRequest token) with
 * exactly the RBAC the chart renders for its options: all namespaces or the watched ones, a Lease or none.
 *
 * <p>Tests share the server, one after another: the namespace {@value #NAMESPACE} is emptied, and every IisFarm
 * deleted, when a harness opens and closes, and the chart's RBAC is deleted.
 */
final class OperatorHarness implements AutoCloseable {
  static final String NAMESPACE = "web";
  static final String FARM = "shop";
  private static final AtomicInteger RELEASES = new AtomicInteger();

  final RealKube kube;
  final Api api;
  /** The admin's client: what a user with kubectl does, and what tests look at. */
  final KubernetesClient client;
  final SimulatedFarm sim;
  final SimulatedFarmManifests manifests;
  final LogCapture logs = LogCapture.start();
  final RecordingProgress progress = new RecordingProgress();
  private final List<OperatorRuntime> runtimes = new ArrayList<>();
  private final List<KubernetesClient> operatorClients = new ArrayList<>();
  private final Map<String, ChartRbac> releases = new HashMap<>();
  private final ApiFaults faults = new ApiFaults();
  /** The keys the hosts held before the operator came: they must not leak either. */
  private final List<String> hostKeys = new ArrayList<>();

  private OperatorHarness(RealKube kube, SimulatedFarm sim, String resyncInterval) {
    this.kube = kube;
    kube.installCrd();
    kube.ensureNamespace(NAMESPACE);
    this.client = kube.adminClient(NAMESPACE);
    emptyNamespace();
    this.api = new Api();
    this.sim = sim;
    this.manifests = SimulatedFarmManifests.of(sim, NAMESPACE, FARM, resyncInterval);
    sim.hosts().forEach(host -> FarmFiles.configs(host).values().forEach(f -> hostKeys.addAll(FarmFiles.keys(f))));
  }

  static OperatorHarness sample(String resyncInterval) {
    RealKube kube = RealKube.get();
    return new OperatorHarness(kube, SimulatedFarm.sample(), resyncInterval);
  }

  static OperatorHarness of(SimulatedFarm sim, String resyncInterval) {
    try {
      return new OperatorHarness(RealKube.get(), sim, resyncInterval);
    } catch (RuntimeException | Error e) {
      sim.close();
      throw e;
    }
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

  /** Starts an operator as the chart's ServiceAccount, with the chart's RBAC for {@code options}. */
  OperatorRuntime startOperator(RuntimeOptions options, ProgressListener progress) {
    return startOperator(options, progress, java.time.Clock.systemUTC());
  }

  /** As {@link #startOperator()}, reading {@code clock} (maintenance windows, status times), which the test moves. */
  OperatorRuntime startOperatorWithClock(java.time.Clock clock) {
    return startOperator(options(null, null, "test"), progress, clock);
  }

  private OperatorRuntime startOperator(RuntimeOptions options, ProgressListener progress, java.time.Clock clock) {
    KubernetesClient operatorClient = operatorClient(chart(options.namespaces(), options.leaseName()));
    OperatorRuntime runtime = OperatorRuntime.start(operatorClient, options, progress, clock);
    runtimes.add(runtime);
    return runtime;
  }

  /**
   * The chart's RBAC for an operator watching {@code namespaces} (empty: all) with Lease {@code leaseName}
   * (null: no leader election), installed once per harness as a release of its own.
   */
  ChartRbac chart(Set<String> namespaces, String leaseName) {
    String key = new java.util.TreeSet<>(namespaces) + "/" + leaseName;
    return releases.computeIfAbsent(key, k -> {
      namespaces.forEach(kube::ensureNamespace);
      return ChartRbac.install(client, "iis-farm-operator-" + RELEASES.incrementAndGet(), NAMESPACE,
          ChartRbac.values(namespaces, leaseName));
    });
  }

  /** A client authenticated as {@code chart}'s ServiceAccount, through the fault injector ({@link Api#fail}). */
  KubernetesClient operatorClient(ChartRbac chart) {
    KubernetesClient operatorClient = new io.fabric8.kubernetes.client.KubernetesClientBuilder()
        .withConfig(kube.tokenConfig(chart.token(), NAMESPACE))
        .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("faults", faults))
        .build();
    operatorClients.add(operatorClient);
    return operatorClient;
  }

  /**
   * client-go's lease duration and renew deadline (15 s, 10 s), so that a loaded machine does not lose a Lease by
   * renewing late; a short retry period, so that a Lease handed back is taken over within a fraction of a second.
   */
  static final RuntimeOptions.LeaseTimings LEASE_TIMINGS =
      new RuntimeOptions.LeaseTimings(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofMillis(300));

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
    return awaitFarm(name, timeout, done).getStatus();
  }

  /** As {@link #awaitStatus}, returning the whole IisFarm as read when its status satisfied {@code done}. */
  IisFarm awaitFarm(String name, Duration timeout, Predicate<IisFarmStatus> done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    IisFarmStatus last = null;
    while (System.nanoTime() < deadline) {
      Optional<IisFarm> read = farm(name);
      last = read.map(IisFarm::getStatus).orElse(null);
      if (last != null && done.test(last)) {
        return read.get();
      }
      sleep(100);
    }
    throw new AssertionError("status of " + name + " did not reach the expected state within " + timeout
        + "; last: " + describe(last));
  }

  /**
   * Changes the IisFarm as {@code kubectl patch --type merge} would: without a resourceVersion, so that the
   * operator's status writes cannot make it conflict. Returns the IisFarm as the API server stored it.
   */
  IisFarm mergePatch(String name, Object patch) {
    return client.resources(IisFarm.class).inNamespace(NAMESPACE).withName(name)
        .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(patch));
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

  /** Reconciles {@code runtime} has finished ({@code iisfarm.reconciles}), of every farm. */
  static double reconcilesFinished(OperatorRuntime runtime) {
    return runtime.registry().find("iisfarm.reconciles").counters().stream().mapToDouble(Counter::count).sum();
  }

  /**
   * Waits until {@code runtime} has finished two more reconciles than now: at least one whole reconcile begun after
   * this call, however slow the machine (rather than sleeping for a resync interval and hoping).
   */
  static void awaitALaterReconcile(OperatorRuntime runtime) {
    double target = reconcilesFinished(runtime) + 2;
    await("a later reconcile", Duration.ofSeconds(120), () -> reconcilesFinished(runtime) >= target);
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

  /** Deletes what tests leave in {@value #NAMESPACE}: IisFarms, Secrets, Events, Leases, ServiceAccounts, RBAC. */
  private void emptyNamespace() {
    // an operator watches every namespace: an IisFarm an earlier test left in another one would be its work too;
    // right after the CRD is installed the API server may answer 429 while its storage for IisFarms initializes
    await("every IisFarm deleted", Duration.ofSeconds(30), () -> {
      try {
        client.resources(IisFarm.class).inAnyNamespace().delete();
        return true;
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        if (e.getCode() == 429) {
          return false;
        }
        throw e;
      }
    });
    client.secrets().inNamespace(NAMESPACE).delete();
    client.v1().events().inNamespace(NAMESPACE).delete();
    client.leases().inNamespace(NAMESPACE).delete();
    client.serviceAccounts().inNamespace(NAMESPACE).delete();
    client.rbac().roles().inNamespace(NAMESPACE).delete();
    client.rbac().roleBindings().inNamespace(NAMESPACE).delete();
    await("an empty namespace " + NAMESPACE + " and no IisFarm elsewhere", Duration.ofSeconds(30),
        () -> client.resources(IisFarm.class).inAnyNamespace().list().getItems().isEmpty());
  }

  @Override
  public void close() {
    try {
      stopOperators();
    } finally {
      try {
        operatorClients.forEach(KubernetesClient::close);
        releases.values().forEach(ChartRbac::close);
        emptyNamespace();
      } finally {
        logs.close();
        client.close();
        faults.close();
        sim.close();
      }
    }
  }

  /** The API server as tests reach it beyond the clients: kubeconfigs, and faults in the operator's requests. */
  final class Api {
    /**
     * Writes a kubeconfig for the chart's ServiceAccount (all namespaces, no Lease), namespace {@code namespace},
     * for an operator run as a process of its own.
     */
    Path writeKubeconfig(Path file, String namespace) throws IOException {
      return kube.writeTokenKubeconfig(file, chart(Set.of(), null).token(), namespace);
    }

    /**
     * Fails the operator's matching requests: {@code code} returns an HTTP status to answer with instead of the
     * API server, or null to let the request through.
     */
    void fail(Function<HttpRequest, Integer> code) {
      faults.set(code);
    }

    String url() { return kube.url(); }
  }
}
