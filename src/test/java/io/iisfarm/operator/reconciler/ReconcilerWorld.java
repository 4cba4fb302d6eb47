package io.iisfarm.operator.reconciler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmSpec;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.host.HostReader;
import io.iisfarm.operator.metrics.OperatorMetrics;
import io.iisfarm.operator.observe.FarmObserver;
import io.iisfarm.operator.plan.Planner;
import io.iisfarm.operator.rollout.Rollout;
import io.iisfarm.operator.secrets.KeyGenerator;
import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.simulator.windows.HostDefinition;
import io.iisfarm.operator.simulator.windows.SharedConfigurationStores;
import io.iisfarm.operator.simulator.windows.WindowsHost;
import io.iisfarm.operator.status.EventRecorder;
import io.iisfarm.operator.status.StatusBuilder;
import io.iisfarm.operator.testing.InProcessHosts;
import io.iisfarm.operator.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The reconciler's world without a cluster or a socket: the sample farm's four emulated Windows hosts answering in
 * process ({@link InProcessHosts}), the Secrets and IisFarms an API server would hold, the status and Events the
 * operator writes (kept in memory), and an operator ({@link IisFarmReconciler} over {@link FarmServices}) that
 * tests reconcile by hand, kill and start again. Its clock is frozen and moves one minute per reconcile.
 */
final class ReconcilerWorld implements AutoCloseable {
  static final String NAMESPACE = "web";
  static final String FARM = "shop";
  static final String KEY_SECRET = "shop-machinekey";
  /** A Wednesday, noon UTC. */
  static final Instant START = Instant.parse("2026-03-04T12:00:00Z");

  /** One Event as the operator emitted it. */
  record Event(String type, String reason, String message) {}

  final MutableClock clock = new MutableClock(START);
  final InProcessHosts hosts = new InProcessHosts();
  final Map<String, InProcessHosts.Host> byName = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> secrets = new ConcurrentHashMap<>();
  private final Map<String, IisFarm> farms = new ConcurrentHashMap<>();
  private final List<Event> events = new CopyOnWriteArrayList<>();
  private final List<String> createdSecrets = new CopyOnWriteArrayList<>();
  private final Map<String, Map<String, byte[]>> initialConfigs = new LinkedHashMap<>();
  private final Map<String, Map<String, Long>> initialSiteIds = new LinkedHashMap<>();
  private int statusWrites;
  private InProcessHosts.Life life;
  private FarmServices services;
  private IisFarmReconciler reconciler;

  private ReconcilerWorld() {}

  /** The sample farm's hosts (docs/simulator.md), their Secrets, and IisFarm {@value #FARM} wanting Shop=2, Api=3. */
  static ReconcilerWorld sample() {
    ReconcilerWorld world = new ReconcilerWorld();
    SharedConfigurationStores stores = new SharedConfigurationStores();
    StringBuilder hostList = new StringBuilder();
    for (JsonNode node : sampleHosts()) {
      ObjectNode windowsKeys = ((ObjectNode) node).deepCopy();
      HostDefinition.WINRM_SIDE_KEYS.forEach(windowsKeys::remove);
      // the hosts keep real time: drains and file times run on it; the operator's clock is the test's
      WindowsHost windows = WindowsHost.create(HostDefinition.fromTree(windowsKeys), Clock.systemUTC(), stores);
      String name = node.get("name").asText();
      String user = node.path("winrm").path("username").asText();
      String password = node.path("winrm").path("password").asText();
      world.byName.put(name, world.hosts.add(name + ".farm.test", windows, user, password));
      world.initialConfigs.put(name, FarmFiles.configs(windows));
      world.initialSiteIds.put(name, IisFarmReconcilerTest.siteIds(windows));
      world.secrets.put(NAMESPACE + "/" + winrmSecret(name), Map.of("username", user, "password", password));
      hostList.append("    - {name: ").append(name).append(", address: ").append(name).append(".farm.test")
          .append(", credentialsSecretRef: {name: ").append(winrmSecret(name)).append("}}\n");
    }
    KeyGenerator generator = new KeyGenerator();
    world.secrets.put(NAMESPACE + "/" + KEY_SECRET, Map.of(
        "validationKey", generator.validationKey(io.iisfarm.operator.api.ValidationAlgorithm.SHA1).reveal(),
        "decryptionKey", generator.decryptionKey(io.iisfarm.operator.api.DecryptionAlgorithm.AES).reveal()));
    IisFarm farm = Serialization.unmarshal("""
        apiVersion: iisfarm.io/v1alpha1
        kind: IisFarm
        metadata: {name: shop, namespace: web, uid: 7d3c0c1e-0000-4000-8000-000000000001, generation: 1,
          creationTimestamp: "2026-03-01T09:00:00Z"}
        spec:
          mode: Enforce
          resyncInterval: 60s
          rollout: {maxUnavailable: 1}
          winrm: {transport: https, auth: basic, credentialsSecretRef: {name: shop-web01-winrm}}
          hosts:
        %s
          sites: [{name: Shop, id: 2}, {name: Api, id: 3}]
          machineKey: {secretRef: {name: shop-machinekey}, validation: SHA1, decryption: AES}
        """.formatted(hostList.toString().stripTrailing()), IisFarm.class);
    world.farms.put(FARM, farm);
    world.startOperator();
    return world;
  }

