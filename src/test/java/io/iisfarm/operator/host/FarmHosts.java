package io.iisfarm.operator.host;

import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.simulator.windows.SiteView;
import io.iisfarm.operator.simulator.windows.WindowsHost;
import io.iisfarm.operator.winrm.TlsOptions;
import io.iisfarm.operator.winrm.WinRmConnector;
import io.iisfarm.operator.winrm.WinRmCredentials;
import io.iisfarm.operator.winrm.WinRmEndpoint;
import io.iisfarm.operator.winrm.WinRmSession;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sample simulated farm (sample-farm.yaml) reached with the operator's own WinRM client over real
 * sockets: HTTPS, Basic auth, the farm's CA, TLS 1.0 only for the Server 2003 host. Every password and
 * every key on the farm's hosts is registered with the {@link SecretScan}.
 */
final class FarmHosts implements AutoCloseable {
  /** Windows Server 2003, IIS 6.0, .NET 2.0 32-bit, TLS 1.0 only. */
  static final String IIS6 = "web01";
  /** Windows Server 2019, IIS 10.0; a machineKey in the 64-bit root web.config, one in Api's web.config. */
  static final String IIS10 = "web04";

  private static final Pattern HEX_KEY = Pattern.compile("[0-9A-Fa-f]{32,}");

  private final SimulatedFarm farm;
  private final WinRmConnector connector = new WinRmConnector();

  private FarmHosts(SimulatedFarm farm) {
    this.farm = farm;
  }

  static FarmHosts start(SecretScan secrets) {
    return start(secrets, SimulatedFarm.sample());
  }

  /** A farm of its own, its passwords and keys registered as {@link #start(SecretScan)} does. */
  static FarmHosts start(SecretScan secrets, SimulatedFarm farm) {
    FarmHosts hosts = new FarmHosts(farm);
    for (SimulatedHost host : hosts.farm.hosts()) {
      secrets.password(host.password());
      configFiles(host.windows()).forEach(bytes -> keysIn(bytes).forEach(secrets::key));
    }
    return hosts;
  }

  SimulatedHost host(String name) {
    return farm.host(name);
  }

  WindowsHost windows(String name) {
    return farm.host(name).windows();
  }

  WinRmEndpoint.Builder endpointBuilder(String name) {
    SimulatedHost host = farm.host(name);
    return WinRmEndpoint.https("127.0.0.1").port(host.port()).auth(WinRmEndpoint.Auth.BASIC)
        .tls(TlsOptions.DEFAULT.withCaPem(farm.caPem()).withAllowLegacyTls(host.legacyTls()));
  }

  WinRmCredentials credentials(String name) {
    SimulatedHost host = farm.host(name);
    return WinRmCredentials.of(host.username(), host.password());
  }

  WinRmConnector connector() {
    return connector;
  }

  WinRmSession open(String name) {
    return connector.open(endpointBuilder(name).build(), credentials(name));
  }

  /** A driver for the host behind {@code session}, made from a fresh full read as the operator makes it. */
  static HostDriver driver(WinRmSession session) {
    return HostDrivers.open(session, new HostReader().read(session, ReadOptions.DEFAULT), false);
  }

  /** The exact bytes of every machine.config and root web.config, and of every site's own web.config. */
  static List<byte[]> configFiles(WindowsHost windows) {
    List<String> paths = new ArrayList<>();
    for (String runtime : List.of("v2.0", "v4.0")) {
      for (int bitness : List.of(32, 64)) {
        paths.add(windows.configPath(runtime, bitness, false));
        paths.add(windows.configPath(runtime, bitness, true));
      }
    }
    for (SiteView site : windows.sites()) {
      if (site.physicalPath() != null) {
        paths.add(site.physicalPath() + "\\web.config");
      }
      site.applications().forEach(a -> paths.add(a.physicalPath() + "\\web.config"));
    }
    List<byte[]> files = new ArrayList<>();
    paths.forEach(path -> windows.readFile(path).ifPresent(files::add));
    return files;
  }

  static List<String> keysIn(byte[] file) {
    List<String> keys = new ArrayList<>();
    Matcher m = HEX_KEY.matcher(new String(file, StandardCharsets.ISO_8859_1));
    while (m.find()) {
      keys.add(m.group());
    }
    return keys;
  }

  /** A read of {@code name} in a session of its own, as the operator reads a host. */
  HostObservation read(String name, ReadOptions options) {
    try (WinRmSession session = open(name)) {
      return new HostReader().read(session, options);
    }
  }

  @Override
  public void close() {
    connector.close();
    farm.close();
  }
}
