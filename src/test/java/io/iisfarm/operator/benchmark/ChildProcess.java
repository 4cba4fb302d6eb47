package io.iisfarm.operator.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A process the benchmark starts (simulated farm, API server, operator), its output in a log file. What is
 * measured ({@code /proc}, {@code jcmd}) is the started process, or another one named by {@link #measure}: the JVM
 * inside a container started by {@code podman run}, say.
 */
final class ChildProcess implements AutoCloseable {
  private static final Pattern KIB = Pattern.compile("(\\d+)\\s*kB");
  /** Clock ticks per second of {@code /proc/<pid>/stat}; 100 on every Linux the benchmark runs on. */
  private static final int CLOCK_TICKS = 100;

  private final String name;
  private final Process process;
  private final Path log;
  private volatile long measuredPid;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.measuredPid = process.pid();
  }

  /** Starts {@code java} with {@code args}; stdout and stderr go to {@code <name>.log} under the output folder. */
  static ChildProcess java(String name, List<String> args, Map<String, String> env) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(args);
    return start(name, command, env);
  }

  /** Runs {@code commandLine} with {@code sh -c}. */
  static ChildProcess shell(String name, String commandLine, Map<String, String> env) {
    return start(name, List.of("sh", "-c", commandLine), env);
  }

  private static ChildProcess start(String name, List<String> command, Map<String, String> env) {
    Path log = Benchmark.OUT.resolve(name + ".log");
    try {
      Files.createDirectories(Benchmark.OUT);
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile());
      builder.environment().putAll(env);
      return new ChildProcess(name, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  /** The process measured: the one started, unless {@link #measure} named another. */
  long pid() {
    return measuredPid;
  }

  /** Measures {@code pid} instead of the started process (which may be a wrapper such as {@code podman run}). */
  void measure(long pid) {
    this.measuredPid = pid;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** User plus system CPU time the measured process has used, in seconds ({@code /proc/<pid>/stat}). */
  double cpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid()), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // after the command name: state is field 3, utime 14 and stime 15 (proc(5))
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The measured process's threads, counted by name with digits folded ({@code host-reader-#}). */
  Map<String, Integer> threadsByName() {
    Map<String, Integer> names = new java.util.TreeMap<>();
    try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid()), "task"))) {
      for (Path task : tasks.toList()) {
        try {
          names.merge(Files.readString(task.resolve("comm")).strip().replaceAll("\\d+", "#"), 1, Integer::sum);
        } catch (IOException e) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  /** The first output line matching {@code match}; fails when the process ends or the time is up. */
  String awaitLine(Predicate<String> match, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<String> line = lines().stream().filter(match).findFirst();
      if (line.isPresent()) {
        return line.get();
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(name + " did not print the expected line within " + timeout + "; see " + log);
      }
      InProcessOperator.sleep(50);
    }
  }

  List<String> lines() {
    try {
      return Files.exists(log) ? Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A {@code /proc/<pid>/status} field in KiB (VmRSS, VmHWM), or the Threads count. */
  long procStatus(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
        if (line.startsWith(field + ":")) {
          Matcher kib = KIB.matcher(line);
          return kib.find() ? Long.parseLong(kib.group(1)) : Long.parseLong(line.substring(field.length() + 1).strip());
        }
      }
      throw new IllegalStateException("no " + field + " in /proc/" + pid() + "/status");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code jcmd <pid> <command>} and returns what it printed (an error message when it cannot attach). */
  String jcmd(String... command) {
    List<String> args = new ArrayList<>();
    args.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    args.add(String.valueOf(pid()));
    args.addAll(List.of(command));
    try {
      Process jcmd = new ProcessBuilder(args).redirectErrorStream(true).start();
      String out = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      jcmd.waitFor(30, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    // a wrapper (sh -c, podman run) passes the signal on; a JVM found by PID is told directly as well
    if (measuredPid != process.pid()) {
      ProcessHandle.of(measuredPid).ifPresent(ProcessHandle::destroy);
    }
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
