package io.iisfarm.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.iisfarm.operator.cli.demo.DemoMain;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;

/** {@code demo --wait} run through the jar's entry point on a thread of this JVM, with its output captured. */
final class DemoRun implements AutoCloseable {
  /** Longer than the demo's own limits together (DemoCommand: 120 s to converge, 65 s to correct the drift). */
  static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(240);

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final Path kubeconfig;
  private final AtomicInteger exit = new AtomicInteger(-1);
  private final Thread thread;

  private DemoRun(Path kubeconfig) {
    this.kubeconfig = kubeconfig;
    CommandLine cli = DemoMain.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    thread = new Thread(() -> exit.set(cli.execute("demo", "--wait", "--kubeconfig", kubeconfig.toString())),
        "demo");
  }

  /** Starts the demo and returns once it serves, i.e. once its script has ended. */
  static DemoRun startAndAwaitServing(Path dir) {
    DemoRun run = new DemoRun(dir.resolve("demo.kubeconfig"));
    run.thread.start();
    await().atMost(SCRIPT_TIMEOUT).pollInterval(Duration.ofMillis(200))
        .until(() -> run.out().contains("Serving until interrupted") || !run.thread.isAlive());
    assertThat(run.out()).as("demo output; stderr: %s", run.err()).contains("Serving until interrupted");
    return run;
  }

  String out() { return out.toString(); }

  String err() { return err.toString(); }

  /** A client of the demo's API, through the kubeconfig the demo wrote. */
  KubernetesClient client() throws IOException {
    return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build();
  }

  /** Interrupts the serving demo, as Ctrl+C would, and returns its exit code. */
  int stop() throws InterruptedException {
    thread.interrupt();
    thread.join(Duration.ofSeconds(60).toMillis());
    assertThat(thread.isAlive()).as("demo stopped").isFalse();
    return exit.get();
  }

  @Override
  public void close() throws InterruptedException {
    if (thread.isAlive()) {
      stop();
    }
  }
}
