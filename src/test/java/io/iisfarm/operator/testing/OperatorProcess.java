package io.iisfarm.operator.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The operator's jar run as a user runs it ({@code java -jar ... run}), in a process of its own. */
public final class OperatorProcess implements AutoCloseable {
  static final Path JAR = Path.of("target", "iis-farm-operator.jar");

  private final Process process;
  private final Path log;

  private OperatorProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code run} with {@code runArgs} against the API server of {@code kubeconfig}, with {@code env} added
   * to the environment; output goes to {@code log}.
   */
  public static OperatorProcess start(Path kubeconfig, Path log, Map<String, String> env, String... runArgs)
      throws IOException {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR + " is missing: the integration tests run after `mvn package`");
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        // the simulated Server 2003 host speaks TLS 1.0 only, as the README tells Server 2003 users
        "-Djava.security.properties=" + Path.of("src/test/resources/legacy-tls.java.security").toAbsolutePath(),
        "-jar", JAR.toAbsolutePath().toString(), "run"));
    command.addAll(List.of(runArgs));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("KUBECONFIG", kubeconfig.toAbsolutePath().toString());
    builder.environment().putAll(env);
    return new OperatorProcess(builder.start(), log);
  }

  /** SIGTERM, as Kubernetes stops a pod; true when the process ended within {@code seconds}. */
  public boolean terminate(long seconds) throws InterruptedException {
    process.destroy();
    return process.waitFor(seconds, TimeUnit.SECONDS);
  }

  /** SIGKILL: no shutdown hook, no cleanup; as a node failing or an OOM kill. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** Waits for the process to end; false when it still runs after {@code timeout}. */
  public boolean waitFor(java.time.Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public int exitCode() {
    return process.exitValue();
  }

  public boolean alive() {
    return process.isAlive();
  }

  public String output() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
