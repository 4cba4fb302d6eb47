package io.iisfarm.operator.simulator.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The simulated hosts' ASP.NET configuration: what makes it fail to load, as {@link WindowsHost#configurationErrors()}
 * and {@code appcmd list config -section:system.web/machineKey} report it.
 */
class AspNetConfigurationTest {
  private static final String APPCMD64 = "%windir%\\system32\\inetsrv\\appcmd.exe ";
  private static final String APPCMD32 = "%windir%\\SysWOW64\\inetsrv\\appcmd.exe ";
  private static final String CHECK = "list config -section:system.web/machineKey /text:CONFIG.SECTION";

  /** IIS 7.5 with .NET 2.0 before SP2 (64-bit) and 4.0 (32 and 64-bit), the v2.0 key locked in machine.config. */
  private static WindowsHost host(String v2ServicePack) {
    return WindowsHost.create(HostDefinition.fromYaml("""
        name: web75
        os: server2008r2
        frameworks:
          - runtime: v2.0
            bitness: 64
            servicePack: %s
            machineConfig: {machineKey: {validationKey: "AutoGenerate,IsolateApps", validation: SHA1, lock: true}}
          - {runtime: v4.0, bitness: 32}
          - runtime: v4.0
            bitness: 64
            rootWebConfig: {machineKey: {protectedBy: RsaProtectedConfigurationProvider}}
        sites:
          - {name: Shop, id: 2, bindings: ["http/*:80:shop"]}
        """.formatted(v2ServicePack)));
  }

  private static void drift(WindowsHost host, String yaml) {
    host.applyDrift(DriftAction.fromYaml(yaml));
  }

  private static String text(WindowsHost host, String path) {
    return new String(host.readFile(path).orElseThrow(), StandardCharsets.UTF_8);
  }

  @Test
  void stockLockedAndEncryptedKeysLoad() {
    WindowsHost host = host("1");
    assertThat(host.configurationErrors()).isEmpty();
    assertThat(host.configurationBroken()).isFalse();
    assertThat(text(host, host.configPath("v2.0", 64, false)))
        .contains("    <location path=\".\" allowOverride=\"false\">\r\n        <system.web>\r\n"
            + "            <machineKey validationKey=\"AutoGenerate,IsolateApps\" validation=\"SHA1\" />\r\n");
    assertThat(text(host, host.configPath("v4.0", 64, true)))
        .contains("<machineKey configProtectionProvider=\"RsaProtectedConfigurationProvider\">\r\n")
        .contains("<EncryptedData Type=\"http://www.w3.org/2001/04/xmlenc#Element\"", "<KeyName>Rsa Key</KeyName>",
            "<CipherValue>");
    for (String appcmd : new String[] {APPCMD64 + CHECK + " /clr:2.0", APPCMD64 + CHECK + " /clr:4.0",
        APPCMD32 + CHECK + " /clr:4.0", APPCMD64 + CHECK}) {
      CommandResult r = host.run(appcmd);
      assertThat(r.exitCode()).as(appcmd).isZero();
      assertThat(r.stdout()).isEqualTo("system.web/machineKey\r\n");
      assertThat(r.changedHost()).isFalse();
    }
  }

  @Test
  void compatibilityModeIsUnknownToTwoPointZeroBeforeSp2AndBreaksItsConfiguration() {
    WindowsHost sp1 = host("1");
    drift(sp1, "{kind: configText, runtime: v2.0, bitness: 64, find: 'validation=\"SHA1\"',"
        + " replace: 'validation=\"SHA1\" compatibilityMode=\"Framework20SP2\"'}");

    assertThat(sp1.configurationErrors()).singleElement().satisfies(e -> assertThat(e)
        .startsWith("C:\\Windows\\Microsoft.NET\\Framework64\\v2.0.50727\\CONFIG\\machine.config line ")
        .endsWith("Unrecognized attribute 'compatibilityMode'. Note that attribute names are case-sensitive."));
    CommandResult r = sp1.run(APPCMD64 + CHECK + " /clr:2.0");
    assertThat(r.exitCode()).isEqualTo(13);
    assertThat(r.stdout()).startsWith("ERROR ( message:Configuration error \r\n"
        + "Filename: \\\\?\\C:\\Windows\\Microsoft.NET\\Framework64\\v2.0.50727\\CONFIG\\machine.config\r\nLine Number: ")
        .contains("\r\nDescription: Unrecognized attribute 'compatibilityMode'.").endsWith("\r\n. )\r\n");
    assertThat(sp1.run(APPCMD64 + CHECK + " /clr:4.0").exitCode()).as("the other runtime still loads").isZero();

    WindowsHost sp2 = host("2");
    drift(sp2, "{kind: configText, runtime: v2.0, bitness: 64, find: 'validation=\"SHA1\"',"
        + " replace: 'validation=\"SHA1\" compatibilityMode=\"Framework20SP2\"'}");
    assertThat(sp2.configurationErrors()).as("2.0 SP2 knows it").isEmpty();
    drift(sp2, "{kind: configText, runtime: v2.0, bitness: 64, find: 'Framework20SP2', replace: 'Framework45'}");
    assertThat(sp2.configurationErrors()).singleElement()
        .satisfies(e -> assertThat(e).contains("'compatibilityMode' is not one of [Framework20SP1, Framework20SP2]"));
  }

