package io.iisfarm.operator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulated Windows hosts behind their WinRM listeners, driven by clients nobody here wrote:
 * pywinrm and winrm4j run the operator's kind of commands and see Windows' outputs and exit codes.
 */
class WindowsFarmIT {
  private static final String APPCMD = "%windir%\\system32\\inetsrv\\appcmd.exe";
  private static final String ADSUTIL =
      "cscript //nologo %SystemDrive%\\Inetpub\\AdminScripts\\adsutil.vbs";
  private static final String CERTUTIL_ROUND_TRIP = "echo round trip> %TEMP%\\rt.txt"
      + " & certutil -f -encode %TEMP%\\rt.txt %TEMP%\\rt.b64 >nul"
      + " & certutil -f -decode %TEMP%\\rt.b64 %TEMP%\\rt.out"
      + " & type %TEMP%\\rt.out & del %TEMP%\\rt.txt %TEMP%\\rt.b64 %TEMP%\\rt.out";

  private static SimulatedFarm farm;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    farm = SimulatedFarm.fromYaml(new String(Objects.requireNonNull(WindowsFarmIT.class
        .getResourceAsStream("/simulator/windows-farm.yaml")).readAllBytes(),
        StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stop() {
    farm.close();
  }

  @Test
  void pywinrmRunsTheOperatorsCommandsOnIis10() throws Exception {
    Pywinrm.requireInstalled();
    SimulatedHost host = farm.host("iis10");
    Path ca = farm.writeCaPem(dir.resolve("ca.pem"));

    Pywinrm.Run run = Pywinrm.run(host.endpoint().toString(), host.username(), host.password(), ca,
        437, "basic", List.of("ver", APPCMD + " list site /xml", CERTUTIL_ROUND_TRIP,
            "frobnicate.exe /now"));

    Pywinrm.Result ver = run.results().get(0);
    assertThat(ver.exitCode()).isZero();
    assertThat(ver.stdout()).isEqualTo("\r\nMicrosoft Windows [Version 10.0.17763.1]\r\n");
    Pywinrm.Result sites = run.results().get(1);
    assertThat(sites.exitCode()).isZero();
    assertThat(sites.stdout()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<appcmd>\r\n")
        .contains("SITE.NAME=\"Shop\" SITE.ID=\"2\"").endsWith("</appcmd>\r\n");
    Pywinrm.Result roundTrip = run.results().get(2);
    assertThat(roundTrip.exitCode()).isZero();
    assertThat(roundTrip.stdout()).contains("CertUtil: -decode command completed successfully.\r\n")
        // cmd keeps the blank before "&" in echo's text, as Windows does
        .endsWith("round trip \r\n");
    Pywinrm.Result unknown = run.results().get(3);
    assertThat(unknown.exitCode()).isEqualTo(9009);
    assertThat(unknown.stderr()).isEqualTo("'frobnicate.exe' is not recognized as an internal or "
        + "external command,\r\noperable program or batch file.\r\n");
    assertThat(host.journal().changes()).isEmpty();
  }

  @Test
  void pywinrmRunsAdsutilOnIis6() throws Exception {
    Pywinrm.requireInstalled();
    SimulatedHost host = farm.host("iis6");

    Pywinrm.Run run = Pywinrm.run(host.endpoint().toString(), host.username(), host.password(),
        null, 437, "basic", List.of("ver", ADSUTIL + " ENUM /P W3SVC",
            ADSUTIL + " GET W3SVC/2/ServerComment"));

    assertThat(run.results().get(0).stdout()).contains("Microsoft Windows [Version 5.2.3790]");
    assertThat(run.results().get(1).exitCode()).isZero();
    assertThat(run.results().get(1).stdout()).contains("[/W3SVC/1]\r\n", "[/W3SVC/2]\r\n",
        "[/W3SVC/AppPools]\r\n");
    assertThat(run.results().get(2).stdout())
        .isEqualTo("ServerComment                   : (STRING) \"Shop\"\r\n");
  }

  @Test
  void winrm4jRunsTheSameCommandsInOneShellOverHttps() throws Exception {
    SimulatedHost host = farm.host("iis10");
    long shellsBefore = host.counters().shellsCreated();
    try (Winrm4j client = Winrm4j.connect(host.endpoint(), host.username(), host.password(),
        farm.caPem(), Duration.ofSeconds(20))) {
      assertThat(client.run("ver").stdout())
          .isEqualTo("\r\nMicrosoft Windows [Version 10.0.17763.1]\r\n");
      assertThat(client.run(APPCMD + " list site /xml").stdout())
          .contains("SITE.NAME=\"Default Web Site\" SITE.ID=\"1\"");
      Winrm4j.Output roundTrip = client.run(CERTUTIL_ROUND_TRIP);
      assertThat(roundTrip.exitCode()).isZero();
      assertThat(roundTrip.stdout()).endsWith("round trip \r\n");
      Winrm4j.Output unknown = client.run("frobnicate.exe");
      assertThat(unknown.exitCode()).isEqualTo(9009);
      assertThat(unknown.stderr()).startsWith("'frobnicate.exe' is not recognized");
    }
    assertThat(host.counters().shellsCreated() - shellsBefore).isEqualTo(1);
  }

  @Test
  void winrm4jRunsAdsutilOnTheServer2003HostOverTls10() throws Exception {
    SimulatedHost host = farm.host("iis6tls");
    assertThat(host.legacyTls()).isTrue();
    try (Winrm4j client = Winrm4j.connectLegacyTls(host.endpoint(), host.username(),
        host.password(), farm.caPem(), Duration.ofSeconds(20))) {
      assertThat(client.run("ver").stdout()).contains("[Version 5.2.3790]");
      assertThat(client.run(ADSUTIL + " ENUM /P W3SVC").stdout()).contains("[/W3SVC/1]\r\n");
    }
  }

  @Test
  void driftStopsASiteBehindTheClientsBackAndCountsAsDisruption() throws Exception {
    SimulatedHost host = farm.host("iis10");
    host.resetInspection();
    try (Winrm4j client = Winrm4j.connectNtlm(host.endpoint(), host.username(), host.password(),
        farm.caPem(), Duration.ofSeconds(20))) {
      while (host.driftsApplied() == 0) {
        client.run("ver");
      }
      String sites = client.run(APPCMD + " list site /xml").stdout();
      assertThat(sites).contains("SITE.NAME=\"Shop\" SITE.ID=\"2\"").contains("state=\"Stopped\"");
    }
    assertThat(host.windows().site("Shop").orElseThrow().started()).isFalse();
    assertThat(farm.maxDisruptedHosts()).isEqualTo(1);
    assertThat(host.journal().changes()).isEmpty();
  }
}
