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
  private final ReentrantLock lock;
  private final List<SiteStateListener> listeners = new CopyOnWriteArrayList<>();
  /** The ASP.NET configuration fault: text whose presence in a machine-level config file breaks ASP.NET. */
  private volatile String aspNetConfigurationFault;

  private WindowsHost(HostDefinition definition, HostRuntime host, ReentrantLock lock) {
    this.definition = definition;
    this.host = host;
    this.lock = lock;
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
    return create(definition, clock, new SharedConfigurationStores());
  }

  /**
   * As {@link #create(HostDefinition, Clock)}; a host whose {@code sharedConfiguration} names a store of
   * {@code stores} shares that store's sites with the other hosts made with the same {@code stores}.
   */
  public static WindowsHost create(HostDefinition definition, Clock clock, SharedConfigurationStores stores) {
    HostDefinitionValidator.validate(definition);
    SharedConfigurationStores.Store store = definition.sharedConfiguration() == null ? null
        : stores.join(definition.sharedConfiguration());
    HostRuntime runtime = HostBuilder.build(definition, clock, store);
    return new WindowsHost(definition, runtime, store == null ? new ReentrantLock() : store.lock);
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

  /**
   * Why the host's ASP.NET configuration does not load, one line per error ({@code <file> line <n>:
   * <description>}), for every installed runtime and bitness; empty when every one loads. This is what stops ASP.NET
   * applications (and what {@code appcmd list config} reports); see {@link #configurationBroken()}.
   */
  public List<String> configurationErrors() {
    lock.lock();
    try {
      return host.frameworks.stream().flatMap(f -> AspNetConfiguration.errors(host, f).stream())
          .map(AspNetConfiguration.Error::toString).toList();
    } finally {
      lock.unlock();
    }
  }

  /** True while some runtime's machine.config or root web.config would stop its ASP.NET applications. */
  public boolean configurationBroken() {
    return !configurationErrors().isEmpty();
  }

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

  /**
   * The host's NLB state as {@code nlb.exe query} names it (Converged, Converged as DEFAULT, Draining, Stopped,
   * Suspended, Converging); empty when the NLB feature is not installed.
   */
  public Optional<String> nlbState() {
    lock.lock();
    try {
      if (host.nlb == null) {
        return Optional.empty();
      }
      return Optional.of(host.nlb.state().displayName());
    } finally {
      lock.unlock();
    }
  }

  // --- HTTP ----------------------------------------------------------------------------------------

  /** The ports of the sites' http bindings (what the farm serves on loopback for this host). */
  public List<Integer> httpBindingPorts() {
    return HttpSys.httpPorts(sites());
  }

  /**
   * Answers an HTTP request that reached binding port {@code port} with Host header {@code hostHeader} (see
   * {@link HttpSys}): 200 from a started site, 500 while ASP.NET cannot load its configuration, 404 for a
   * stopped site, 400 for a host name no binding takes.
   */
  public HttpAnswer answerHttp(int port, String hostHeader) {
    lock.lock();
    try {
      List<SiteView> sites = host.iis7 != null ? Views.iis7(host.iis7) : Views.iis6(host.metabase);
      return HttpSys.answer(sites, port, hostHeader, this::aspNetConfigurationBrokenLocked, iisVersion());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Whether ASP.NET cannot load its configuration for {@code siteName}, so that the site answers 500: while
   * {@link #configurationBroken()} (application pools and their runtime are not modelled, so a runtime that does
   * not load fails every site), or while the {@linkplain #aspNetConfigurationFault(String) fault} holds and any
   * machine.config or root web.config holds its text.
   */
  public boolean aspNetConfigurationBroken(String siteName) {
    lock.lock();
    try {
      return aspNetConfigurationBrokenLocked(siteName);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Fault: from now on ASP.NET cannot load its configuration while any machine.config or root web.config
   * holds {@code configText} (null clears the fault). Restoring the files from a backup heals the sites.
   */
  public void aspNetConfigurationFault(String configText) {
    aspNetConfigurationFault = configText;
  }

  private boolean aspNetConfigurationBrokenLocked(String siteName) {
    String text = aspNetConfigurationFault;
    return configurationBroken() || text != null && HttpSys.configurationHolds(host, text);
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
