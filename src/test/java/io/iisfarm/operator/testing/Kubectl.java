package io.iisfarm.operator.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the machine's real kubectl. Without kubectl the test is skipped with a message, except under
 * {@code CI=true}, where a missing kubectl fails the test (CI installs it).
 */
public final class Kubectl {
  private final String executable;

  private Kubectl(String executable) {
    this.executable = executable;
  }

  public static Kubectl requireOrSkip() {
    String found = findOnPath("kubectl");
    if (found == null) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("kubectl is not installed; .ci/run installs Debian's kubernetes-client");
      }
      assumeTrue(false, "kubectl not found on PATH: install kubectl (Debian: kubernetes-client) to run this test");
    }
    return new Kubectl(found);
  }

  public Result run(Path kubeconfig, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(executable, "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish in 60 s");
    }
    return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private static String findOnPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }

  /** What kubectl printed. */
  public record Result(int exitCode, String stdout, String stderr) {}
}
