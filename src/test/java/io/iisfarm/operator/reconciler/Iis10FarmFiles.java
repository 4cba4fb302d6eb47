package io.iisfarm.operator.reconciler;

import java.util.Locale;

/** Farm files of plain IIS 10 hosts (Windows Server 2019), quick to check: the sample sites, one .NET framework. */
final class Iis10FarmFiles {
  private Iis10FarmFiles() {}

  /**
   * {@code count} hosts named {@code prefix01}, {@code prefix02}, ... with Shop and Api; on the first
   * {@code swapped} of them Shop and Api hold each other's IDs, so that the operator has to move them.
   */
  static String hosts(String prefix, int count, int swapped) {
    return hosts(prefix, count, swapped, null, null);
  }

  /** As above, with this SHA1/AES machineKey in machine.config when {@code validationKey} is not null. */
  static String hosts(String prefix, int count, int swapped, String validationKey, String decryptionKey) {
    String framework = validationKey == null ? "{runtime: v4.0, bitness: 64}"
        : "{runtime: v4.0, bitness: 64, machineConfig: {machineKey: {validationKey: " + validationKey
            + ", decryptionKey: " + decryptionKey + ", validation: SHA1, decryption: AES}}}";
    StringBuilder yaml = new StringBuilder("hosts:\n");
    for (int i = 1; i <= count; i++) {
      boolean swap = i <= swapped;
      yaml.append(String.format(Locale.ROOT, """
            - name: %s%02d
              os: server2019
              winrm: {transport: https, auth: [basic]}
              frameworks:
                - %s
              sites:
                - {name: Shop, id: %d, bindings: ["http/*:80:shop.example.com"], physicalPath: 'C:\\inetpub\\Shop'}
                - {name: Api, id: %d, bindings: ["http/*:80:api.example.com"], physicalPath: 'C:\\inetpub\\Api'}
          """, prefix, i, framework, swap ? 3 : 2, swap ? 2 : 3));
    }
    return yaml.toString();
  }
}
