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
  private RunContext current = new RunContext();
  private final HostOptions options;
  private final ProgramFaults programFaults = new ProgramFaults();
  private final Language language;
  /** The console code page of the shell running the current line. */
  private java.nio.charset.Charset consoleCharset;

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
