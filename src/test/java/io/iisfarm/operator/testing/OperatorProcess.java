package io.iisfarm.operator.reconciler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The operator's jar run as a user runs it ({@code java -jar ... run}), in a process of its own. */
final class OperatorProcess implements AutoCloseable {
  static final Path JAR = Path.of("target", "iis-farm-operator.jar");

  private final Process process;
  private final Path log;

  private OperatorProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts {@code run} against the API server of {@code kubeconfig}; output goes to {@code log}. */
  static OperatorProcess start(Path kubeconfig, Path log) throws IOException {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR + " is missing: the integration tests run after `mvn package`");
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder = new ProcessBuilder(List.of(java,
        // the simulated Server 2003 host speaks TLS 1.0 only, as the README tells Server 2003 users
        "-Djava.security.properties=" + Path.of("src/test/resources/legacy-tls.java.security").toAbsolutePath(),
        "-jar", JAR.toAbsolutePath().toString(), "run", "--metrics-port", "-1", "--concurrency", "2"))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("KUBECONFIG", kubeconfig.toAbsolutePath().toString());
    return new OperatorProcess(builder.start(), log);
  }

  /** SIGKILL: no shutdown hook, no cleanup; as a node failing or an OOM kill. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  boolean alive() {
    return process.isAlive();
  }

  String output() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
