package io.iisfarm.operator.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.iisfarm.operator.api.ClrRuntime;
import io.iisfarm.operator.model.Bitness;
import io.iisfarm.operator.model.ConfigFile;
import io.iisfarm.operator.model.ConfigKind;
import io.iisfarm.operator.model.ConfigLocation;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.simulator.windows.WindowsHost;
import io.iisfarm.operator.winrm.WinRmSession;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Config files as Windows admins leave them, read and written through the drivers over real WinRM: a machineKey
 * locked in {@code <location path="." allowOverride="false">}, an encrypted one, IIS Shared Configuration, and the
 * read-only check that the ASP.NET configuration still loads.
 */
class ConfigFormsIT {
  @RegisterExtension
  static final SecretScan SECRETS = new SecretScan();
  private static final BackupId STEP = BackupId.at(Instant.parse("2026-03-01T10:15:30Z"));
  private static final String AUTO = "validationKey: 'AutoGenerate,IsolateApps', decryptionKey: 'AutoGenerate,IsolateApps'";
  private static final String SITE = "    sites: [{name: Shop, id: 2, bindings: ['http/*:80:shop']}]\n";
  private static final String FARM = "hosts:\n"
      + "  - name: web06\n    os: server2003\n    winrm: {auth: [basic]}\n    frameworks:\n"
      + "      - {runtime: v2.0, bitness: 32, machineConfig: {machineKey: {" + AUTO + ", validation: SHA1, lock: true}}}\n"
      + SITE
      + "  - name: web10\n    os: server2019\n    winrm: {auth: [basic]}\n    frameworks:\n"
      + "      - {runtime: v4.0, bitness: 32}\n"
      + "      - {runtime: v4.0, bitness: 64, machineConfig: {machineKey: {protectedBy: RsaProtectedConfigurationProvider}}}\n"
      + SITE
      + "  - name: web75\n    os: server2008r2\n    winrm: {auth: [basic]}\n    frameworks:\n"
      + "      - {runtime: v2.0, bitness: 64, servicePack: 1}\n"
      + "      - {runtime: v4.0, bitness: 32}\n"
      + "      - {runtime: v4.0, bitness: 64}\n"
      + SITE
      + "  - name: web11\n    os: server2019\n    winrm: {auth: [basic]}\n    sharedConfiguration: '\\\\files01\\iisconfig'\n"
      + "    frameworks: [{runtime: v4.0, bitness: 64}]\n" + SITE
      + "  - name: web12\n    os: server2019\n    winrm: {auth: [basic]}\n    sharedConfiguration: '\\\\files01\\iisconfig'\n"
      + "    frameworks: [{runtime: v4.0, bitness: 64}]\n" + SITE;
  private static final List<HostObservation.RuntimeInstall> WEB75_RUNTIMES = List.of(
      new HostObservation.RuntimeInstall(ClrRuntime.V2_0, Bitness.B64),
      new HostObservation.RuntimeInstall(ClrRuntime.V4_0, Bitness.B32),
      new HostObservation.RuntimeInstall(ClrRuntime.V4_0, Bitness.B64));

  private FarmHosts farm;

  @BeforeEach
  void start() {
    farm = FarmHosts.start(SECRETS, SimulatedFarm.fromYaml(FARM));
    SECRETS.key(MachineKeyWriteIT.VALIDATION_KEY);
    SECRETS.key(MachineKeyWriteIT.DECRYPTION_KEY);
  }

  @AfterEach
  void stop() {
    farm.close();
  }

