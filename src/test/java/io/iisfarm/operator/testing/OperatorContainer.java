package io.iisfarm.operator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The operator image run in a container of its own by podman ({@code src/test/image/run}), and what the host sees
 * of it: the PID of its JVM, {@code /proc/<pid>/status}, the JVM through the host's {@code jcmd}, and the memory its
 * cgroup is charged. For footprint figures of the operator as the chart runs it:
 * <pre>{@code
 * try (OperatorContainer operator = OperatorContainer.start(OperatorImage.get(), "bench",
 *     ChartPod.render(client, release, namespace, values).podmanOptions(dir, access), log)) {
 *   OperatorContainer.Footprint f = operator.footprint();   // RSS, peak RSS, threads, cgroup memory
 *   String heap = operator.jcmd("GC.heap_info");
 * }
 * }</pre>
 * Reading another process's {@code /proc} and attaching jcmd to a JVM in other namespaces needs root, as podman
 * here does. A watchdog removes the container when the test JVM ends, however it ends.
 */
public final class OperatorContainer implements AutoCloseable {
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static final Path FOOTPRINT = Path.of("src/test/image/footprint");

  private final String name;
  private final Path log;
  private final long pid;

  private OperatorContainer(String name, Path log, long pid) {
    this.name = name;
    this.log = log;
    this.pid = pid;
  }

  /** The output of a command: its exit code and what it printed on stdout and stderr together. */
  public record Exec(int exitCode, String output) {}

  /** What is measured of the container's main process, the JVM (cgroup memory -1 where not read). */
  public record Footprint(long pid, long rssKiB, long peakRssKiB, long threads, long cgroupMemoryBytes) {}

  /**
   * Starts {@code image} detached with {@code podmanOptions} (podman run's own, e.g. from {@link ChartPod}) and
   * its entrypoint, as container {@code iis-farm-operator-<label>-<n>}; {@link #close()} saves its output to
   * {@code log} and removes it.
   */
  public static OperatorContainer start(OperatorImage image, String label, List<String> podmanOptions, Path log) {
    String name = "iis-farm-operator-" + label + "-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
    List<String> command = new ArrayList<>(List.of("bash", OperatorImage.runScript().toString(), "--detach",
        "--name", name));
    command.addAll(podmanOptions);
    command.add(image.id());
    Exec run = exec(command, 300);
    if (run.exitCode() != 0) {
      throw new IllegalStateException("podman run failed (exit " + run.exitCode() + "): " + run.output());
    }
    watch(name);
    Exec inspect = podman("inspect", "--format", "{{.State.Pid}}", name);
    long pid = inspect.exitCode() == 0 ? Long.parseLong(inspect.output().strip()) : 0;
    if (pid <= 0) {
      OperatorContainer failed = new OperatorContainer(name, log, 0);
      failed.close();
      throw new IllegalStateException("container " + name + " is not running: " + failed.logs());
    }
    return new OperatorContainer(name, log, pid);
  }

  public String name() { return name; }

  /** The PID, as the host sees it, of the container's main process: the JVM the entrypoint starts. */
  public long pid() { return pid; }

  /** A numeric field of the JVM's {@code /proc/<pid>/status}: KiB for {@code Vm*}, a count for {@code Threads}. */
  public long procStatus(String key) {
    String line = statusLines().stream().filter(l -> l.startsWith(key + ":")).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no " + key + " in /proc/" + pid + "/status"));
    return Long.parseLong(line.substring(key.length() + 1).strip().split("\\s+")[0]);
  }

  /** Every line of the JVM's {@code /proc/<pid>/status}, as the host reads it. */
  public List<String> statusLines() {
    try {
      return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"));
    } catch (IOException e) {
      throw new UncheckedIOException("container " + name + " is not running (" + e.getMessage() + "): " + logs(), e);
    }
  }

  /** RSS, peak RSS and threads of the JVM and its cgroup's memory, from {@code src/test/image/footprint}. */
  public Footprint footprint() {
    Exec footprint = exec(List.of("bash", FOOTPRINT.toString(), name), 60);
    Map<String, Long> values = new LinkedHashMap<>();
    footprint.output().lines().filter(l -> l.matches("[A-Z_]+=\\d+"))
        .forEach(l -> values.put(l.substring(0, l.indexOf('=')), Long.parseLong(l.substring(l.indexOf('=') + 1))));
    if (footprint.exitCode() != 0 || values.size() < 5) {
      throw new IllegalStateException(FOOTPRINT + " " + name + " failed: " + footprint.output());
    }
    return new Footprint(values.get("PID"), values.get("RSS_KIB"), values.get("PEAK_RSS_KIB"), values.get("THREADS"),
        values.get("CGROUP_MEMORY_BYTES"));
  }

