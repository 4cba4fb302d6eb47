package io.iisfarm.operator.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The machine a run measured on: CPUs, memory, JVM, and the load average (other work may share it). */
final class MachineInfo {
  private MachineInfo() {}

  static Map<String, Object> capture(String when) {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("when", when);
    info.put("time", Instant.now().toString());
    info.put("loadAverage", read("/proc/loadavg").replaceAll("^(\\S+ \\S+ \\S+).*$", "$1"));
    if ("before".equals(when)) {
      info.put("availableProcessors", Runtime.getRuntime().availableProcessors());
      info.put("memTotal", read("/proc/meminfo").lines().filter(l -> l.startsWith("MemTotal"))
          .findFirst().orElse("?").replaceAll("\\s+", " "));
      info.put("cpuModel", read("/proc/cpuinfo").lines().filter(l -> l.startsWith("model name"))
          .findFirst().orElse("?").replaceAll("^model name\\s*:\\s*", ""));
      info.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
      info.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }
    return info;
  }

  /** The commit checked out in {@code tree} ({@code git describe}), or "?" when git cannot say. */
  static String commit(Path tree) {
    try {
      Process git = new ProcessBuilder("git", "-C", tree.toString(), "describe", "--always", "--tags", "--dirty")
          .redirectErrorStream(true).start();
      String out = new String(git.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
      return git.waitFor() == 0 ? out : "?";
    } catch (IOException e) {
      return "?";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file)).strip();
    } catch (IOException e) {
      return "?";
    }
  }
}