  @Test
  void aLockedMachineKeyIsReadWhereItIsAndWrittenInPlaceNeverTwice() {
    ConfigLocation location = new ConfigLocation(ClrRuntime.V2_0, Bitness.B32, ConfigKind.MACHINE_CONFIG);
    WindowsHost web06 = farm.windows("web06");
    String path = MachineKeyWriteIT.path(web06, location);
    byte[] before = web06.readFile(path).orElseThrow();

    ConfigFile read = farm.read("web06", ReadOptions.DEFAULT).configFile(location).orElseThrow();
    assertThat(read.machineKey()).as("not taken for absent").isNotNull();
    assertThat(read.machineKey().validationKey().keyword()).isEqualTo("AutoGenerate,IsolateApps");
    assertThat(read.machineKeyElement().locked()).isTrue();

    try (WinRmSession session = farm.open("web06")) {
      assertThat(FarmHosts.driver(session).writeMachineKey(location, MachineKeyWriteIT.farmKey(), STEP).changed()).isTrue();
    }

    byte[] after = web06.readFile(path).orElseThrow();
    String text = new String(after, StandardCharsets.UTF_8);
    assertThat(text.split("<machineKey", -1)).as("one machineKey").hasSize(2);
    assertThat(text).containsPattern("<location path=\"\\.\" allowOverride=\"false\">\\s*<system\\.web>\\s*"
        + "<machineKey validationKey=\"" + MachineKeyWriteIT.VALIDATION_KEY + "\"");
    MachineKeyWriteIT.assertOnlyMachineKeyChanged(before, after);
    assertThat(web06.configurationErrors()).isEmpty();
    assertThat(farm.read("web06", ReadOptions.DEFAULT).configFile(location).orElseThrow().machineKey())
        .isEqualTo(MachineKeyWriteIT.farmKey());
  }

  @Test
  void anEncryptedMachineKeyIsRecognisedAndNeverWritten() {
    ConfigLocation location = new ConfigLocation(ClrRuntime.V4_0, Bitness.B64, ConfigKind.MACHINE_CONFIG);
    WindowsHost web10 = farm.windows("web10");
    byte[] before = web10.readFile(MachineKeyWriteIT.path(web10, location)).orElseThrow();

    ConfigFile read = farm.read("web10", ReadOptions.DEFAULT).configFile(location).orElseThrow();
    assertThat(read.machineKey()).as("no AutoGenerate pretended").isNull();
    assertThat(read.machineKeyElement().encrypted()).isTrue();
    assertThat(read.machineKeyElement().protectionProvider()).isEqualTo("RsaProtectedConfigurationProvider");
    assertThat(read.toString()).contains("machineKey=encrypted");

    Throwable thrown;
    try (WinRmSession session = farm.open("web10")) {
      HostDriver driver = FarmHosts.driver(session);
      thrown = SECRETS.thrownBy(() -> driver.writeMachineKey(location, MachineKeyWriteIT.farmKey(), STEP));
    }
    assertThat(thrown).isInstanceOf(ConfigEditException.class).hasMessageContaining("encrypted")
        .hasMessageContaining("aspnet_regiis -pd");
    assertThat(web10.readFile(MachineKeyWriteIT.path(web10, location))).hasValueSatisfying(b -> assertThat(b).isEqualTo(before));
    assertThat(farm.host("web10").journal().changes()).isEmpty();
  }

  @Test
  void theReadSeesASharedConfigurationStoreAndKeepsNoCredentialOfIt() {
    HostObservation web11 = farm.read("web11", ReadOptions.DEFAULT);
    assertThat(web11.sharedConfiguration()).isEqualTo("\\\\files01\\iisconfig");
    assertThat(farm.read("web12", ReadOptions.DEFAULT).sharedConfiguration()).isEqualTo("\\\\files01\\iisconfig");
    assertThat(farm.read("web10", ReadOptions.DEFAULT).sharedConfiguration()).as("stock redirection.config").isNull();
    assertThat(farm.read("web06", ReadOptions.DEFAULT).sharedConfiguration()).as("IIS6").isNull();
    String password = new String(farm.windows("web11").readFile("%windir%\\system32\\inetsrv\\config\\redirection.config")
        .orElseThrow(), StandardCharsets.UTF_8).replaceAll("(?s).*password=\"([^\"]+)\".*", "$1");
    assertThat(password).startsWith("[enc:IISRsaProvider:");
    assertThat(web11.toString()).doesNotContain(password);
    assertThat(farm.host("web11").journal().changes()).isEmpty();
  }

