package io.iisfarm.operator.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.api.ClrRuntime;
import io.iisfarm.operator.model.Bitness;
import io.iisfarm.operator.model.ConfigKind;
import io.iisfarm.operator.model.ConfigLocation;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.SiteWebConfig;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.simulator.windows.ProgramFaults;
import io.iisfarm.operator.winrm.ReadIncompleteException;
import io.iisfarm.operator.winrm.WinRmException;
import io.iisfarm.operator.winrm.WinRmSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A program inside the one-command read fails or is kept from running, on simulated hosts over real WinRM: the
 * read is incomplete, names its part, and nothing is changed on the host; it never passes for an absent file
 * or an empty metabase.
 */
class IncompleteReadIT {
  @RegisterExtension
  static final SecretScan SECRETS = new SecretScan();

  private static final String KEY = "validationKey: 5C1E2A3B4D5F60718293A4B5C6D7E8F90123456789ABCDEF0123456789ABCDEF,"
      + " decryptionKey: 00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF";
  private static final String FARM = """
      hosts:
        - name: web10
          os: server2019
          winrm: {auth: [basic]}
          frameworks:
            - {runtime: v4.0, bitness: 32}
            - {runtime: v4.0, bitness: 64, machineConfig: {machineKey: {%s, validation: SHA1, decryption: AES}}}
          sites:
            - {name: Shop, id: 2, bindings: ["http/*:80:shop"], physicalPath: '\\\\files01\\content\\shop'}
            - {name: Api, id: 3, bindings: ["http/*:80:api"], physicalPath: 'D:\\Sites\\Api'}
        - name: web06
          os: server2003
          winrm: {auth: [basic]}
          frameworks: [{runtime: v2.0, bitness: 32}]
          sites:
            - {name: Shop, id: 2, bindings: ["http/*:80:shop"], physicalPath: 'D:\\Sites\\Shop'}
        - name: nowsh
          os: server2003
          options: {windowsScriptHost: disabled}
          winrm: {auth: [basic]}
          frameworks: [{runtime: v2.0, bitness: 32}]
          sites: [{name: Shop, id: 2, physicalPath: 'D:\\Sites\\Shop'}]
        - name: noscripts
          os: server2003
          options: {adminScripts: removed}
          winrm: {auth: [basic]}
          frameworks: [{runtime: v2.0, bitness: 32}]
          sites: [{name: Shop, id: 2, physicalPath: 'D:\\Sites\\Shop'}]
        - name: halfway
          os: server2003
          winrm: {auth: [basic]}
          frameworks: [{runtime: v2.0, bitness: 32}]
          sites:
            - {name: Shop, id: 2, physicalPath: 'D:\\Sites\\Shop'}
            - {name: Api, id: 3, physicalPath: 'D:\\Sites\\Api'}
          faults:
            failPrograms:
              - {program: cscript, args: 'ENUM_ALL', keepLines: 12, exitCode: -2147024891,
                 stdout: "Access is denied.\\r\\nErrNumber: -2147024891 (0x80070005)\\r\\n"}
      """.formatted(KEY);
  private static final String V4_64_MACHINE_CONFIG = "Framework64\\\\v4\\.0\\.30319\\\\CONFIG\\\\machine\\.config";

  private static WindowsVariantsFarm farm;

  @BeforeAll
  static void start() {
    farm = new WindowsVariantsFarm(FARM, SECRETS);
  }

  @AfterAll
  static void stop() {
    farm.close();
  }

  @AfterEach
  void clearFaults() {
    farm.host("web10").programFaults().clear();
    farm.host("web06").programFaults().clear();
  }

  private static HostObservation read(String host, ReadOptions options) {
    try (WinRmSession session = farm.open(host)) {
      return new HostReader().read(session, options);
    }
  }

  private static ReadIncompleteException readFails(String host) {
    Throwable thrown = SECRETS.thrownBy(() -> read(host, ReadOptions.DEFAULT));
    assertThat(thrown).isInstanceOf(ReadIncompleteException.class);
    return (ReadIncompleteException) thrown;
  }

