package io.iisfarm.operator.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs kubectl, the one built from the same Kubernetes release as the test API server ({@link RealKube}), so
 * that tests never depend on whichever kubectl a machine has. Where it cannot be built the test is skipped with
 * a message, except under {@code CI=true}, where it fails.
 */
public final class Kubectl {
  private final String executable;

  Kubectl(String executable) {
    this.executable = executable;
  }

  public static Kubectl requireOrSkip() {
    return RealKube.get().kubectl();
  }

  public Result run(Path kubeconfig, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(executable, "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("kubectl", ".out");
    Path err = Files.createTempFile("kubectl", ".err");
    try {
      Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish in 60 s");
      }
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** What kubectl printed. */
  public record Result(int exitCode, String stdout, String stderr) {}
}
