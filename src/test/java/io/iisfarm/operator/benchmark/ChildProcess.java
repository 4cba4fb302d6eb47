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

/** A JVM the benchmark starts (simulated farm, API server, operator), its output in a log file. */
final class ChildProcess implements AutoCloseable {
  private static final Pattern KIB = Pattern.compile("(\\d+)\\s*kB");

  private final String name;
  private final Process process;
  private final Path log;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code java} with {@code args}; stdout and stderr go to {@code <name>.log} under the output folder. */
  static ChildProcess java(String name, List<String> args, Map<String, String> env) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(args);
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

  long pid() {
    return process.pid();
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

  /** Runs {@code jcmd <pid> <command>} and returns what it printed. */
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
