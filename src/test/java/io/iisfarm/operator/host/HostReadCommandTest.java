package io.iisfarm.operator.host;

import static io.iisfarm.operator.host.WindowsOutput.adsutilProperty;
import static io.iisfarm.operator.host.WindowsOutput.exit;
import static io.iisfarm.operator.host.WindowsOutput.file;
import static io.iisfarm.operator.host.WindowsOutput.marker;
import static io.iisfarm.operator.host.WindowsOutput.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iisfarm.operator.api.ClrRuntime;
import io.iisfarm.operator.model.Bitness;
import io.iisfarm.operator.model.ConfigKind;
import io.iisfarm.operator.model.ConfigLocation;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.IisVersion;
import io.iisfarm.operator.model.ObservedApplication;
import io.iisfarm.operator.model.ObservedSite;
import io.iisfarm.operator.winrm.ReadIncompleteException;
import io.iisfarm.operator.winrm.WinRmException;
import io.iisfarm.operator.winrm.WinRmProtocolException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostReadCommandTest {
  static final Instant NOW = Instant.parse("2026-11-24T02:15:00Z");
  static final ConfigLocation V4_64_MACHINE = new ConfigLocation(ClrRuntime.V4_0, Bitness.B64, ConfigKind.MACHINE_CONFIG);
  static final ConfigLocation V4_64_WEB = new ConfigLocation(ClrRuntime.V4_0, Bitness.B64, ConfigKind.ROOT_WEB_CONFIG);

  static final String IIS10_SITES = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<appcmd>\r\n"
      + "    <SITE SITE.NAME=\"Default Web Site\" SITE.ID=\"1\" bindings=\"http/*:80:,https/*:443:\" state=\"Started\" />\r\n"
      + "    <SITE SITE.NAME=\"Shop\" SITE.ID=\"3\" bindings=\"http/*:8080:shop.example.com\" state=\"Stopped\" />\r\n"
      + "</appcmd>\r\n";
  static final String IIS10_VDIRS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<appcmd>\r\n"
      + "    <VDIR VDIR.NAME=\"Default Web Site/\" APP.NAME=\"Default Web Site/\" physicalPath=\"%SystemDrive%\\inetpub\\wwwroot\" />\r\n"
      + "    <VDIR VDIR.NAME=\"Shop/\" APP.NAME=\"Shop/\" physicalPath=\"D:\\sites\\shop\" />\r\n"
      + "    <VDIR VDIR.NAME=\"Shop/images\" APP.NAME=\"Shop/\" physicalPath=\"D:\\media\" />\r\n"
      + "    <VDIR VDIR.NAME=\"Shop/api/\" APP.NAME=\"Shop/api\" physicalPath=\"D:\\sites\\shop-api\" />\r\n"
      + "</appcmd>\r\n";

  static String iis10Output(boolean withFiles) {
    StringBuilder out = new StringBuilder();
    out.append(marker("ver")).append("\r\nMicrosoft Windows [Version 10.0.17763.1]\r\n");
    out.append(marker("hostname")).append("WEB10\r\n").append(exit("hostname", 0));
    out.append(marker("tools")).append("appcmd\r\nadsutil\r\n");
    out.append(marker("sites")).append(IIS10_SITES).append(exit("appcmd", 0));
    out.append(marker("vdirs")).append(IIS10_VDIRS).append(exit("appcmd", 0));
    out.append(marker("metabase"));
    out.append(marker("runtimes")).append("v2.0/32\r\nv2.0/64\r\nv4.0/32\r\nv4.0/64\r\n");
    out.append(redirectionPart("<configurationRedirection />"));
    if (withFiles) {
      for (ConfigLocation location : HostReadCommand.allLocations()) {
        out.append(marker(HostReadCommand.FILE));
        if (location.equals(V4_64_MACHINE)) {
          out.append(file(ConfigFixtures.withBom(ConfigFixtures.crlf(ConfigFixtures.V4_MACHINE_CONFIG))));
        } else if (location.equals(V4_64_WEB)) {
          out.append(file(ConfigFixtures.crlf(ConfigFixtures.V4_ROOT_WEB_CONFIG)));
        } else {
          out.append(status("absent"));
        }
      }
    }
    return out.append(marker("end")).toString();
  }

  static String iis6Metabase() {
    return adsutilProperty("KeyType", "STRING", "IIsWebService")
        + adsutilProperty("MaxConnections", "INTEGER", "4294967295")
        + "[/W3SVC/1]\r\n"
        + adsutilProperty("KeyType", "STRING", "IIsWebServer")
        + adsutilProperty("ServerComment", "STRING", "Default Web Site")
        + adsutilProperty("ServerAutoStart", "BOOLEAN", "True")
        + adsutilProperty("ServerBindings", "LIST", "(1 Items)") + "  \":80:\"\r\n\r\n"
        + adsutilProperty("ServerState", "INTEGER", "2")
        + "[/W3SVC/1/Filters]\r\n"
        + adsutilProperty("KeyType", "STRING", "IIsFilters")
        + "\r\n[/W3SVC/1/ROOT]\r\n"
        + adsutilProperty("KeyType", "STRING", "IIsWebVirtualDir")
        + adsutilProperty("AppRoot", "STRING", "/LM/W3SVC/1/Root")
        + adsutilProperty("Path", "STRING", "c:\\inetpub\\wwwroot")
        + "[/W3SVC/1/ROOT/images]\r\n"
        + adsutilProperty("Path", "STRING", "c:\\media")
        + "\r\n[/W3SVC/1/ROOT/legacy]\r\n"
        + adsutilProperty("AppRoot", "STRING", "/LM/W3SVC/1/Root/legacy")
        + adsutilProperty("AppIsolated", "INTEGER", "2")
        + "\r\n\r\n[/W3SVC/1734577]\r\n"
        + adsutilProperty("ServerComment", "STRING", "Shop")
        + adsutilProperty("ServerAutoStart", "BOOLEAN", "False")
        + "[/W3SVC/1734577/ROOT]\r\n"
        + adsutilProperty("AppRoot", "STRING", "/LM/W3SVC/1734577/ROOT")
        + adsutilProperty("Path", "STRING", "D:\\sites\\shop")
        + "\r\n\r\n[/W3SVC/AppPools]\r\n"
        + adsutilProperty("KeyType", "STRING", "IIsApplicationPools")
        + "[/W3SVC/AppPools/DefaultAppPool]\r\n"
        + adsutilProperty("KeyType", "STRING", "IIsApplicationPool")
        + "\r\n[/W3SVC/Filters]\r\n[/W3SVC/Info]\r\n"
        + adsutilProperty("KeyType", "STRING", "IIsWebInfo") + "\r\n";
  }

  static String iis6Output() {
    return marker("ver") + "\r\nMicrosoft Windows [Version 5.2.3790]\r\n"
        + marker("hostname") + "WEB6\r\n" + exit("hostname", 0)
        + marker("tools") + "adsutil\r\nmetabase\r\n"
        + marker("sites") + marker("vdirs")
        + marker("metabase") + iis6Metabase() + exit("cscript", 0)
        + marker("runtimes") + "v2.0/32\r\n"
        + marker("redirection") + status("absent")
        + marker("end");
  }

  /** redirection.config as IIS installs it, with {@code element} as its configurationRedirection. */
  static String redirection(String element) {
    return "<configuration>\n    <configSections>\n        <section name=\"configurationRedirection\" />\n"
        + "    </configSections>\n    " + element + "\n</configuration>\n";
  }

  @Test
  void commandStaysUnderCmdsLimitAndReadsEveryPartInOneLine() {
    String line = HostReadCommand.build(true, Cmd.tempFile("read"));
    // room is left for more parts: the config files share one loop, so the temp file and certutil come once
    assertThat(Cmd.expandedLength(line)).as("with %TEMP% and %windir% expanded").isLessThan(5_000);
    assertThat(line).doesNotContain("\n").startsWith("echo ==iisfarm:ver== & ver & ");
    assertThat(line).contains("%windir%\\system32\\inetsrv\\appcmd.exe list site /xml",
        "%windir%\\system32\\inetsrv\\appcmd.exe list vdir /xml",
        "cscript //nologo %SystemDrive%\\Inetpub\\AdminScripts\\adsutil.vbs ENUM_ALL W3SVC",
        "for %f in (\"%windir%\\Microsoft.NET\\Framework\\v2.0.50727\\CONFIG\\machine.config\" ",
        " \"%windir%\\Microsoft.NET\\Framework64\\v4.0.30319\\CONFIG\\web.config\") do @(echo ==iisfarm:file== & ",
        "(if exist %f (certutil -f -encode %f \"%TEMP%\\iisfarm-read-");
    assertThat(line.split("certutil -f -encode", -1)).as("the config files' loop and redirection.config").hasSize(3);
    assertThat(line.split("CONFIG\\\\machine.config\" ", -1)).as("each file once in the loop, four in runtimes")
        .hasSize(4 + 4 + 1);
    // every program reports its own exit code; a missing file says so
    assertThat(line).contains("call echo ==iisfarm:@certutil:%^errorlevel%== & type ",
        "else echo ==iisfarm:@absent==))");
    assertThat(line).contains("hostname & call echo ==iisfarm:@hostname:%^errorlevel%==",
        "list site /xml & call echo ==iisfarm:@appcmd:%^errorlevel%==",
        "ENUM_ALL W3SVC & call echo ==iisfarm:@cscript:%^errorlevel%==",
        "(if exist %windir%\\system32\\inetsrv\\MetaBase.xml echo metabase)");
    assertThat(HostReadCommand.build(false, "t").split("certutil -f -encode", -1)).as("redirection.config only")
        .hasSize(2);
    assertThat(HostReadCommand.build(false, "t")).contains("echo v4.0/64",
        "certutil -f -encode \"%windir%\\system32\\inetsrv\\config\\redirection.config\"");
  }

  @Test
  void configFilePartsCutShortNameTheFirstMissingFile() {
    String out = iis10Output(true);
    int seventh = out.indexOf(marker("file"));
    for (int i = 0; i < 6; i++) {
      seventh = out.indexOf(marker("file"), seventh + 1);
    }
    String cut = out.substring(0, seventh) + marker("end");
    assertThatThrownBy(() -> HostReadCommand.parse("web10:5986", cut, true, NOW))
        .isInstanceOfSatisfying(WinRmProtocolException.class,
            e -> assertThat(e.part()).isEqualTo("file:v4.0/64/machine.config"));
  }

  @Test
  void readsAnIis10Host() {
    HostObservation o = HostReadCommand.parse("web10:5986", iis10Output(true), true, NOW);
    assertThat(o.hostname()).isEqualTo("WEB10");
    assertThat(o.osVersion()).isEqualTo("Microsoft Windows [Version 10.0.17763.1]");
    assertThat(o.osName()).isEqualTo("Windows Server 2019");
    assertThat(o.iisVersion()).isEqualTo(new IisVersion(10, 0));
    assertThat(o.sites()).containsExactly(
        new ObservedSite("Default Web Site", 1, "Started", "%SystemDrive%\\inetpub\\wwwroot", null, List.of()),
        new ObservedSite("Shop", 3, "Stopped", "D:\\sites\\shop", null, List.of()));
    assertThat(o.installed()).hasSize(4);
    assertThat(o.configsRead()).isTrue();
    assertThat(o.configFiles()).extracting(f -> f.location()).containsExactly(V4_64_MACHINE, V4_64_WEB);
    assertThat(o.configFile(V4_64_MACHINE).orElseThrow().content())
        .isEqualTo(ConfigFixtures.withBom(ConfigFixtures.crlf(ConfigFixtures.V4_MACHINE_CONFIG)));
    assertThat(o.configFile(V4_64_MACHINE).orElseThrow().machineKey()).isNull();
    assertThat(o.configFile(V4_64_WEB).orElseThrow().machineKey().validation()).isEqualTo("HMACSHA256");
    assertThat(o.configFile(V4_64_WEB).orElseThrow().path())
        .isEqualTo("%windir%\\Microsoft.NET\\Framework64\\v4.0.30319\\CONFIG\\web.config");
    assertThat(o.observedAt()).isEqualTo(NOW);
    assertThat(o.sharedConfiguration()).as("the stock redirection.config redirects nothing").isNull();
  }

  @Test
  void sharedConfigurationIsTheUncStoreRedirectionConfigPointsAt() {
    String shared = "<configurationRedirection enabled=\"true\" path=\"\\\\files01\\iisconfig\" userName=\"CORP\\iis\""
        + " password=\"[enc:IISRsaProvider:57686f6120447564652c2049495320526f636b73:enc]\" />";
    assertThat(parseWithRedirection(shared).sharedConfiguration()).isEqualTo("\\\\files01\\iisconfig");
    assertThat(parseWithRedirection(shared.replace("true", "false")).sharedConfiguration()).isNull();
    assertThat(parseWithRedirection(shared.replace("\\\\files01\\iisconfig", "D:\\iisconfig")).sharedConfiguration())
        .as("a folder of the host itself shares nothing").isNull();
    assertThat(parseWithRedirection(shared).toString()).doesNotContain("57686f6120447564652c2049495320526f636b73");
    assertThatThrownBy(() -> parseWithRedirection("<configurationRedirection"))
        .isInstanceOfSatisfying(WinRmProtocolException.class, e -> assertThat(e.part()).isEqualTo("redirection"));
  }

  private static HostObservation parseWithRedirection(String element) {
    String out = iis10Output(false).replace(redirectionPart("<configurationRedirection />"), redirectionPart(element));
    return HostReadCommand.parse("web10:5986", out, false, NOW);
  }

  private static String redirectionPart(String element) {
    return marker("redirection") + file(ConfigFixtures.crlf(redirection(element)));
  }

  @Test
  void readsAnIis6HostWithAppRootsAndChildApplications() {
    HostObservation o = HostReadCommand.parse("web6:5986", iis6Output(), false, NOW);
    assertThat(o.iisVersion()).isEqualTo(new IisVersion(6, 0));
    assertThat(o.iisVersion().isIis6()).isTrue();
    assertThat(o.osName()).isEqualTo("Windows Server 2003");
    assertThat(o.sites()).containsExactly(
        new ObservedSite("Default Web Site", 1, "Started", "c:\\inetpub\\wwwroot", "/LM/W3SVC/1/Root",
            List.of(new ObservedApplication("W3SVC/1/ROOT/legacy", "/LM/W3SVC/1/Root/legacy"))),
        new ObservedSite("Shop", 1734577, "Stopped", "D:\\sites\\shop", "/LM/W3SVC/1734577/ROOT", List.of()));
    assertThat(o.installed()).containsExactly(new HostObservation.RuntimeInstall(ClrRuntime.V2_0, Bitness.B32));
    assertThat(o.configsRead()).isFalse();
    assertThat(o.configFiles()).isEmpty();
    assertThat(o.sharedConfiguration()).isNull();
  }

  @Test
  void aHostWithoutIisHasNoSites() {
    String out = marker("ver") + "\r\nMicrosoft Windows [Version 6.3.9600]\r\n" + marker("hostname") + "APP1\r\n"
        + exit("hostname", 0) + marker("tools") + marker("sites") + marker("vdirs") + marker("metabase")
        + marker("runtimes") + marker("redirection") + status("absent") + marker("end");
    HostObservation o = HostReadCommand.parse("app1:5986", out, false, NOW);
    assertThat(o.iisVersion()).isNull();
    assertThat(o.sites()).isEmpty();
    assertThat(o.osName()).isEqualTo("Windows Server 2012 R2");
  }

  @Test
  void outputCutShortNamesTheMissingPart() {
    String cut = iis10Output(true).substring(0, iis10Output(true).indexOf("==iisfarm:runtimes=="));
    assertThatThrownBy(() -> HostReadCommand.parse("web10:5986", cut, true, NOW))
        .isInstanceOfSatisfying(WinRmProtocolException.class, e -> assertThat(e.part()).isEqualTo("runtimes"));
  }

  @Test
  void appcmdThatFailsMakesTheReadIncompleteNamingTheSitesPart() {
    // appcmd prints its error on stdout and exits with the Win32 code (5: access denied)
    String out = iis10Output(false).replace(IIS10_SITES + exit("appcmd", 0),
        "ERROR ( hresult:80070005, message:Failed to read configuration file. Access is denied. )\r\n"
            + exit("appcmd", 5));
    assertThatThrownBy(() -> HostReadCommand.parse("web10:5986", out, false, NOW))
        .isInstanceOfSatisfying(ReadIncompleteException.class, e -> {
          assertThat(e.part()).isEqualTo("sites");
          assertThat(e.exitCode()).isEqualTo(5);
          assertThat(e.kind()).isEqualTo(WinRmException.Kind.READ_INCOMPLETE);
        });
  }

  @Test
  void appcmdErrorTextWithExitCodeZeroIsStillGarbageNamingTheSitesPart() {
    String out = iis10Output(false).replace(IIS10_SITES, "ERROR ( message:Unexpected. )\r\n");
    assertThatThrownBy(() -> HostReadCommand.parse("web10:5986", out, false, NOW))
        .isInstanceOfSatisfying(WinRmProtocolException.class, e -> assertThat(e.part()).isEqualTo("sites"));
  }

  @Test
  void certutilBlockedOnOneFileIsReportedAsBlockedNamingThatFile() {
    // AppLocker: cmd cannot start certutil (ERROR_ACCESS_DISABLED_BY_POLICY); the part has no base64
    String blocked = iis10Output(true).replace(
        marker("file") + file(ConfigFixtures.crlf(ConfigFixtures.V4_ROOT_WEB_CONFIG)),
        marker("file") + exit("certutil", 1260));
    assertThatThrownBy(() -> HostReadCommand.parse("web10:5986", blocked, true, NOW))
        .isInstanceOfSatisfying(ReadIncompleteException.class, e -> {
          assertThat(e.kind()).isEqualTo(WinRmException.Kind.CERTUTIL_BLOCKED);
          assertThat(e.part()).isEqualTo("file:v4.0/64/web.config");
          assertThat(e.getMessage()).contains("blocked", "AppLocker", "allow-list",
              "%windir%\\Microsoft.NET\\Framework64\\v4.0.30319\\CONFIG\\web.config");
        });
  }

  @Test
  void certutilDeniedAccessToOneFileIsAnIncompleteReadNotAnAbsentFile() {
    String denied = iis10Output(true).replace(
        marker("file") + file(ConfigFixtures.withBom(ConfigFixtures.crlf(
            ConfigFixtures.V4_MACHINE_CONFIG))),
        marker("file") + exit("certutil", 0x80070005));
    assertThatThrownBy(() -> HostReadCommand.parse("web10:5986", denied, true, NOW))
        .isInstanceOfSatisfying(ReadIncompleteException.class, e -> {
          assertThat(e.kind()).isEqualTo(WinRmException.Kind.READ_INCOMPLETE);
          assertThat(e.part()).isEqualTo("file:v4.0/64/machine.config");
          assertThat(e.exitCode()).isEqualTo(-2147024891);
          assertThat(e.getMessage()).contains("access denied");
        });
  }

  @Test
  void anEmptyFilePartIsNeverAnAbsentFile() {
    String cut = iis10Output(true).replaceFirst(Pattern.quote(status("absent")), "");
    assertThatThrownBy(() -> HostReadCommand.parse("web10:5986", cut, true, NOW))
        .isInstanceOfSatisfying(ReadIncompleteException.class,
            e -> assertThat(e.part()).isEqualTo("file:v2.0/32/machine.config"));
  }

  @Test
  void adsutilStoppingHalfWayIsAnIncompleteRead() {
    String metabase = iis6Metabase();
    String half = metabase.substring(0, metabase.indexOf("[/W3SVC/1734577]"))
        + "The path requested could not be found.\r\nErrNumber: -2147024893 (0x80070003)\r\n";
    String out = iis6Output().replace(iis6Metabase() + exit("cscript", 0), half + exit("cscript", -2147024893));
    assertThatThrownBy(() -> HostReadCommand.parse("web6:5986", out, false, NOW))
        .isInstanceOfSatisfying(ReadIncompleteException.class, e -> {
          assertThat(e.part()).isEqualTo("metabase");
          assertThat(e.getMessage()).contains("stopped with exit code -2147024893");
        });
  }

  @Test
  void windowsScriptHostDisabledIsAnIncompleteReadThatSaysSo() {
    String out = iis6Output().replace(iis6Metabase() + exit("cscript", 0), exit("cscript", 1));
    assertThatThrownBy(() -> HostReadCommand.parse("web6:5986", out, false, NOW))
        .isInstanceOfSatisfying(ReadIncompleteException.class, e -> {
          assertThat(e.part()).isEqualTo("metabase");
          assertThat(e.getMessage()).contains("Windows Script Host");
        });
    String silent = iis6Output().replace(iis6Metabase(), "");
    assertThatThrownBy(() -> HostReadCommand.parse("web6:5986", silent, false, NOW))
        .isInstanceOf(ReadIncompleteException.class).hasMessageContaining("no metabase key");
  }

  @Test
  void iis6WithoutItsAdminScriptsIsAnIncompleteReadNotAHostWithoutIis() {
    String out = iis6Output().replace("adsutil\r\nmetabase\r\n", "metabase\r\n")
        .replace(iis6Metabase() + exit("cscript", 0), "");
    assertThatThrownBy(() -> HostReadCommand.parse("web6:5986", out, false, NOW))
        .isInstanceOfSatisfying(ReadIncompleteException.class, e -> {
          assertThat(e.part()).isEqualTo("metabase");
          assertThat(e.getMessage()).contains("AdminScripts");
        });
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // ver lines from public transcripts (sources in docs/host-commands.md [30]); the word before the numbers
      // is localized. The last is what a Chinese Server 2003 prints into a code page 437 shell: characters 437
      // lacks come out as '?' (pywinrm issue 288, WinRb/WinRM issue 125)
      "Microsoft Windows [Version 10.0.20348.2159]|10|0|20348|Windows Server 2022",
      "Microsoft Windows [Versión 10.0.17763.1879]|10|0|17763|Windows Server 2019",
      "Microsoft Windows [Version 10.0.22631.4317]|10|0|22631|Windows Server 2022",
      "Microsoft Windows [版本 10.0.16299.309]|10|0|16299|Windows Server 2016",
      "Microsoft Windows [Версия 6.0.6003]|6|0|6003|Windows Server 2008",
      "Microsoft Windows [?? 5.2.3790]|5|2|3790|Windows Server 2003"})
  void verIsReadByItsNumbersInEveryLanguage(String line, int major, int minor, int build, String server) {
    WindowsVersion v = WindowsVersion.parse("\r\n" + line + "\r\n");
    assertThat(v.major()).isEqualTo(major);
    assertThat(v.minor()).isEqualTo(minor);
    assertThat(v.build()).isEqualTo(build);
    assertThat(v.serverName()).isEqualTo(server);
    assertThat(v.line()).isEqualTo(line);
  }

  @Test
  void aSpanishHostIsReadLikeAnEnglishOne() {
    String out = iis10Output(true).replace("[Version 10.0.17763.1]", "[Versi\u00f3n 10.0.17763.1]");
    HostObservation o = HostReadCommand.parse("web10:5986", out, true, NOW);
    assertThat(o.osName()).isEqualTo("Windows Server 2019");
    assertThat(o.iisVersion()).isEqualTo(new IisVersion(10, 0));
  }

  @Test
  void damagedFileNamesItsPartWithoutQuotingIt() {
    String full = iis10Output(true);
    // the first file part with content, after redirection.config's part
    int part = full.indexOf(marker(HostReadCommand.FILE));
    String out = full.substring(0, part) + full.substring(part).replaceFirst("-----END CERTIFICATE-----", "");
    assertThatThrownBy(() -> HostReadCommand.parse("web10:5986", out, true, NOW))
        .isInstanceOfSatisfying(WinRmProtocolException.class,
            e -> assertThat(e.part()).isEqualTo("file:v4.0/64/machine.config"))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("BEGIN"));
  }

  @Test
  void garbageVerNamesTheVerPart() {
    String out = iis10Output(false).replace("Microsoft Windows [Version 10.0.17763.1]", "'ver' is not recognized");
    assertThatThrownBy(() -> HostReadCommand.parse("web10:5986", out, false, NOW))
        .isInstanceOfSatisfying(WinRmProtocolException.class, e -> assertThat(e.part()).isEqualTo("ver"));
  }
}