  @Test
  void certutilBlockedByAppLockerOnOneFileIsReportedAsBlockedAndNamesTheFile() {
    SimulatedHost host = farm.host("web10");
    host.programFaults().block("certutil", V4_64_MACHINE_CONFIG, ProgramFaults.Block.APP_LOCKER);
    host.resetInspection();
    ReadIncompleteException e = readFails("web10");
    assertThat(e.kind()).isEqualTo(WinRmException.Kind.CERTUTIL_BLOCKED);
    assertThat(e.part()).isEqualTo("file:v4.0/64/machine.config");
    assertThat(e.exitCode()).isEqualTo(1260);
    assertThat(host.counters().commandRequests()).as("one program failed inside the one command").isEqualTo(1);
    assertThat(host.journal().changes()).isEmpty();
  }

  @Test
  void certutilBlockedByAntiMalwareIsReportedAsBlockedToo() {
    farm.host("web10").programFaults().block("certutil", "v4\\.0\\.30319", ProgramFaults.Block.ANTIMALWARE);
    ReadIncompleteException e = readFails("web10");
    assertThat(e.kind()).isEqualTo(WinRmException.Kind.CERTUTIL_BLOCKED);
    assertThat(e.getMessage()).contains("anti-malware");
  }

  @Test
  void certutilDeniedAccessToOneFileIsAnIncompleteReadNotAMissingFile() {
    farm.host("web10").programFaults().fail("certutil", V4_64_MACHINE_CONFIG, 0x80070005,
        "CertUtil: -encode command FAILED: 0x80070005 (WIN32: 5 ERROR_ACCESS_DENIED)\r\n");
    ReadIncompleteException e = readFails("web10");
    assertThat(e.kind()).isEqualTo(WinRmException.Kind.READ_INCOMPLETE);
    assertThat(e.part()).isEqualTo("file:v4.0/64/machine.config");
    assertThat(e.getMessage()).contains("access denied");
  }

  @Test
  void aWriteIsNeverMadeOnTheStrengthOfAnIncompleteRead() {
    try (WinRmSession session = farm.open("web10")) {
      HostDriver driver = FarmHosts.driver(session);
      farm.host("web10").programFaults().block("certutil", V4_64_MACHINE_CONFIG, ProgramFaults.Block.APP_LOCKER);
      farm.host("web10").resetInspection();
      Throwable thrown = SECRETS.thrownBy(() -> driver.writeMachineKey(
          new ConfigLocation(ClrRuntime.V4_0, Bitness.B64, ConfigKind.MACHINE_CONFIG), MachineKeyWriteIT.farmKey(),
          BackupId.at(java.time.Instant.parse("2026-11-24T02:15:00Z"))));
      assertThat(thrown).isInstanceOf(ReadIncompleteException.class);
    }
    assertThat(farm.host("web10").journal().changes()).as("no backup, no write").isEmpty();
  }

  @Test
  void adsutilStoppingHalfWayIsAnIncompleteRead() {
    // the farm file's failPrograms: cscript's ENUM_ALL prints its first lines, then an error, and exits
    ReadIncompleteException e = readFails("halfway");
    assertThat(e.part()).isEqualTo("metabase");
    assertThat(e.exitCode()).isEqualTo(-2147024891);
    assertThat(e.getMessage()).contains("stopped with exit code -2147024891");
    assertThat(farm.host("halfway").journal().changes()).isEmpty();
  }

  @Test
  void windowsScriptHostDisabledIsAnIncompleteReadThatSaysSo() {
    ReadIncompleteException e = readFails("nowsh");
    assertThat(e.part()).isEqualTo("metabase");
    assertThat(e.getMessage()).contains("Windows Script Host");
  }

  @Test
  void iis6WithoutItsAdminScriptsIsAnIncompleteReadNotAHostWithoutIis() {
    ReadIncompleteException e = readFails("noscripts");
    assertThat(e.part()).isEqualTo("metabase");
    assertThat(e.getMessage()).contains("AdminScripts");
  }

  @Test
  void aSiteRootOnANetworkShareIsReportedUnreadableNotAsHavingNoWebConfig() {
    HostObservation o = read("web10", new ReadOptions(false, true));
    assertThat(o.siteConfigs()).filteredOn(SiteWebConfig::isUnreadable).singleElement().satisfies(c -> {
      assertThat(c.site()).isEqualTo("Shop");
      assertThat(c.unreadable()).contains("\\\\files01\\content\\shop", "network share");
    });
  }
}
