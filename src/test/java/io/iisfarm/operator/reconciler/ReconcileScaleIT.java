package io.iisfarm.operator.reconciler;

import static io.iisfarm.operator.reconciler.OperatorHarness.NAMESPACE;
import static io.iisfarm.operator.reconciler.OperatorHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.iisfarm.operator.api.DecryptionAlgorithm;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.ValidationAlgorithm;
import io.iisfarm.operator.cli.OperatorRuntime;
import io.iisfarm.operator.cli.RuntimeOptions;
import io.iisfarm.operator.cli.demo.SimulatedFarmManifests;
import io.iisfarm.operator.secrets.KeyGenerator;
import io.iisfarm.operator.secrets.MachineKeySecret;
import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.simulator.windows.DriftAction;
import io.iisfarm.operator.testing.RealApiServer;
import io.micrometer.core.instrument.Counter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many farms on one operator: threads and WinRM connections stay bounded while the farms are reconciled over
 * and over, and neither leaks over 1,000 reconciles.
 *
 * <p>The reconciles are the operator's own: JOSDK reschedules every farm after its resync interval (5 s, the
 * minimum), as in production. 100 one-host farms make up to 20 reconciles a second, so 1,000 take about a
 * minute. Calling the reconciler in a loop would be quicker but would bypass the framework's threads and
 * scheduling, which are part of what must not leak. Hosts start with the farm's machineKey so that the start
 * is quick; a fifth of them have Shop and Api swapped, and one more host drifts every 80 reconciles, so
 * rollouts (each on short-lived threads of its own) are among the reconciles measured.
 */
@RealApiServer
class ReconcileScaleIT {
  private static final Logger LOG = LoggerFactory.getLogger(ReconcileScaleIT.class);
  private static final int FARMS = 100;
  private static final int CONCURRENCY = 4;
  private static final int HOST_READS = 4;
  private static final int RECONCILES = 1_000;
  private static final int DRIFTS = 9;
  /** A host drifts every this many reconciles, the last one well before the end. */
  private static final int DRIFT_EVERY = 80;
  /** Idle WinRM command threads are kept for a minute; at most one per host read and rollout at once. */
  private static final int THREAD_SLACK = HOST_READS + CONCURRENCY;
  /** Operator-owned threads, by name; after a stop none may be left. */
  private static final List<String> OPERATOR_THREADS =
      List.of("host-reader-", "winrm-command-", "rollout-", "ReconcilerExecutor-", "I/O dispatcher");
  private static final Duration LONG = Duration.ofMinutes(6);

