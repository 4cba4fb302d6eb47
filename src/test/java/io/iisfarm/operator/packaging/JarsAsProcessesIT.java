package io.iisfarm.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's two terminals, with the jars `mvn package` makes, each in a process of its own: the demo's jar
 * serves the simulated farm ({@code simulate}), the operator's jar audits it ({@code audit}), so {@code audit}
 * works from the jar that leaves the simulator and its libraries out.
 */
class JarsAsProcessesIT {
  private static final Path OPERATOR_JAR = Path.of("target", "iis-farm-operator.jar");
  private static final Path DEMO_JAR = Path.of("target", "iis-farm-operator-demo.jar");

  @TempDir
  Path dir;

  @Test
  void theOperatorsJarAuditsTheFarmTheDemosJarSimulates() throws Exception {
    Path farm = dir.resolve("farm.yaml");
    Path secrets = dir.resolve("secrets.yaml");
    Path simulateLog = Path.of("target", "jars-as-processes", "simulate.log");
    Files.createDirectories(simulateLog.getParent());
    Process simulate = java(simulateLog, DEMO_JAR, "simulate", "--farm-out", farm.toString(),
        "--secrets-out", secrets.toString());
    try {
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
          .until(() -> Files.readString(simulateLog).contains("Serving") || !simulate.isAlive());
      assertThat(Files.readString(simulateLog)).as("simulate's output").contains("Serving");

      Path auditLog = simulateLog.resolveSibling("audit.log");
      Process audit = java(auditLog, OPERATOR_JAR, "audit", "--secrets", secrets.toString(), farm.toString());
      // generous: a cold JVM on a loaded machine reading four hosts; the bound only stops a hung process
      assertThat(audit.waitFor(300, TimeUnit.SECONDS)).as("audit exits").isTrue();
      String output = Files.readString(auditLog);

      assertThat(audit.exitValue()).as(output).isEqualTo(1);
      assertThat(output).contains("Audit of IisFarm default/sample: 4 hosts", "Desired: Shop=2, Api=3; machineKey",
          "Drift: 0 of 4 hosts in sync (exit code 1).").doesNotContain("NoClassDefFoundError");
    } finally {
      simulate.destroy();
      if (!simulate.waitFor(30, TimeUnit.SECONDS)) {
        simulate.destroyForcibly();
      }
    }
  }

  private static Process java(Path log, Path jar, String... args) throws IOException {
    assertThat(jar).as("the integration tests run after mvn package").isRegularFile();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }
}
