package io.iisfarm.operator.cli.audit;

import static io.iisfarm.operator.cli.audit.AuditRun.audit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.testing.SecretScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit} never says "in sync" about machineKeys it could not check: a host reached over plain http
 * without allowKeyTransferOverHttp, and a host whose machineKey is encrypted, give the could-not-check code 3.
 */
class AuditKeysNotCheckedIT {
  private static final String VALIDATION_KEY = "7D3A9B1C5E2F4A6B8C0D1E3F5A7B9C2D4E6F8A0B1C3D5E7F9A2B4C6D8E0F1A3B"
      + "5C7D9E1F3A5B7C9D0E2F4A6B8C1D3E5F7A9B0C2D4E6F8A1B3C5D7E9F0A2B4C6D";
  private static final String DECRYPTION_KEY = "2B4D6F8A1C3E5A7C9E0B2D4F6A8C1E3A5C7E9B0D2F4A6C8E";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SimulatedFarm farm;

  @TempDir
  Path dir;

  @BeforeAll
  static void startFarm() {
    String sites = "    sites: [{name: Shop, id: 2, bindings: ['http/*:80:shop']}, {name: Api, id: 3,"
        + " bindings: ['http/*:80:api']}]\n";
    farm = SimulatedFarm.fromYaml("hosts:\n"
        + "  - name: web20\n    os: server2019\n    winrm: {transport: http, auth: [basic], allowUnencrypted: true}\n"
        + "    frameworks: [{runtime: v4.0, bitness: 64}]\n" + sites
        + "  - name: web21\n    os: server2019\n    winrm: {auth: [basic]}\n    frameworks:\n"
        + "      - {runtime: v4.0, bitness: 64, machineConfig: {machineKey: {protectedBy: RsaProtectedConfigurationProvider}}}\n"
        + sites);
  }

  @AfterAll
  static void stopFarm() {
    farm.close();
    AuditRun.restoreLogLevels();
  }

  @Test
  void plainHttpWithoutKeyTransferIsNotInSyncButCouldNotCheck() throws Exception {
    SimulatedHost web20 = farm.host("web20");
    AuditRun run = audit(Map.of(), "--secrets", secrets(web20).toString(), farmFile(web20, "http", "").toString());

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(3);
    // the host counts as in sync on its site IDs alone (docs/design.md §6), but the audit does not say the farm is
    assertThat(run.out()).contains("web20  in sync", "InsecureTransport:",
        "Incomplete: the machineKeys of web20 (InsecureTransport: reached over plain http, so its config files were not"
            + " read; use https or set spec.winrm.allowKeyTransferOverHttp: true) could not be checked, so the farm is"
            + " not known to be in sync; 1 of 1 hosts in sync on what could be checked (exit code 3).")
        .doesNotContain("In sync:");
    AuditRun json = audit(Map.of(), "-o", "json", "--secrets", secrets(web20).toString(),
        farmFile(web20, "http", "").toString());
    JsonNode doc = JSON.readTree(json.out());
    assertThat(doc.path("result").asText()).isEqualTo("KeysNotChecked");
    assertThat(doc.path("exitCode").asInt()).isEqualTo(3);
    assertThat(web20.journal().changes()).isEmpty();
    SecretScan.assertClean("audit output", run.out() + run.err() + json.out() + json.err(),
        List.of(VALIDATION_KEY, DECRYPTION_KEY, web20.password()));
  }

  @Test
  void withKeyTransferAllowedTheSameHostIsChecked() throws Exception {
    SimulatedHost web20 = farm.host("web20");
    AuditRun run = audit(Map.of(), "--secrets", secrets(web20).toString(),
        farmFile(web20, "http", "    allowKeyTransferOverHttp: true\n").toString());
    assertThat(run.exit()).as("the farm key is not on the host yet: drift").isEqualTo(1);
    assertThat(run.out()).contains("MachineKeyDrift: v4.0/64 machine.config");
  }

  @Test
  void anEncryptedMachineKeyCannotBeCheckedEither() throws Exception {
    SimulatedHost web21 = farm.host("web21");
    Path ca = Files.writeString(dir.resolve("ca.pem"), farm.caPem());
    AuditRun run = audit(Map.of("IISFARM_WINRM_CA_FILE", ca.toString()), "--secrets", secrets(web21).toString(),
        farmFile(web21, "https", "    caSecretRef: {name: farm-ca}\n").toString());

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(3);
    assertThat(run.out()).contains("MachineKeyEncrypted: v4.0/64 machine.config holds an encrypted <machineKey>",
        "the machineKeys of web21 (MachineKeyEncrypted: its machineKey is encrypted; decrypt it with aspnet_regiis -pd");
    assertThat(web21.journal().changes()).isEmpty();
  }

  private Path farmFile(SimulatedHost host, String transport, String winrmExtra) throws Exception {
    return Files.writeString(dir.resolve("farm.yaml"), """
        apiVersion: iisfarm.io/v1alpha1
        kind: IisFarm
        metadata: {name: shop, namespace: web}
        spec:
          mode: Audit
          winrm:
            transport: %s
            auth: basic
            credentialsSecretRef: {name: winrm}
        %s  hosts:
            - {name: %s, address: "127.0.0.1:%d"}
          sites:
            - {name: Shop, id: 2}
            - {name: Api, id: 3}
          machineKey: {secretRef: {name: farm-key}, validation: SHA1, decryption: AES}
        """.formatted(transport, winrmExtra, host.name(), host.port()));
  }

  private Path secrets(SimulatedHost host) throws Exception {
    return Files.writeString(dir.resolve("secrets.yaml"), """
        apiVersion: v1
        kind: Secret
        metadata: {name: winrm, namespace: web}
        stringData: {username: %s, password: %s}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: farm-key, namespace: web}
        stringData: {validationKey: %s, decryptionKey: %s}
        """.formatted(host.username(), host.password(), VALIDATION_KEY, DECRYPTION_KEY));
  }
}