  @Test
  void reconcilesStayBoundedAndLeaveNoThreadOrConnectionBehind() {
    KeyGenerator keys = new KeyGenerator();
    String validationKey = keys.validationKey(ValidationAlgorithm.SHA1).reveal();
    String decryptionKey = keys.decryptionKey(DecryptionAlgorithm.AES).reveal();
    SimulatedFarm sim = SimulatedFarm.fromYaml(
        Iis10FarmFiles.hosts("host", FARMS, FARMS / 5, validationKey, decryptionKey));
    try (OperatorHarness h = OperatorHarness.of(sim, "5s")) {
      List<SimulatedHost> hosts = sim.hosts();
      for (int i = 0; i < FARMS; i++) {
        SimulatedFarmManifests farm = SimulatedFarmManifests.of(sim, List.of(hosts.get(i)), NAMESPACE,
            "farm" + (i + 1), "5s");
        farm.secrets().stream()
            .map(s -> s.getMetadata().getName().equals(farm.keySecretName())
                ? withKey(s, validationKey, decryptionKey) : s)
            .forEach(s -> h.client.secrets().resource(s).create());
        h.create(farm.farm());
      }
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      // threads other tests in this JVM left behind are not this operator's
      Set<Thread> preexisting = Set.copyOf(Thread.getAllStackTraces().keySet());
      LOG.info(String.format("scale: operator-named threads alive before the start %s",
          operatorGroups(threadGroups(Set.of()))));
      RecordingProgress progress = new RecordingProgress();
      long started = System.nanoTime();
      OperatorRuntime operator = h.startOperator(new RuntimeOptions(Set.of(), null, CONCURRENCY, HOST_READS, -1,
          null, null, "scale", OperatorHarness.LEASE_TIMINGS, false), progress);

      await("every farm Ready", LONG, () -> readyFarms(h) == FARMS);
      double converged = count(operator, "iisfarm.reconciles");
      await("one more round of resyncs", LONG, () -> count(operator, "iisfarm.reconciles") >= converged + FARMS);
      double warm = (System.nanoTime() - started) / 1e9;
      sim.resetInspection();
      int baselineThreads = threads.getThreadCount();
      int baselineConnections = hosts.stream().mapToInt(x -> x.counters().connectionsOpen()).sum();
      double start = count(operator, "iisfarm.reconciles");
      double correctionsBefore = count(operator, "iisfarm.corrections");
      long startNanos = System.nanoTime();
      int drifted = 0;
      Map<String, Long> maxGroups = new TreeMap<>();
      while (count(operator, "iisfarm.reconciles") < start + RECONCILES
          || count(operator, "iisfarm.corrections") < correctionsBefore + DRIFTS) {
        if (System.nanoTime() - startNanos > LONG.toNanos()) {
          throw new AssertionError((count(operator, "iisfarm.reconciles") - start) + " reconciles and "
              + (count(operator, "iisfarm.corrections") - correctionsBefore) + " corrections in " + LONG);
        }
        while (drifted < Math.min(DRIFTS, (int) ((count(operator, "iisfarm.reconciles") - start) / DRIFT_EVERY))) {
          hosts.get(FARMS - 1 - drifted++).windows()
              .applyDrift(DriftAction.fromYaml("{kind: siteId, site: Api, id: 7}"));
        }
        threadGroups(preexisting).forEach((group, n) -> maxGroups.merge(group, n, Math::max));
        OperatorHarness.sleep(100);
      }
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      double done = count(operator, "iisfarm.reconciles") - start;
      long shells = hosts.stream().mapToLong(x -> x.counters().shellsCreated()).sum();
      int afterThreads = threads.getThreadCount();
      int afterConnections = hosts.stream().mapToInt(x -> x.counters().connectionsOpen()).sum();
      long accepted = hosts.stream().mapToLong(x -> x.counters().connectionsAccepted()).sum();
      int maxConnections = hosts.stream().mapToInt(x -> x.counters().maxConnectionsOpen()).max().orElseThrow();
      int maxRequests = hosts.stream().mapToInt(x -> x.counters().maxRequestsInFlight()).max().orElseThrow();
      int maxShells = hosts.stream().mapToInt(x -> x.counters().maxShellsOpen()).max().orElseThrow();
      Set<String> reconcileThreads = progress.observed().stream().map(RecordingProgress.Observed::thread)
          .collect(Collectors.toSet());
      LOG.info(String.format("scale: warm after %.0f s; %.0f reconciles in %.1f s; threads baseline %d, after %d, most"
          + " of the operator's at once %s; WinRM connections open %d at baseline, %d after, %d accepted, most per"
          + " host %d, most requests at once per host %d; shells %d, most per host %d", warm, done, seconds,
          baselineThreads, afterThreads, operatorGroups(maxGroups), baselineConnections, afterConnections, accepted,
          maxConnections, maxRequests, shells, maxShells));

      // bounded while running
      assertThat(reconcileThreads).hasSizeLessThanOrEqualTo(CONCURRENCY);
      assertThat(maxGroups.getOrDefault("host-reader-#", 0L)).isLessThanOrEqualTo(HOST_READS);
      assertThat(maxGroups.getOrDefault("rollout-#", 0L)).isLessThanOrEqualTo(CONCURRENCY);
      assertThat(maxGroups.getOrDefault("winrm-command-#", 0L)).isLessThanOrEqualTo(HOST_READS + CONCURRENCY);
      assertThat(maxRequests).as("WinRM requests at once to one host").isEqualTo(1);
      assertThat(maxShells).as("shells at once on one host").isEqualTo(1);
      // requests to a host are sequential, but the client's pool may open a connection before the last one is
      // handed back; idle ones close after 5 s. A leak would add one per session, 10 per host here.
      assertThat(maxConnections).as("connections open at once to one host").isLessThanOrEqualTo(4);
      // nothing piles up: one shell per host read or host step, connections reused, threads back to the baseline
      assertThat(count(operator, "iisfarm.corrections") - correctionsBefore).isEqualTo(DRIFTS);
      // reconciles under way at either end may have their shell on the other side of the count
      assertThat(shells).isBetween((long) done - CONCURRENCY, (long) done + DRIFTS + CONCURRENCY);
      // idle connections close after 5 s, as long as the resync interval: a check reuses one or opens one
      assertThat(accepted).as("connections opened").isLessThanOrEqualTo(2 * shells);
      assertThat(afterConnections).as("connections open after the run").isLessThanOrEqualTo(4 * FARMS);
      assertThat(afterThreads).isLessThanOrEqualTo(baselineThreads + THREAD_SLACK);

      h.stopOperators();
      await("the operator's threads ended", Duration.ofSeconds(60),
          () -> operatorGroups(threadGroups(preexisting)).isEmpty(),
          () -> "still alive: " + operatorGroups(threadGroups(preexisting)));
      await("every WinRM connection closed", Duration.ofSeconds(60),
          () -> hosts.stream().allMatch(x -> x.counters().connectionsOpen() == 0));
      assertThat(hosts).allMatch(x -> x.counters().shellsOpen() == 0);
      LOG.info(String.format("scale: threads after the stop %d", threads.getThreadCount()));
    }
  }

  private static Secret withKey(Secret secret, String validationKey, String decryptionKey) {
    return new SecretBuilder(secret).withData(Map.of(MachineKeySecret.VALIDATION_KEY, base64(validationKey),
        MachineKeySecret.DECRYPTION_KEY, base64(decryptionKey))).build();
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  private static long readyFarms(OperatorHarness h) {
    return h.client.resources(IisFarm.class).inNamespace(NAMESPACE).list().getItems().stream()
        .filter(f -> f.getStatus() != null && OperatorHarness.condition("Ready", "True", null).test(f.getStatus()))
        .count();
  }

  private static double count(OperatorRuntime operator, String counter) {
    return operator.registry().find(counter).counters().stream().mapToDouble(Counter::count).sum();
  }

  private static Map<String, Long> operatorGroups(Map<String, Long> groups) {
    return groups.entrySet().stream().filter(e -> OPERATOR_THREADS.stream().anyMatch(e.getKey()::startsWith))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, TreeMap::new));
  }

  /** Live threads started since {@code preexisting}, by name with digits as {@code #}: {@code host-reader-#} → 4. */
  private static Map<String, Long> threadGroups(Set<Thread> preexisting) {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).filter(t -> !preexisting.contains(t))
        .map(t -> t.getName().replaceAll("\\d+", "#"))
        .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
  }
}
