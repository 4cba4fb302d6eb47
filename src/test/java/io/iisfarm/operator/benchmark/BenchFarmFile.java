package io.iisfarm.operator.benchmark;

import java.time.Duration;

/**
 * Farm files for the benchmark: Windows Server 2019 / IIS 10 hosts over HTTPS, every WinRM answer delayed by
 * the given latency, with Shop on ID 2, Api on ID 3 and one explicit machineKey in both v4.0 machine.config
 * files. A drifted host has Shop and Api swapped and another key, so that fixing it stops and starts sites.
 */
final class BenchFarmFile {
  static final String USER = "Administrator";

  private final StringBuilder yaml = new StringBuilder("hosts:\n");
  private final Duration latency;

  BenchFarmFile(Duration latency) {
    this.latency = latency;
  }

  /** A host whose sites and keys are what the farm's IisFarm asks for. */
  BenchFarmFile inSync(String name, String password, BenchKey key) {
    return host(name, password, key, 2, 3);
  }

  /** A host with Shop and Api swapped and {@code wrongKey} in its machine.config files. */
  BenchFarmFile drifted(String name, String password, BenchKey wrongKey) {
    return host(name, password, wrongKey, 3, 2);
  }

  String yaml() {
    return yaml.toString();
  }

  private BenchFarmFile host(String name, String password, BenchKey key, int shopId, int apiId) {
    String machineKey = "{validationKey: " + key.validationKey() + ", decryptionKey: " + key.decryptionKey()
        + ", validation: SHA1, decryption: AES}";
    yaml.append("  - name: ").append(name).append('\n')
        .append("    os: server2019\n")
        .append("    winrm: {transport: https, auth: [basic], username: ").append(USER)
        .append(", password: ").append(password).append("}\n")
        .append("    faults: {latency: ").append(latency.toMillis()).append("ms}\n")
        .append("    frameworks:\n");
    for (int bits : new int[] {32, 64}) {
      yaml.append("      - {runtime: v4.0, bitness: ").append(bits).append(", machineConfig: {machineKey: ")
          .append(machineKey).append("}}\n");
    }
    yaml.append("    sites:\n")
        .append("      - {name: Default Web Site, id: 1, bindings: ['http/*:8080:']}\n")
        .append("      - {name: Shop, id: ").append(shopId)
        .append(", bindings: ['http/*:80:shop.example.com'], physicalPath: 'C:\\inetpub\\Shop', appPool: Shop}\n")
        .append("      - {name: Api, id: ").append(apiId)
        .append(", bindings: ['http/*:80:api.example.com'], physicalPath: 'C:\\inetpub\\Api', appPool: Api}\n");
    return this;
  }
}