  private static Iterable<JsonNode> sampleHosts() {
    try (InputStream in = SimulatedFarm.class.getResourceAsStream(SimulatedFarm.SAMPLE_RESOURCE)) {
      return new ObjectMapper(new YAMLFactory()).readTree(Objects.requireNonNull(in)).get("hosts");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String winrmSecret(String host) {
    return FARM + "-" + host + "-winrm";
  }

  /** Starts an operator (after a kill, or to replace the last one); it finds only what the API server holds. */
  void startOperator() {
    stopOperator();
    InProcessHosts.Life current = new InProcessHosts.Life();
    HostReader reader = new HostReader(clock);
    Planner planner = new Planner();
    FarmResolver resolver = new FarmResolver(
        (namespace, name) -> Optional.ofNullable(secrets.get(namespace + "/" + name)),
        (namespace, name, farm, source, validation, decryption) -> {
          current.check();
          boolean created = secrets.putIfAbsent(namespace + "/" + name, Map.of("validationKey", validation.reveal(),
              "decryptionKey", decryption.reveal())) == null;
          if (created) {
            createdSecrets.add(namespace + "/" + name + " (" + source + ")");
          }
          return created;
        },
        new KeyGenerator());
    services = new FarmServices(resolver, new FarmObserver(hosts.sessions(current), reader, 4), planner,
        new Rollout(hosts.sessions(current), reader, planner, clock), new StatusBuilder(clock),
        (farm, status) -> {
          current.check();
          return writeStatus(farm, status);
        },
        new EventRecorder((farm, type, reason, message) -> {
          current.check();
          events.add(new Event(type.wireName(), reason, message));
        }),
        new OperatorMetrics(new SimpleMeterRegistry()), ProgressListener.NONE, clock);
    reconciler = new IisFarmReconciler(services);
    life = current;
  }

  private void stopOperator() {
    if (services != null) {
      life.kill("stopped");
      services.observer().close();
    }
  }

  /** Changes the spec as {@code kubectl edit} would: the API server raises the generation. */
  ReconcilerWorld spec(Consumer<IisFarmSpec> edit) {
    IisFarm farm = farms.get(FARM);
    edit.accept(farm.getSpec());
    farm.getMetadata().setGeneration(farm.getMetadata().getGeneration() + 1);
    return this;
  }

  /** Sets an annotation of the IisFarm (no new generation). */
  ReconcilerWorld annotate(String key, String value) {
    IisFarm farm = farms.get(FARM);
    Map<String, String> annotations = farm.getMetadata().getAnnotations() == null ? new LinkedHashMap<>()
        : new LinkedHashMap<>(farm.getMetadata().getAnnotations());
    annotations.put(key, value);
    farm.getMetadata().setAnnotations(annotations);
    return this;
  }

  /** Another IisFarm the operator sees. */
  ReconcilerWorld addFarm(IisFarm other) {
    farms.put(other.getMetadata().getName(), other);
    return this;
  }

  /** The config files {@code host} had before the test. */
  Map<String, byte[]> initialConfigs(String host) {
    return initialConfigs.get(host);
  }

  /** The machine.config of {@code runtime} and {@code bitness} that {@code host} had before the test. */
  byte[] initialConfig(String host, String runtime, int bitness) {
    return initialConfigs.get(host).get(byName.get(host).windows().configPath(runtime, bitness, false));
  }

  /** Site name → ID on {@code host} before the test. */
  Map<String, Long> initialSiteIds(String host) {
    return initialSiteIds.get(host);
  }

  /** {@code validationKey} or {@code decryptionKey} of the key Secret. */
  String farmKey(String field) {
    return secret(KEY_SECRET).orElseThrow().get(field);
  }

  void putSecret(String name, Map<String, String> data) {
    secrets.put(NAMESPACE + "/" + name, Map.copyOf(data));
  }

  void deleteSecret(String name) {
    secrets.remove(NAMESPACE + "/" + name);
  }

  Optional<Map<String, String>> secret(String name) {
    return Optional.ofNullable(secrets.get(NAMESPACE + "/" + name));
  }

  List<String> createdSecrets() {
    return List.copyOf(createdSecrets);
  }

  InProcessHosts.Host host(String name) {
    return byName.get(name);
  }

  IisFarmStatus status() {
    IisFarmStatus status = farms.get(FARM).getStatus();
    return status == null ? null : Serialization.clone(status);
  }

  /** Every Event emitted so far. */
  List<Event> events() {
    return List.copyOf(events);
  }

  /** Every secret value of this world: the hosts' passwords, their own keys and the key Secret's. */
  List<String> secretValues() {
    List<String> values = new ArrayList<>();
    byName.values().forEach(h -> {
      values.add(h.password());
      FarmFiles.configs(h.windows()).values().forEach(f -> values.addAll(FarmFiles.keys(f)));
    });
    secret(KEY_SECRET).ifPresent(s -> values.addAll(s.values()));
    return values;
  }

  /** Moves the clock a minute on and reconciles {@value #FARM} as JOSDK would: a fresh copy, every farm cached. */
  Reconciled reconcile() {
    clock.advance(Duration.ofMinutes(1));
    Map<String, Integer> journalMarks = new LinkedHashMap<>();
    byName.forEach((name, host) -> journalMarks.put(name, host.journal().size()));
    int eventMark = events.size();
    int writeMark;
    synchronized (this) {
      writeMark = statusWrites;
    }
    UpdateControl<IisFarm> control = reconciler.reconcile(Serialization.clone(farms.get(FARM)),
        farms.values().stream().map(Serialization::clone).toList());
    Map<String, List<InProcessHosts.Command>> commands = new LinkedHashMap<>();
    byName.forEach((name, host) -> {
      List<InProcessHosts.Command> journal = host.journal();
      commands.put(name, journal.subList(journalMarks.get(name), journal.size()));
    });
    int writes;
    synchronized (this) {
      writes = statusWrites - writeMark;
    }
    return new Reconciled(control, status(), List.copyOf(events.subList(eventMark, events.size())), commands, writes);
  }

  /** What one reconcile did. */
  record Reconciled(UpdateControl<IisFarm> control, IisFarmStatus status, List<Event> events,
      Map<String, List<InProcessHosts.Command>> commands, int statusWrites) {

    /** When JOSDK looks again, or empty when it waits for a change. */
    Optional<Duration> requeue() {
      return control.getScheduleDelay().map(Duration::ofMillis);
    }

    List<String> commandLines(String host) {
      return commands.get(host).stream().map(InProcessHosts.Command::line).toList();
    }

    List<String> changes(String host) {
      return commands.get(host).stream().filter(InProcessHosts.Command::changedHost)
          .map(InProcessHosts.Command::line).toList();
    }

    List<String> reasons() {
      return events.stream().map(Event::reason).toList();
    }

    /** The messages of the Events with {@code reason}. */
    List<String> messages(String reason) {
      return events.stream().filter(e -> e.reason().equals(reason)).map(Event::message).toList();
    }
  }

  /** As the status subresource: written only when it differs, and then as a whole. */
  private synchronized boolean writeStatus(IisFarm farm, IisFarmStatus status) {
    IisFarm stored = farms.get(farm.getMetadata().getName());
    if (Objects.equals(stored.getStatus(), status)) {
      return false;
    }
    stored.setStatus(Serialization.clone(status));
    statusWrites++;
    return true;
  }

  @Override
  public void close() {
    stopOperator();
  }
}
