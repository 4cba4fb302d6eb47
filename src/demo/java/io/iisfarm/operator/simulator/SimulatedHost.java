package io.iisfarm.operator.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.iisfarm.operator.simulator.windows.WindowsHost;
import io.iisfarm.operator.simulator.wsman.CommandJournal;
import io.iisfarm.operator.simulator.wsman.HostFaults;
import io.iisfarm.operator.simulator.wsman.SiteHttpListener;
import io.iisfarm.operator.simulator.wsman.WsmanCounters;
import io.iisfarm.operator.simulator.wsman.WsmanServer;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * One host of a {@link SimulatedFarm}: an emulated Windows/IIS host behind its own WinRM listener
 * on loopback, with the faults it injects and what tests inspect. {@link #toString()} never shows
 * the password.
 */
public final class SimulatedHost {
  private final String name;
  private final HostBackend backend;
  private final WsmanServer server;
  private final String caPem;
  private final SiteHttpListener sites;
  private final AtomicInteger driftsApplied = new AtomicInteger();

  SimulatedHost(String name, HostBackend backend, WsmanServer server, String caPem, SiteHttpListener sites) {
    this.name = name;
    this.backend = backend;
    this.server = server;
    this.caPem = caPem;
    this.sites = sites;
  }

  public String name() {
    return name;
  }

  /** {@code https://127.0.0.1:<port>/wsman} (or {@code http://}). */
  public URI endpoint() {
    return server.endpoint();
  }

  public int port() {
    return server.port();
  }

  /** {@code https} or {@code http}. */
  public String transport() {
    return server.config().https() ? "https" : "http";
  }

  public boolean https() {
    return server.config().https();
  }

  /** Only TLS 1.0 (Windows Server 2003): a client must opt in to legacy TLS. */
  public boolean legacyTls() {
    return https() && server.config().tlsProtocols().equals(java.util.List.of("TLSv1"));
  }

  /** Whether the listener accepts Basic authentication. */
  public boolean basicAuth() {
    return server.config().basicAuth();
  }

  /** Whether the listener accepts NTLM (over HTTPS only). */
  public boolean ntlmAuth() {
    return server.config().ntlmAuth();
  }

  public String username() {
    return server.config().username();
  }

  public String password() {
    return server.config().password();
  }

  /** The farm's CA in PEM, which signed this host's certificate. */
  public String caPem() {
    return caPem;
  }

  public String iisVersion() {
    return backend.iisVersion();
  }

  public String osName() {
    return backend.osName();
  }

  /** The emulated host behind the listener. */
  public HostBackend backend() {
    return backend;
  }

  /**
   * The emulated Windows host itself, to look at or change its state directly in tests.
   *
   * @throws IllegalStateException when the farm was built on another {@link HostBackendFactory}
   */
  public WindowsHost windows() {
    if (backend instanceof WindowsBackends.WindowsHostBackend windowsBackend) {
      return windowsBackend.windowsHost();
    }
    throw new IllegalStateException(name + " does not run the Windows emulation");
  }

  /**
   * Where this host's web sites are served: binding port (as in the sites' bindings, e.g. 80) to the port on
   * 127.0.0.1 that answers for it. Empty unless the farm file gives the host an {@code http:} key.
   */
  public Map<Integer, Integer> httpPorts() {
    return sites == null ? Map.of() : sites.ports();
  }

  public HostFaults faults() {
    return server.faults();
  }

  /** Faults that hit one program inside a command line (the Windows emulation only). */
  public io.iisfarm.operator.simulator.windows.ProgramFaults programFaults() {
    return backend.programFaults();
  }

  /** Shells open now on this host's listener, whoever owns them. */
  public int openShells() {
    return server.openShells();
  }

  /** Commands held in open shells: run, but not yet ended by a Signal or their shell's Delete. */
  public int commandsHeld() {
    return server.commandsHeld();
  }

  public CommandJournal journal() {
    return server.journal();
  }

  public WsmanCounters counters() {
    return server.counters();
  }

  /**
   * Applies {@code change} (a drift change as the farm file writes it) once, right after the next command
   * line in which {@code commandRegex} is found has run and before its output reaches the client: another
   * hand changing the host between two commands of one client, e.g. rewriting a config file between the
   * client's write and its read-back.
   */
  public void driftAfterCommand(String commandRegex, JsonNode change) {
    Pattern pattern = Pattern.compile(commandRegex);
    Runnable apply = backend.drift(change);
    AtomicBoolean applied = new AtomicBoolean();
    // runs on the command thread, before that command's output is released
    server.addCommandListener(entry -> {
      if (pattern.matcher(entry.commandLine()).find() && applied.compareAndSet(false, true)) {
        apply.run();
        driftApplied();
      }
    });
  }

  /** How many drift steps have been applied to this host so far. */
  public int driftsApplied() {
    return driftsApplied.get();
  }

  /** Clears the journal and zeroes the counters (for benchmarks between rounds). */
  public void resetInspection() {
    server.journal().clear();
    server.counters().reset();
  }

  WsmanServer server() {
    return server;
  }

  void closeSites() {
    if (sites != null) {
      sites.close();
    }
  }

  void driftApplied() {
    driftsApplied.incrementAndGet();
  }

  @Override
  public String toString() {
    return "SimulatedHost[" + name + " IIS " + backend.iisVersion() + " " + endpoint() + " user="
        + username() + "]";
  }
}
