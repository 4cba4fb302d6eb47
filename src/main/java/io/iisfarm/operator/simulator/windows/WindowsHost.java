package io.iisfarm.operator.simulator.windows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One simulated Windows host: a file system, environment, IIS configuration and the cmd.exe subset
 * and tools documented in docs/simulator.md.
 *
 * <p>{@link #run(String)} runs a command line as a WinRM shell's cmd.exe would (the {@code cmd /c}
 * prefix is optional), in the user's profile directory. Console output is returned one {@code char}
 * per byte (ISO-8859-1), so {@code stdout.getBytes(ISO_8859_1)} (see {@link #consoleBytes}) gives the
 * exact bytes Windows would send, including a UTF-8 BOM that {@code type} prints. A real command or
 * option that is not emulated fails the whole line with exit code 1 and
 * {@code simulator: not emulated: <command>} on stderr.
 *
 * <p>Thread-safe: command lines, drift and inspection on one host run one at a time. Site state
 * listeners are told after the command line has finished, in the order starts and stops happened.
 */
public final class WindowsHost implements CommandRunner {
  private static final System.Logger LOG = System.getLogger(WindowsHost.class.getName());
  private final HostDefinition definition;
  private final HostRuntime host;
  private final ReentrantLock lock = new ReentrantLock();
  private final List<SiteStateListener> listeners = new CopyOnWriteArrayList<>();

  private WindowsHost(HostDefinition definition, HostRuntime host) {
    this.definition = definition;
    this.host = host;
    host.fs.onChange(path -> {
      if (!host.isTemp(path)) {
        host.context().markChanged();
      }
    });
  }

  /** Builds a host from its definition (validated again here). */
  public static WindowsHost create(HostDefinition definition) {
    return create(definition, Clock.systemUTC());
  }

  /** As {@link #create(HostDefinition)}, with the clock that stamps files and backups. */
  public static WindowsHost create(HostDefinition definition, Clock clock) {
    HostDefinitionValidator.validate(definition);
    return new WindowsHost(definition, HostBuilder.build(definition, clock));
  }

  public HostDefinition definition() { return definition; }

  /** The computer name, as {@code hostname} prints it. */
  public String hostname() { return host.hostname; }

  public OsVersion os() { return host.os; }

  /** IIS version, e.g. {@code 6.0}, {@code 7.5}, {@code 10.0}. */
  public String iisVersion() { return host.os.iisVersion(); }

  /** Faults that hit one program inside a command line (e.g. one certutil of one file). */
  public ProgramFaults programFaults() {
    return host.programFaults();
  }

  /** IIS6: calls adsutil.vbs made into the IIS Admin Service since the host was built (see {@link HostOptions}). */
  public long adsiCalls() { return host.adsiCalls(); }

  /** Scripts cscript started since the host was built. */
  public long scriptStarts() { return host.scriptStarts(); }

  public void addSiteStateListener(SiteStateListener listener) {
    listeners.add(listener);
  }

  public void removeSiteStateListener(SiteStateListener listener) {
    listeners.remove(listener);
  }

  @Override
  public CommandResult run(String commandLine) {
    return run(commandLine, oemCodePage());
  }

  /** The host's OEM code page: its shells' console code page unless WINRS_CODEPAGE names another. */
  @Override
  public int oemCodePage() {
    return definition.effectiveOptions().effectiveCodePage();
  }

  /**
   * Runs {@code commandLine} in a shell whose console code page is {@code codePage}: cmd and the tools write
   * their text in it, {@code type} passes file bytes unchanged (Microsoft Learn, "chcp": programs started
   * after the code page is set use it). Code page 65001 on Server 2003 is not emulated: cmd of that release
   * misbehaves under UTF-8 (it runs batch files not at all; WinRb/WinRM issue 232), and what else it does
   * there is not documented.
   */
  @Override
  public CommandResult run(String commandLine, int codePage) {
    java.nio.charset.Charset console = CodePages.find(codePage).orElse(null);
    if (console == null || codePage == CodePages.UTF8 && host.os == OsVersion.SERVER2003) {
      return new CommandResult(1, "", "simulator: not emulated: console code page " + codePage + " on "
          + host.os.displayName() + "\r\n", false);
    }
    Sink.Console out = new Sink.Console(console);
    Sink.Console err = new Sink.Console(console);
    RunContext context = new RunContext();
    int exit;
    lock.lock();
    try {
      host.begin(context);
      host.consoleCharset(console);
      CmdSession session = new CmdSession(host, new EnvironmentBlock(host.env), profileDirectory());
      String line = commandLine;
      if (CmdExe.startsWithCmd(line)) {
        line = CmdExe.commandString(CmdExe.argsAfterProgram(line), inner -> {
          try {
            return Programs.resolve(session, inner) != null;
          } catch (Win32Exception e) {
            return false;
          }
        });
      }
      exit = session.runLine(line, new CommandIo(out, err));
    } catch (NotEmulatedException e) {
      err.println("simulator: not emulated: " + e.command());
      exit = 1;
    } finally {
      host.begin(new RunContext());
      lock.unlock();
    }
    notifyListeners(context);
    return new CommandResult(exit, new String(out.bytes(), StandardCharsets.ISO_8859_1),
        new String(err.bytes(), StandardCharsets.ISO_8859_1), context.changed());
  }

  /** The bytes behind a {@link CommandResult} stdout or stderr string. */
  public static byte[] consoleBytes(String consoleText) {
    return consoleText.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Applies a drift action; throws IllegalArgumentException when it does not fit this host. */
  public void applyDrift(DriftAction action) {
    RunContext context = new RunContext();
    lock.lock();
    try {
      host.begin(context);
      Drift.apply(host, action);
    } finally {
      host.begin(new RunContext());
      lock.unlock();
    }
    notifyListeners(context);
  }

  private void notifyListeners(RunContext context) {
    for (RunContext.SiteEvent event : context.events()) {
      for (SiteStateListener listener : listeners) {
        try {
          listener.siteStateChanged(host.hostname, event.site(), event.started());
        } catch (RuntimeException e) {
          // the command has already run on the host; a failing observer must not turn it into an error
          LOG.log(System.Logger.Level.WARNING, "site state listener failed on " + host.hostname, e);
        }
      }
    }
  }

  private String profileDirectory() {
    String profile = host.env.get("USERPROFILE");
    String full = profile == null ? "C:\\" : WindowsFileSystem.fullPath(profile, "C:\\");
    return host.fs.isDirectory(full) ? full : "C:\\";
  }

  // --- inspection --------------------------------------------------------------------------------

  /** The sites in configuration order. */
  public List<SiteView> sites() {
    lock.lock();
    try {
      return host.iis7 != null ? Views.iis7(host.iis7) : Views.iis6(host.metabase);
    } finally {
      lock.unlock();
    }
  }

  /** The first site with that name, compared case-insensitively as IIS does. */
  public Optional<SiteView> site(String name) {
    return sites().stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
  }

  /** Exact bytes of a file; environment variables such as {@code %windir%} are expanded first. */
  public Optional<byte[]> readFile(String path) {
    lock.lock();
    try {
      String full = fullPath(path);
      return host.fs.isFile(full) ? Optional.of(host.fs.read(full)) : Optional.empty();
    } finally {
      lock.unlock();
    }
  }

  public boolean exists(String path) {
    lock.lock();
    try {
      return host.fs.exists(fullPath(path));
    } finally {
      lock.unlock();
    }
  }

  /** Names in a directory, in name order; empty when it does not exist. */
  public List<String> listDirectory(String path) {
    lock.lock();
    try {
      String full = fullPath(path);
      if (!host.fs.isDirectory(full)) {
        return List.of();
      }
      return Wildcards.list(host.fs, full, "*").stream().map(WindowsFileSystem.Entry::name).toList();
    } finally {
      lock.unlock();
    }
  }

  /** Configuration backups: appcmd backups on IIS7+, iisback backups (each name once) on IIS6. */
  public List<String> backups() {
    lock.lock();
    try {
      if (host.iis7 != null) {
        return host.iis7.backups().stream().map(ApplicationHostConfig.Backup::name).toList();
      }
      return host.metabase.backups().stream().map(Metabase.Backup::name).distinct().toList();
    } finally {
      lock.unlock();
    }
  }

  /** The environment a new shell starts with. */
  public Map<String, String> environment() {
    lock.lock();
    try {
      return host.env.asMap();
    } finally {
      lock.unlock();
    }
  }

  /** Expands %VARIABLES% as cmd.exe would. */
  public String expand(String text) {
    lock.lock();
    try {
      return host.env.expand(text);
    } finally {
      lock.unlock();
    }
  }

  /**
   * The path of a runtime's machine-level config file, e.g. {@code configPath("v4.0", 64,
   * false)} is {@code C:\Windows\Microsoft.NET\Framework64\v4.0.30319\CONFIG\machine.config}.
   */
  public String configPath(String runtime, int bitness, boolean rootWebConfig) {
    return host.windir() + "\\Microsoft.NET\\" + (bitness == 64 ? "Framework64" : "Framework") + "\\"
        + (runtime.startsWith("v2") ? "v2.0.50727" : "v4.0.30319") + "\\CONFIG\\"
        + (rootWebConfig ? "web.config" : "machine.config");
  }

  private String fullPath(String path) {
    return WindowsFileSystem.fullPath(host.env.expand(path), "C:\\");
  }
}