  @Test
  void malformedXmlBreaksTheRuntimeOfThatBitnessOnly() {
    WindowsHost host = host("2");
    drift(host, "{kind: configText, runtime: v4.0, bitness: 32, file: rootWebConfig, find: '</system.web>',"
        + " replace: '</system.wbe>'}");

    assertThat(host.configurationErrors()).singleElement().satisfies(e -> assertThat(e)
        .startsWith("C:\\Windows\\Microsoft.NET\\Framework\\v4.0.30319\\CONFIG\\web.config line ")
        .endsWith("Configuration file is not well-formed XML"));
    assertThat(host.run(APPCMD32 + CHECK + " /clr:4.0").exitCode()).isEqualTo(13);
    assertThat(host.run(APPCMD64 + CHECK + " /clr:4.0").exitCode()).as("Framework64 is another file").isZero();
  }

  @Test
  void aSecondMachineKeyAndAKeyUnderALockBreakTheConfiguration() {
    WindowsHost host = host("2");
    drift(host, "{kind: configText, runtime: v2.0, bitness: 64, find: '<httpHandlers />',"
        + " replace: '<machineKey validation=\"MD5\" />'}");
    assertThat(host.configurationErrors()).singleElement()
        .satisfies(e -> assertThat(e).endsWith("There is a duplicate 'system.web/machineKey' section defined"));

    WindowsHost locked = host("2");
    drift(locked, "{kind: configText, runtime: v2.0, bitness: 64, file: rootWebConfig, find: '<authorization>',"
        + " replace: '<machineKey validation=\"MD5\" /><authorization>'}");
    assertThat(locked.configurationErrors()).singleElement().satisfies(e -> assertThat(e)
        .contains("v2.0.50727\\CONFIG\\web.config line").contains("locked at a parent level"));
  }

  @Test
  void v4OnlyAttributesAndAlgorithmsBreakAV2File() {
    WindowsHost host = host("2");
    drift(host, "{kind: configText, runtime: v2.0, bitness: 64, find: 'validation=\"SHA1\"',"
        + " replace: 'validation=\"HMACSHA256\"'}");
    assertThat(host.configurationErrors()).singleElement()
        .satisfies(e -> assertThat(e).contains("'validation' is not one of [3DES, AES, MD5, SHA1]"));
    drift(host, "{kind: configText, runtime: v2.0, bitness: 64, find: 'validation=\"HMACSHA256\"',"
        + " replace: 'validation=\"SHA1\" dataProtectorType=\"X\"'}");
    assertThat(host.configurationErrors()).singleElement()
        .satisfies(e -> assertThat(e).contains("Unrecognized attribute 'dataProtectorType'"));
  }

  @Test
  void whatIsNotEmulatedFailsLoudly() {
    WindowsHost host = host("2");
    assertThat(host.run(APPCMD64 + "list config -section:system.web/trust /text:CONFIG.SECTION").stderr())
        .startsWith("simulator: not emulated:");
    assertThat(host.run(APPCMD64 + "list config -section:system.web/machineKey").stderr())
        .as("the plain listing would print the keys; not emulated").startsWith("simulator: not emulated:");
    assertThat(host.run(APPCMD64 + CHECK + " /clr:3.5").stderr()).startsWith("simulator: not emulated:");
    assertThat(host.run(APPCMD32 + CHECK + " /clr:2.0").stderr()).as("no 32-bit .NET 2.0 here")
        .startsWith("simulator: not emulated:");
    assertThat(TestHosts.iis6().run(APPCMD64 + CHECK).exitCode()).as("IIS6 has no appcmd").isEqualTo(9009);
  }
}
