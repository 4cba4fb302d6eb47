package io.iisfarm.operator.host;

import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.winrm.TlsOptions;
import io.iisfarm.operator.winrm.WinRmConnector;
import io.iisfarm.operator.winrm.WinRmCredentials;
import io.iisfarm.operator.winrm.WinRmEndpoint;
import io.iisfarm.operator.winrm.WinRmSession;

/** A simulated farm from a YAML text, reached with the operator's own WinRM client over real sockets. */
final class WindowsVariantsFarm implements AutoCloseable {
  final SimulatedFarm farm;
  private final WinRmConnector connector = new WinRmConnector();

  WindowsVariantsFarm(String yaml, SecretScan secrets) {
    this.farm = SimulatedFarm.fromYaml(yaml);
    for (SimulatedHost host : farm.hosts()) {
      secrets.password(host.password());
      FarmHosts.configFiles(host.windows()).forEach(bytes -> FarmHosts.keysIn(bytes).forEach(secrets::key));
    }
  }

  SimulatedHost host(String name) {
    return farm.host(name);
  }

  WinRmSession open(String name) {
    SimulatedHost host = farm.host(name);
    return connector.open(endpoint(name).build(), WinRmCredentials.of(host.username(), host.password()));
  }

  WinRmEndpoint.Builder endpoint(String name) {
    SimulatedHost host = farm.host(name);
    return WinRmEndpoint.https("127.0.0.1").port(host.port()).auth(WinRmEndpoint.Auth.BASIC)
        .tls(TlsOptions.DEFAULT.withCaPem(farm.caPem()).withAllowLegacyTls(host.legacyTls()));
  }

  WinRmConnector connector() {
    return connector;
  }

  @Override
  public void close() {
    connector.close();
    farm.close();
  }
}