  @Test
  void theLoadCheckIsReadOnlyAndReportsWhatStopsARuntimeFromLoading() throws Exception {
    HostObservation before;
    try (WinRmSession session = farm.open("web75")) {
      HostDriver driver = FarmHosts.driver(session);
      before = driver.observation();
      assertThat(driver.configurationProblems(driver.observation(), WEB75_RUNTIMES)).isEmpty();
      assertThat(driver.journal()).last().satisfies(c -> assertThat(c.action())
          .contains("%windir%\\SysWOW64\\inetsrv\\appcmd.exe list config -section:system.web/machineKey /clr:4.0"
              + " /text:CONFIG.SECTION", "%windir%\\system32\\inetsrv\\appcmd.exe list config"
              + " -section:system.web/machineKey /clr:2.0 /text:CONFIG.SECTION"));
    }
    // .NET 2.0 before SP2 meets compatibilityMode; the 32-bit .NET 4.0 root web.config loses its end tag
    farm.windows("web75").applyDrift(io.iisfarm.operator.simulator.windows.DriftAction.fromYaml("{kind: configText,"
        + " runtime: v2.0, bitness: 64, find: '<httpHandlers />', replace: '<machineKey compatibilityMode=\"Framework20SP2\""
        + " /><httpHandlers />'}"));
    farm.windows("web75").applyDrift(io.iisfarm.operator.simulator.windows.DriftAction.fromYaml("{kind: configText,"
        + " runtime: v4.0, bitness: 32, file: rootWebConfig, find: '</system.web>', replace: '</system.wbe>'}"));
    farm.host("web75").resetInspection();

    List<String> problems;
    try (WinRmSession session = farm.open("web75")) {
      // the operator's read would now fail on the broken file: the check runs with the files read before
      HostDriver driver = HostDrivers.open(session, before, false);
      problems = driver.configurationProblems(before, WEB75_RUNTIMES);
    }
    assertThat(problems).satisfiesExactly(
        p -> assertThat(p).startsWith("v2.0/64: appcmd could not load the configuration: ERROR ( message:Configuration"
            + " error Filename: \\\\?\\C:\\Windows\\Microsoft.NET\\Framework64\\v2.0.50727\\CONFIG\\machine.config")
            .contains("Unrecognized attribute 'compatibilityMode'"),
        p -> assertThat(p).startsWith("v4.0/32: appcmd could not load the configuration:")
            .contains("Framework\\v4.0.30319\\CONFIG\\web.config", "not well-formed XML"));
    assertThat(farm.host("web75").journal().changes()).as("read-only").isEmpty();
    SECRETS.shown(String.join("\n", problems));
  }

  @Test
  void onIis6TheFilesReadBackAreWhatIsChecked() {
    farm.windows("web06").applyDrift(io.iisfarm.operator.simulator.windows.DriftAction.fromYaml("{kind: configText,"
        + " runtime: v2.0, bitness: 32, find: 'validation=\"SHA1\"', replace: 'validation=\"SHA1\" dataProtectorType=\"X\"'}"));
    List<HostObservation.RuntimeInstall> v2 = List.of(new HostObservation.RuntimeInstall(ClrRuntime.V2_0, Bitness.B32));
    try (WinRmSession session = farm.open("web06")) {
      HostDriver driver = FarmHosts.driver(session);
      int sent = driver.journal().size();
      assertThat(driver.configurationProblems(driver.observation(), v2)).singleElement().satisfies(p -> assertThat(p)
          .isEqualTo("v2.0/32 machine.config: attribute 'dataProtectorType' is not known to the .NET v2.0 configuration"
              + " system (\"Unrecognized attribute\")"));
      assertThat(driver.journal()).as("IIS6 has no read-only load command").hasSize(sent);
    }
    assertThat(farm.windows("web06").configurationBroken()).as("the simulated host agrees").isTrue();
  }
}
