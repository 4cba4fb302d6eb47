package io.iisfarm.operator.simulator.windows;

import java.time.Clock;

/**
 * The state of one simulated host that commands act on: its file system, environment and IIS
 * configuration. Always used under the owning {@link WindowsHost}'s lock.
 */
final class HostRuntime {
  final String hostname;
  final OsVersion os;
  final int bits;
  final WindowsFileSystem fs;
  final EnvironmentBlock env;
  final Clock clock;
  /** The IIS7+ configuration, or null on IIS6; set once while the host is built. */
  ApplicationHostConfig iis7;
  /** The IIS6 metabase, or null on IIS7+; set once while the host is built. */
  Metabase metabase;
  /** The .NET runtimes installed, as defined; set once while the host is built. */
  java.util.List<HostDefinition.Framework> frameworks = java.util.List.of();
  /** The host's NLB cluster membership, or null when the NLB feature is not installed; set once while built. */
  NlbCluster nlb;
  private RunContext current = new RunContext();
  private final HostOptions options;
  private final ProgramFaults programFaults = new ProgramFaults();
  private final Language language;
  /** The console code page of the shell running the current line. */
  private java.nio.charset.Charset consoleCharset;
  /** Calls adsutil.vbs made into the IIS Admin Service, and scripts cscript started, since the host was built. */
  private final java.util.concurrent.atomic.AtomicLong adsiCalls = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong scriptStarts = new java.util.concurrent.atomic.AtomicLong();

  HostRuntime(String hostname, OsVersion os, int bits, WindowsFileSystem fs, EnvironmentBlock env, Clock clock,
      HostOptions options) {
    this.options = options;
    this.language = options.effectiveLanguage();
    this.consoleCharset = CodePages.charset(options.effectiveCodePage());
    this.hostname = hostname;
    this.os = os;
    this.bits = bits;
    this.fs = fs;
    this.env = env;
    this.clock = clock;
  }

  RunContext context() { return current; }

  HostOptions options() { return options; }

  ProgramFaults programFaults() { return programFaults; }

  Language language() { return language; }

  java.nio.charset.Charset consoleCharset() { return consoleCharset; }

  void consoleCharset(java.nio.charset.Charset charset) {
    this.consoleCharset = charset;
  }

  /** Counts {@code calls} calls into the IIS Admin Service and takes the time they cost ({@code adsiCallCost}). */
  void adsiCalls(long calls) {
    adsiCalls.addAndGet(calls);
    pause(options.effectiveAdsiCallCost().toNanos() * calls);
  }

  /** Counts a script start and takes its time ({@code scriptStartCost}). */
  void scriptStarted() {
    scriptStarts.incrementAndGet();
    pause(options.effectiveScriptStartCost().toNanos());
  }

  long adsiCalls() { return adsiCalls.get(); }

  long scriptStarts() { return scriptStarts.get(); }

  private static void pause(long nanos) {
    long end = System.nanoTime() + nanos;
    for (long left = nanos; left > 0; left = end - System.nanoTime()) {
      java.util.concurrent.locks.LockSupport.parkNanos(left);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  void begin(RunContext context) {
    this.current = context;
  }

  /** {@code %windir%}, e.g. {@code C:\WINDOWS}. */
  String windir() { return env.get("windir") != null ? env.get("windir") : os.windir(); }

  String system32() { return windir() + "\\system32"; }

  /** True for paths at or below %TEMP% or %TMP%: writes there do not count as host changes. */
  boolean isTemp(String fullPath) {
    return under(fullPath, env.get("TEMP")) || under(fullPath, env.get("TMP"));
  }

  private boolean under(String path, String dir) {
    if (dir == null || dir.isEmpty()) {
      return false;
    }
    String stored = fs.storedCase(WindowsFileSystem.fullPath(dir, "C:\\"));
    String p = fs.storedCase(path);
    return p.equalsIgnoreCase(stored) || p.regionMatches(true, 0, stored + "\\", 0, stored.length() + 1);
  }
}
