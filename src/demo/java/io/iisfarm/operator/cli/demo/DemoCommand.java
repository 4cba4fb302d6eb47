package io.iisfarm.operator.cli.demo;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.ValidationAlgorithm;
import io.iisfarm.operator.cli.LogSetup;
import io.iisfarm.operator.cli.OperatorRuntime;
import io.iisfarm.operator.cli.RuntimeOptions;
import io.iisfarm.operator.cli.ShutdownHooks;
import io.iisfarm.operator.secrets.KeyGenerator;
import io.iisfarm.operator.simulator.LegacyTls;
import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.simulator.windows.DriftAction;
import io.iisfarm.operator.simulator.windows.SiteView;
import io.iisfarm.operator.status.EventRecorder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: the whole loop with no cluster and no Windows. An embedded Kubernetes API, the sample farm of
 * simulated IIS hosts (wrong site IDs and machineKeys everywhere), the real operator converging it; then the
 * farm as kubectl shows it, and drift made behind the operator's back, found and corrected on the next resync.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {
        "Runs the operator against an embedded Kubernetes API and a simulated mixed IIS farm (IIS 6.0 to 10.0, "
            + "wrong site IDs and machineKeys), shows the farm as kubectl would, then changes one host by hand "
            + "and watches the operator correct it. No cluster and no Windows needed.",
        "Exits 0 when the farm converged and the drift was corrected."})
final class DemoCommand implements Callable<Integer> {
  static final String NAMESPACE = "web";
  static final String FARM = "shop";
  static final String DRIFT_HOST = "web03";
  static final Duration RESYNC = Duration.ofSeconds(5);
  /**
   * Limits that tell a broken demo from a slow machine: the whole demo took 27 s on a 2-core machine with a load
   * average of 6 and up to 59 s with one of 12 (README), of which convergence is a part.
   */
  static final Duration CONVERGE_TIMEOUT = Duration.ofSeconds(120);
  static final Duration DRIFT_TIMEOUT = RESYNC.plusSeconds(60);

  @Spec
  CommandSpec spec;

  @Option(names = "--wait", description = "After the demo, keep the API, the farm and the operator running until "
      + "interrupted (Ctrl+C), for kubectl.")
  boolean waitForInterrupt;

  @Option(names = "--port", paramLabel = "PORT", description = "Port of the embedded Kubernetes API on 127.0.0.1; "
      + "default: a free one.")
  int port;