  /**
   * The JVM's {@code /proc/1/status} as the container itself sees it ({@code podman exec}: the entrypoint's JVM is
   * the container's PID 1): RSS, peak RSS ({@code VmRSS}, {@code VmHWM}, KiB) and {@code Threads}.
   */
  public Footprint footprintInside() {
    Exec status = exec("0", "cat", "/proc/1/status");
    if (status.exitCode() != 0) {
      throw new IllegalStateException("cannot read /proc/1/status in " + name + ": " + status.output());
    }
    Map<String, Long> values = new LinkedHashMap<>();
    status.output().lines().map(l -> l.split(":\\s+", 2)).filter(kv -> kv.length == 2)
        .filter(kv -> List.of("VmRSS", "VmHWM", "Threads").contains(kv[0]))
        .forEach(kv -> values.put(kv[0], Long.parseLong(kv[1].split("\\s+")[0])));
    if (values.size() < 3) {
      throw new IllegalStateException("no VmRSS, VmHWM or Threads in the status of " + name + ": " + status.output());
    }
    return new Footprint(1, values.get("VmRSS"), values.get("VmHWM"), values.get("Threads"), -1);
  }

  /** Copies {@code path} out of the container to {@code target} on the host. */
  public void copyOut(String path, Path target) {
    Exec copy = podman("cp", name + ":" + path, target.toAbsolutePath().toString());
    if (copy.exitCode() != 0) {
      throw new IllegalStateException("podman cp " + name + ":" + path + " failed: " + copy.output());
    }
  }

  /** A jcmd command (e.g. {@code GC.heap_info}) sent by the host's jcmd to the JVM in the container. */
  public String jcmd(String... command) {
    List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        String.valueOf(pid)));
    args.addAll(List.of(command));
    Exec jcmd = exec(args, 120);
    if (jcmd.exitCode() != 0) {
      throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + jcmd.output());
    }
    return jcmd.output();
  }

  /** Runs {@code command} in the container as {@code user} (e.g. "0", "10001:10001"). */
  public Exec exec(String user, String... command) {
    List<String> args = new ArrayList<>(List.of("exec", "--user", user, name));
    args.addAll(List.of(command));
    return podman(args.toArray(String[]::new));
  }

  /** What the container printed so far. */
  public String logs() {
    return podman("logs", name).output();
  }

  public boolean running() {
    return "true".equals(podman("inspect", "--format", "{{.State.Running}}", name).output().strip());
  }

  /** Stops the container (SIGTERM, as Kubernetes stops a pod), saves its output to the log, removes it. */
  @Override
  public void close() {
    podman("stop", "--time", "30", name);
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      Files.writeString(log, logs());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      podman("rm", "--force", name);
    }
  }

  /** Runs {@code image} once in a container removed after (podman run's options, then the image's arguments). */
  public static Exec runOnce(OperatorImage image, List<String> podmanOptions, String... args) {
    List<String> command = new ArrayList<>(List.of("bash", OperatorImage.runScript().toString(), "--rm"));
    command.addAll(podmanOptions);
    command.add(image.id());
    command.addAll(List.of(args));
    return exec(command, 300);
  }

  /** Runs podman with the runtime that works here (for commands that start no container). */
  public static Exec podman(String... args) {
    List<String> command = new ArrayList<>(List.of("podman", "--runtime", "runc"));
    command.addAll(List.of(args));
    return exec(command, 120);
  }

  private static void watch(String name) {
    try {
      new ProcessBuilder("setsid", "bash", "-c",
          "while kill -0 \"$1\" 2>/dev/null; do sleep 2; done; podman rm --force --time 5 \"$2\" >/dev/null 2>&1",
          "watchdog", String.valueOf(ProcessHandle.current().pid()), name)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Exec exec(List<String> command, long timeoutSeconds) {
    try {
      Path out = Files.createTempFile("podman", ".out");
      try {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException(String.join(" ", command) + " did not end within " + timeoutSeconds + " s");
        }
        return new Exec(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
