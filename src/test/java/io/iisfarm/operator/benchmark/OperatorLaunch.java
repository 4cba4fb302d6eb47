package io.iisfarm.operator.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the footprint section starts the operator: {@code java <jvmArgs> -jar <jar> run} by default, or a command
 * of the user's ({@code -Dbenchmark.operatorCommand}, run with {@code sh -c}), for an operator in a container.
 * The command may use {@code {jar}}, {@code {jvmArgs}}, {@code {kubeconfig}} and {@code {metricsPort}}; the
 * operator must serve {@code /readyz} and {@code /metrics} on 127.0.0.1 at that port and read that kubeconfig.
 * When the command does not itself become the operator's JVM ({@code podman run}), {@code
 * -Dbenchmark.operatorPidCommand} prints the PID, as this machine sees it, of the process to measure (for
 * example {@code podman inspect -f '{{.State.Pid}}' bench-operator}); it is run until it prints one.
 */
record OperatorLaunch(String name, List<String> jvmArgs, Map<String, String> env, String command,
    String pidCommand) {

  static final String COMMAND_PROPERTY = "benchmark.operatorCommand";
  static final String PID_COMMAND_PROPERTY = "benchmark.operatorPidCommand";

  /** The chart's JVM, started by this process or by the user's command. */
  static OperatorLaunch of(String name, List<String> jvmArgs, Map<String, String> env) {
    return new OperatorLaunch(name, jvmArgs, env, System.getProperty(COMMAND_PROPERTY, "").strip(),
        System.getProperty(PID_COMMAND_PROPERTY, "").strip());
  }

  String describe(Path jar) {
    if (!command.isEmpty()) {
      return command;
    }
    StringBuilder line = new StringBuilder();
    env.forEach((k, v) -> line.append(k).append('=').append(v).append(' '));
    return line + "java " + String.join(" ", jvmArgs) + " -jar " + jar + " run";
  }

  ChildProcess start(Path jar, Path kubeconfig, int metricsPort, String logName) {
    Map<String, String> environment = new LinkedHashMap<>(env);
    environment.put("KUBECONFIG", kubeconfig.toAbsolutePath().toString());
    if (command.isEmpty()) {
      List<String> args = new ArrayList<>(jvmArgs);
      args.addAll(List.of("-jar", jar.toString(), "run", "--metrics-port", String.valueOf(metricsPort)));
      return ChildProcess.java(logName, args, environment);
    }
    String line = command.replace("{jar}", jar.toAbsolutePath().toString())
        .replace("{jvmArgs}", String.join(" ", jvmArgs))
        .replace("{kubeconfig}", kubeconfig.toAbsolutePath().toString())
        .replace("{metricsPort}", String.valueOf(metricsPort));
    ChildProcess process = ChildProcess.shell(logName, line, environment);
    if (!pidCommand.isEmpty()) {
      process.measure(awaitPid(process));
    }
    return process;
  }

  private long awaitPid(ChildProcess process) {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        Process p = new ProcessBuilder("sh", "-c", pidCommand).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        p.waitFor();
        if (out.matches("\\d+") && Long.parseLong(out) > 0) {
          return Long.parseLong(out);
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the operator command ended before " + PID_COMMAND_PROPERTY
            + " printed a PID; see " + Benchmark.OUT);
      }
      InProcessOperator.sleep(200);
    }
    throw new IllegalStateException(PID_COMMAND_PROPERTY + " printed no PID within 2 minutes");
  }
}