  @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Write the kubeconfig for kubectl here "
      + "(replacing the file); default: a temporary file.")
  Path kubeconfig;

  private final CountDownLatch interrupted = new CountDownLatch(1);
  private long start;
  private PrintWriter out;

  @Override
  public Integer call() {
    start = System.nanoTime();
    // before any TLS use in this JVM: the simulated Windows Server 2003 host offers TLS 1.0 alone
    LegacyTls.enable();
    Runnable restoreLogLevel = LogSetup.warningsOnly();
    out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      String failure = run();
      if (failure != null) {
        err.println("demo failed: " + failure);
        err.flush();
        return 1;
      }
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println("demo failed: " + (e.getMessage() == null ? e : e.getMessage()));
      err.flush();
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("demo interrupted");
      err.flush();
      return 130;
    } finally {
      restoreLogLevel.run();
    }
  }

  /** Runs the demo; returns null when it succeeded, else why not. */
  private String run() throws IOException, InterruptedException {
    out.println("IIS Farm Operator demo: an embedded Kubernetes API, simulated IIS hosts, the real operator.");
    out.println("Starting the API and the hosts...");
    out.flush();
    try (EmbeddedApiServer api = EmbeddedApiServer.start(port);
        KubernetesClient client = api.newClient();
        SimulatedFarm sim = SimulatedFarm.sample()) {
      Path config = api.writeKubeconfig(kubeconfigFile(), NAMESPACE);
      out.println();
      SetupSummary.intro(api.url(), config, FARM, sim.hosts()).forEach(out::println);
      out.println();
      SimulatedFarmManifests manifests = SimulatedFarmManifests.of(sim, NAMESPACE, FARM, RESYNC.toSeconds() + "s");
      manifests.secrets().forEach(s -> client.secrets().resource(s).create());
      IisFarm farm = client.resource(DemoRollout.withDrainAndHealthChecks(manifests.farm())).create();
      SetupSummary.created(manifests, farm, sim.hosts()).forEach(out::println);
      int hostWidth = sim.hosts().stream().mapToInt(h -> h.name().length()).max().orElse(5);
      ProgressPrinter progress = new ProgressPrinter(out, start, hostWidth);
      RuntimeOptions options = new RuntimeOptions(Set.of(NAMESPACE), null, 2, 8, -1, null, null, "demo",
          RuntimeOptions.LeaseTimings.DEFAULT, false);
      out.printf("%nStarting the operator. Progress per host (seconds since the demo started):%n");
      out.flush();
      try (OperatorRuntime runtime = OperatorRuntime.start(client, options, progress)) {
        FarmWatch watch = new FarmWatch(client, NAMESPACE, FARM);
        String failure = converge(watch);
        if (failure == null) {
          failure = drift(watch, sim.host(DRIFT_HOST), progress);
        }
        if (failure == null) {
          out.printf("%nDemo finished in %.1f s: the farm converged and the drift was corrected.%n", seconds(start));
        }
        out.flush();
        if (waitForInterrupt) {
          serve(config);
        }
        return failure;
      }
    }
  }

  private String converge(FarmWatch watch) throws InterruptedException {
    Optional<IisFarm> ready = watch.awaitFarm(CONVERGE_TIMEOUT, FarmWatch::ready);
    if (ready.isEmpty()) {
      show(watch, true);
      return "the farm did not become Ready within " + CONVERGE_TIMEOUT.toSeconds() + " s; last status: "
          + FarmWatch.readiness(watch.farm());
    }
    out.printf("%nConverged in %.1f s: %s hosts in sync.%n", seconds(start), ready.get().getStatus().getInSync());
    show(watch, true);
    return null;
  }

  private String drift(FarmWatch watch, SimulatedHost host, ProgressPrinter progress) throws InterruptedException {
    String name = host.name();
    out.printf("%nNow someone changes %s by hand, behind the operator's back:%n", name);
    long injected = System.nanoTime();
    Instant injectedAt = Instant.now();
    long shopBefore = host.windows().site("Shop").orElseThrow().id();
    host.windows().applyDrift(DriftAction.fromYaml("{kind: siteId, site: Shop, id: 7}"));
    // a key that is not the farm's; generated, so that no key value is written down anywhere
    String strayKey = new KeyGenerator().validationKey(ValidationAlgorithm.SHA1).reveal();
    host.windows().applyDrift(DriftAction.fromYaml(
        "{kind: machineKey, runtime: v4.0, bitness: 64, validationKey: " + strayKey + "}"));
    SiteView shop = host.windows().site("Shop").orElseThrow();
    progress.line(name, "drift injected", "site Shop's ID changed from " + shopBefore + " to " + shop.id()
        + " (IIS stopped the site: " + shop.state() + ")");
    progress.line(name, "drift injected", "validationKey edited in the v4.0 64-bit machine.config");
    out.printf("Waiting for the operator's next check (resync every %d s)...%n", RESYNC.toSeconds());
    out.flush();

    Optional<Event> corrected = watch.awaitEvent(DRIFT_TIMEOUT, e -> EventRecorder.DRIFT_CORRECTED.equals(e.getReason())
        && e.getMessage().startsWith(name + ":"));
    Optional<IisFarm> ready = corrected.isEmpty() ? Optional.empty()
        : watch.awaitFarm(DRIFT_TIMEOUT, f -> FarmWatch.ready(f) && checkedSince(f, injectedAt));
    if (ready.isEmpty()) {
      return "the drift on " + name + " was not corrected within " + DRIFT_TIMEOUT.toSeconds() + " s; last status: "
          + FarmWatch.readiness(watch.farm());
    }
    out.println();
    progress.driftDetectedAt(name).ifPresent(at -> out.printf("Drift detected on %s %.1f s after the change.%n",
        name, (at - injected) / 1e9));
    progress.verifiedAt(name).ifPresent(at -> out.printf("Drift on %s corrected in %.1f s.%n",
        name, (at - injected) / 1e9));
    Event event = corrected.get();
    out.printf("Event: %s %s %s%n", event.getType(), event.getReason(), event.getMessage());
    out.printf("Site Shop on %s stays %s: IIS stopped it when its ID was changed by hand, and the operator starts "
        + "only the sites its own change stopped.%n", name, host.windows().site("Shop").orElseThrow().state());
    show(watch, false);
    return null;
  }

  /** Prints the farm as {@code kubectl get iisfarms} (and {@code describe}) show it. */
  private void show(FarmWatch watch, boolean describe) {
    IisFarm farm = watch.farm();
    Instant now = Instant.now();
    out.println();
    out.println("$ kubectl get iisfarms");
    FarmGetTable.render(List.of(farm), PrinterColumns.fromGeneratedCrd(), now).forEach(out::println);
    if (describe) {
      out.println();
      out.println("$ kubectl describe iisfarm " + FARM);
      FarmDescription.render(farm, watch.events(), now).forEach(out::println);
    }
    out.flush();
  }

  private void serve(Path config) {
    Thread hook = ShutdownHooks.add("demo-shutdown", interrupted::countDown);
    out.printf("%nServing until interrupted (Ctrl+C): KUBECONFIG=%s kubectl get iisfarms%n", config);
    out.flush();
    try {
      interrupted.await();
    } catch (InterruptedException e) {
      // the way a caller in this JVM stops the demo, as Ctrl+C does: handled here, by stopping
    } finally {
      ShutdownHooks.remove(hook);
    }
  }

  private Path kubeconfigFile() throws IOException {
    if (kubeconfig != null) {
      return kubeconfig;
    }
    Path file = Files.createTempFile("iisfarm-demo-", ".kubeconfig");
    file.toFile().deleteOnExit();
    return file;
  }

  private static boolean checkedSince(IisFarm farm, Instant since) {
    String lastCheck = farm.getStatus().getLastCheck();
    return lastCheck != null && !Instant.parse(lastCheck).isBefore(since.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
