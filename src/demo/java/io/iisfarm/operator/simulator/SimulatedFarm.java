package io.iisfarm.operator.simulator;

import io.iisfarm.operator.simulator.wsman.SiteHttpListener;
import io.iisfarm.operator.simulator.wsman.TlsIdentity;
import io.iisfarm.operator.simulator.wsman.WsmanRuntime;
import io.iisfarm.operator.simulator.wsman.WsmanServer;
import io.iisfarm.operator.simulator.wsman.WsmanServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A farm of simulated IIS hosts, each behind its own WinRM listener on 127.0.0.1, all sharing one
 * small set of threads and one throw-away CA. Loaded from a farm file (see docs/simulator.md);
 * {@link #close()} stops everything.
 */
public final class SimulatedFarm implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SimulatedFarm.class);
  /** Written by the Windows emulation: a mixed IIS6 / IIS10 farm with drift to fix. */
  public static final String SAMPLE_RESOURCE = "/simulator/sample-farm.yaml";

  private final WsmanRuntime runtime;
  private final TlsIdentity tls;
  private final Map<String, SimulatedHost> hosts = new LinkedHashMap<>();
  private final DisruptionMeter disruption = new DisruptionMeter();
  private volatile boolean closed;

  private SimulatedFarm(WsmanRuntime runtime, TlsIdentity tls) {
    this.runtime = runtime;
    this.tls = tls;
  }

  /** The sample farm ({@value #SAMPLE_RESOURCE}), on free ports. */
  public static SimulatedFarm sample() {
    try (InputStream in = SimulatedFarm.class.getResourceAsStream(SAMPLE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("sample farm missing: " + SAMPLE_RESOURCE);
      }
      return fromYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static SimulatedFarm load(Path farmFile) throws IOException {
    return fromYaml(Files.readString(farmFile));
  }

  public static SimulatedFarm load(Path farmFile, HostBackendFactory backends) throws IOException {
    return fromYaml(Files.readString(farmFile), backends);
  }

  public static SimulatedFarm fromYaml(String yaml) {
    return fromYaml(yaml, WindowsBackends.factory());
  }

  /** Starts every host of the farm file; on any error, stops what started and throws. */
  public static SimulatedFarm fromYaml(String yaml, HostBackendFactory backends) {
    List<FarmFile.HostEntry> entries = FarmFile.parse(yaml);
    List<HostBackend> created = new ArrayList<>();
    for (FarmFile.HostEntry entry : entries) {
      created.add(backends.create(entry.windowsKeys()));
    }
    TlsIdentity tls = TlsIdentity.generate(entries.stream().map(FarmFile.HostEntry::name).toList());
    SimulatedFarm farm = new SimulatedFarm(WsmanRuntime.create(), tls);
    try {
      for (int i = 0; i < entries.size(); i++) {
        farm.start(entries.get(i), created.get(i));
      }
    } catch (RuntimeException e) {
      farm.close();
      throw e;
    }
    return farm;
  }

  public List<SimulatedHost> hosts() {
    return List.copyOf(hosts.values());
  }

  /** The host of that name (case-insensitive, as Windows host names are). */
  public SimulatedHost host(String name) {
    return findHost(name).orElseThrow(() -> new IllegalArgumentException("no host " + name));
  }

  public Optional<SimulatedHost> findHost(String name) {
    return Optional.ofNullable(hosts.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The CA that signed every host's certificate, in PEM. */
  public String caPem() {
    return tls.caPem();
  }

  public Path writeCaPem(Path file) throws IOException {
    return tls.writeCaPem(file);
  }

  public TlsIdentity tls() {
    return tls;
  }

  /** The most hosts that had, at one moment, a site stopped that was running at the start. */
  public int maxDisruptedHosts() {
    return disruption.maxDisrupted();
  }

  /** Hosts with such a site stopped right now. */
  public int disruptedHostsNow() {
    return disruption.disruptedNow();
  }

  /** Clears journals and counters of every host and restarts the disruption maximum. */
  public void resetInspection() {
    hosts.values().forEach(SimulatedHost::resetInspection);
    disruption.reset();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (SimulatedHost host : hosts.values()) {
      host.server().close();
      host.closeSites();
    }
    runtime.close();
  }

  private void start(FarmFile.HostEntry entry, HostBackend backend) {
    String name = entry.name().isEmpty() ? backend.hostname() : entry.name();
    if (hosts.containsKey(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("two hosts named " + name);
    }
    WinRmSettings winrm = entry.winrm();
    WsmanServerConfig config = serverConfig(name, backend, winrm);
    if (config.https() && config.tlsProtocols().contains("TLSv1") && !LegacyTls.enabled()) {
      throw new IllegalStateException("host " + name + " speaks TLS 1.0 (Windows Server 2003, or 2008 R2 by default),"
          + " which this JVM disables: call LegacyTls.enable() before any TLS use, or start the JVM"
          + " with -Djava.security.properties=<file> that drops TLSv1 from"
          + " jdk.tls.disabledAlgorithms");
    }
    WsmanServer server = new WsmanServer(config, backend, runtime, config.https() ? tls : null);
    SiteHttpListener sites = entry.http() == null ? null
        : SiteHttpListener.start(runtime, backend.httpBindingPorts(), entry.http().ports(), backend::answerHttp);
    SimulatedHost host = new SimulatedHost(name, backend, server, tls.caPem(), sites);
    hosts.put(name.toLowerCase(Locale.ROOT), host);

    for (String site : backend.siteNames()) {
      if (backend.siteStarted(site)) {
        disruption.siteRunningAtStart(name, site);
      }
    }
    backend.addSiteStateListener((hostname, site, started) ->
        disruption.siteStateChanged(name, site, started));
    if (entry.faults() != null) {
      entry.faults().applyTo(server.faults(), backend);
    }
    scheduleDrift(host, backend, entry.drift());
    server.start();
  }

  private void scheduleDrift(SimulatedHost host, HostBackend backend, List<DriftStep> steps) {
    for (DriftStep step : steps) {
      Runnable change = backend.drift(step.change());
      Runnable apply = () -> {
        if (!closed) {
          try {
            change.run();
            host.driftApplied();
            LOG.info("drift applied on {}", host.name());
          } catch (RuntimeException e) {
            LOG.warn("drift on {} failed: {}", host.name(), e.getMessage());
          }
        }
      };
      if (step.after() != null) {
        runtime.schedule(() -> runtime.execute(apply), FarmDurations.parse(step.after()));
      } else {
        int threshold = step.afterCommands();
        AtomicInteger commands = new AtomicInteger();
        // runs on the command thread before the Nth command's output is released
        host.server().addCommandListener(entry -> {
          if (commands.incrementAndGet() == threshold) {
            apply.run();
          }
        });
      }
    }
  }

  private static WsmanServerConfig serverConfig(String name, HostBackend backend,
      WinRmSettings winrm) {
    String os = backend.osName() == null ? "" : backend.osName();
    boolean server2003 = os.contains("2003");
    // Server 2003 speaks TLS 1.0 alone; 2008 R2 supports TLS 1.2 but SCHANNEL leaves it disabled by default
    // (learn.microsoft.com/windows-server/security/tls/tls-registry-settings)
    List<String> protocols = winrm.tlsProtocols() != null ? winrm.tlsProtocols()
        : server2003 || os.contains("2008 R2") ? TlsIdentity.LEGACY_PROTOCOLS : TlsIdentity.MODERN_PROTOCOLS;
    boolean ntlm = winrm.ntlm();
    // Server 2003 (with WMF 2.0) and 2008 R2 run WinRM 2.0, whose quotas are lower
    boolean winrm2 = server2003 || os.contains("2008");
    WsmanServerConfig.Quotas defaults = winrm2 ? WsmanServerConfig.Quotas.WINRM_2 : WsmanServerConfig.Quotas.WINRM_3;
    WsmanServerConfig.Quotas quotas = new WsmanServerConfig.Quotas(
        winrm.maxConcurrentUsers() != null ? winrm.maxConcurrentUsers() : defaults.maxConcurrentUsers(),
        winrm.maxTimeoutms() != null ? winrm.maxTimeoutms() : defaults.maxTimeoutMs(),
        winrm.maxEnvelopeSizekb() != null ? winrm.maxEnvelopeSizekb() : defaults.maxEnvelopeSizeKb());
    return new WsmanServerConfig(name.toUpperCase(Locale.ROOT), winrm.portOrZero(), winrm.https(),
        protocols, winrm.basic(), ntlm,
        winrm.username() == null ? "Administrator" : winrm.username(),
        winrm.password() == null ? randomPassword() : winrm.password(),
        winrm.maxShellsPerUser() != null ? winrm.maxShellsPerUser()
            : winrm2 ? WINRM2_MAX_SHELLS_PER_USER : WsmanServerConfig.DEFAULT_MAX_SHELLS_PER_USER,
        // Windows Server 2012 and later add rsp:Shell to the Create response; older ones do not
        !winrm2, quotas, winrm.otherAccounts(),
        new WsmanServerConfig.Policy(Boolean.TRUE.equals(winrm.allowUnencrypted()),
            Boolean.TRUE.equals(winrm.filteredLocalAccount())));
  }

  /** MaxShellsPerUser of WinRM 2.0 ("This user is allowed a maximum number of 5 concurrent shells", PowerShell Team blog, "Configuring WSMAN Limits", 2010). */
  static final int WINRM2_MAX_SHELLS_PER_USER = 5;

  private static String randomPassword() {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    SecureRandom random = new SecureRandom();
    StringBuilder password = new StringBuilder("Sim-");
    for (int i = 0; i < 16; i++) {
      password.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return password.toString();
  }

  @Override
  public String toString() {
    return "SimulatedFarm" + hosts.values();
  }
}
