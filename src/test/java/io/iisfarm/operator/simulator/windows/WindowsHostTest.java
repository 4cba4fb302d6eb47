package io.iisfarm.operator.simulator.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WindowsHostTest {
  private static final String APPCMD = "%windir%\\system32\\inetsrv\\appcmd.exe ";
  private static final String KEY = "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF"
      + "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF";

  @Test
  void readsAndTempFilesLeaveTheHostUnchanged() {
    WindowsHost host = TestHosts.iis10();
    assertThat(host.run(APPCMD + "list site /xml & " + APPCMD + "list vdir /xml").changedHost()).isFalse();
    assertThat(host.run("echo x> %TEMP%\\a.txt & type %TEMP%\\a.txt & del %TEMP%\\a.txt").changedHost()).isFalse();
    assertThat(host.run("echo x> %TEMP%\\left-behind.txt").changedHost()).as("a temp file left behind").isFalse();
    assertThat(host.run(APPCMD + "set site Shop /id:2").changedHost()).as("a failed change").isFalse();
    assertThat(host.run("type nosuch.txt").changedHost()).isFalse();
  }

  @Test
  void writesOutsideTempAndIisChangesCount() {
    WindowsHost host = TestHosts.iis10();
    assertThat(host.run("copy /Y %windir%\\Microsoft.NET\\Framework\\v4.0.30319\\CONFIG\\machine.config "
        + "%windir%\\Microsoft.NET\\Framework\\v4.0.30319\\CONFIG\\machine.config.bak").changedHost()).isTrue();
    assertThat(host.run("mkdir C:\\newdir").changedHost()).isTrue();
    assertThat(host.run(APPCMD + "stop site Shop").changedHost()).isTrue();
    assertThat(host.run(APPCMD + "add backup b1").changedHost()).isTrue();
  }

  @Test
  void listenersHearEveryStartAndStopWithTheHostName() {
    WindowsHost host = TestHosts.iis10();
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    SiteStateListener listener = (h, site, started) -> events.add(h + "/" + site + "/" + started);
    host.addSiteStateListener(listener);
    host.run(APPCMD + "stop site Api & " + APPCMD + "start site Api");
    host.applyDrift(DriftAction.fromYaml("{kind: siteState, site: Shop, state: Stopped}"));
    assertThat(events).containsExactly("web10/Api/false", "web10/Api/true", "web10/Shop/false");
    host.removeSiteStateListener(listener);
    host.run(APPCMD + "start site Shop");
    assertThat(events).hasSize(3);
  }

  @Test
  void siteIdDriftOnIis7StopsTheSite() {
    WindowsHost host = TestHosts.iis10();
    List<String> events = new ArrayList<>();
    host.addSiteStateListener((h, site, started) -> events.add(site + ":" + started));
    host.applyDrift(DriftAction.fromYaml("{kind: siteId, site: shop, id: 7}"));
    assertThat(host.site("Shop").orElseThrow()).extracting(SiteView::id, SiteView::state).containsExactly(7L, "Stopped");
    assertThat(events).containsExactly("Shop:false");
    assertThatThrownBy(() -> host.applyDrift(DriftAction.fromYaml("{kind: siteId, site: Api, id: 7}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already used");
  }

  @Test
  void siteIdDriftOnIis6MovesTheKeyWithItsStaleAppRoot() {
    WindowsHost host = TestHosts.iis6();
    host.applyDrift(DriftAction.fromYaml("{kind: siteId, site: Api, id: 9}"));
    SiteView api = host.site("Api").orElseThrow();
    assertThat(api.id()).isEqualTo(9);
    assertThat(api.appRoot()).isEqualTo("/LM/W3SVC/2/ROOT");
    assertThat(api.started()).isFalse();
  }

  @Test
  void appRootDriftSetsTheStoredValue() {
    WindowsHost host = TestHosts.iis6();
    host.applyDrift(DriftAction.fromYaml("{kind: appRoot, site: Api, appRoot: /LM/W3SVC/2/Root}"));
    host.applyDrift(DriftAction.fromYaml("{kind: appRoot, site: Shop, application: /checkout, appRoot: /lm/w3svc/1/root/x}"));
    assertThat(host.site("Api").orElseThrow().appRoot()).isEqualTo("/LM/W3SVC/2/Root");
    assertThat(host.site("Shop").orElseThrow().applications().get(0).appRoot()).isEqualTo("/lm/w3svc/1/root/x");
    assertThatThrownBy(() -> TestHosts.iis10().applyDrift(DriftAction.fromYaml("{kind: appRoot, site: Api, appRoot: /x}")))
        .hasMessageContaining("needs an IIS6 host");
  }

  @Test
  void machineKeyDriftEditsOnlyTheElementAndKeepsBomAndLineEnds() {
    WindowsHost host = TestHosts.iis10();
    String path = host.configPath("v4.0", 32, false);
    byte[] before = host.readFile(path).orElseThrow();
    host.applyDrift(DriftAction.fromYaml("{kind: machineKey, runtime: v4.0, bitness: 32, validationKey: " + KEY
        + ", validation: HMACSHA256}"));
    String after = new String(host.readFile(path).orElseThrow(), StandardCharsets.UTF_8);
    String original = new String(before, StandardCharsets.UTF_8);
    assertThat(after).contains("<machineKey validationKey=\"" + KEY
        + "\" decryptionKey=\"AutoGenerate,IsolateApps\" validation=\"HMACSHA256\" />");
    assertThat(after.replaceAll("<machineKey[^>]*/>", "X")).isEqualTo(original.replaceAll("<machineKey[^>]*/>", "X"));

    String bomPath = host.configPath("v4.0", 64, false);
    host.applyDrift(DriftAction.fromYaml("{kind: machineKey, runtime: v4.0, bitness: 64, decryptionKey: ABCD}"));
    byte[] edited = host.readFile(bomPath).orElseThrow();
    assertThat(edited).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    String text = new String(edited, StandardCharsets.UTF_8);
    assertThat(text).contains("        <machineKey decryptionKey=\"ABCD\" />\r\n    </system.web>");
    assertThat(text.replace("\r\n", "")).doesNotContain("\n");
  }

  @Test
  void machineKeyDriftCanTargetTheRootWebConfig() {
    WindowsHost host = TestHosts.iis10();
    host.applyDrift(DriftAction.fromYaml("{kind: machineKey, runtime: v4.0, bitness: 64, file: rootWebConfig, validationKey: "
        + KEY + "}"));
    assertThat(new String(host.readFile(host.configPath("v4.0", 64, true)).orElseThrow(), StandardCharsets.UTF_8))
        .contains("<machineKey validationKey=\"" + KEY + "\" />");
    assertThatThrownBy(() -> host.applyDrift(DriftAction.fromYaml("{kind: machineKey, runtime: v2.0, bitness: 64, validation: SHA1}")))
        .hasMessageContaining("has no v2.0/64 machineConfig");
  }

  @Test
  void driftActionsParseStrictlyAndHideKeys() {
    assertThatThrownBy(() -> DriftAction.fromYaml("{kind: siteId, site: Shop, id: 2, colour: red}"))
        .hasMessageContaining("unknown key 'colour'");
    assertThatThrownBy(() -> TestHosts.iis10().applyDrift(DriftAction.fromYaml("{kind: teleport}")))
        .hasMessageContaining("drift kind must be");
    DriftAction a = DriftAction.fromYaml("{kind: machineKey, runtime: v4.0, bitness: 64, validationKey: " + KEY + "}");
    assertThat(a.toString()).doesNotContain(KEY);
  }

  @Test
  void inspectionExpandsVariablesAndListsDirectories() {
    WindowsHost host = TestHosts.iis10();
    assertThat(host.listDirectory("%windir%\\Microsoft.NET\\Framework64\\v4.0.30319\\CONFIG"))
        .containsExactly("machine.config", "machine.config.default", "web.config", "web.config.default");
    assertThat(host.readFile("c:\\INETPUB\\shop\\WEB.CONFIG")).isPresent();
    assertThat(host.readFile("C:\\inetpub\\Shop\\checkout\\web.config")).isPresent();
    assertThat(host.readFile("C:\\nothing")).isEmpty();
    assertThat(host.sites()).extracting(SiteView::name).containsExactly("Default Web Site", "Shop", "Api");
    assertThat(host.site("Shop").orElseThrow().applications()).singleElement()
        .satisfies(a -> assertThat(a.path()).isEqualTo("/checkout"));
  }

  @Test
  void aWholeHostReadIsOneLineWithMarkers() {
    WindowsHost host = TestHosts.iis10();
    String cfg = "%windir%\\Microsoft.NET\\Framework64\\v4.0.30319\\CONFIG\\machine.config";
    String missing = "%windir%\\Microsoft.NET\\Framework64\\v2.0.50727\\CONFIG\\machine.config";
    String line = "ver & echo ===SITES=== & " + APPCMD + "list site /xml & echo ===VDIRS=== & " + APPCMD + "list vdir /xml"
        + " & echo ===CFG1=== & (if exist \"" + cfg + "\" (certutil -encode \"" + cfg + "\" \"%TEMP%\\c1.b64\" >nul"
        + " & type \"%TEMP%\\c1.b64\" & del \"%TEMP%\\c1.b64\") else (echo MISSING))"
        + " & echo ===CFG2=== & (if exist \"" + missing + "\" (echo present) else (echo MISSING)) & echo ===END===";
    CommandResult r = host.run(line);
    assertThat(r.exitCode()).isZero();
    assertThat(r.changedHost()).isFalse();
    assertThat(r.stderr()).isEmpty();
    String out = r.stdout();
    assertThat(out).contains("===SITES=== \r\n<?xml", "<SITE SITE.NAME=\"Shop\"", "===VDIRS=== \r\n",
        "===CFG1=== \r\n-----BEGIN CERTIFICATE-----\r\n", "-----END CERTIFICATE-----\r\n===CFG2=== \r\nMISSING\r\n",
        "===END===\r\n");
    assertThat(host.listDirectory("%TEMP%")).isEmpty();
  }

  @Test
  void concurrentRunsOnOneHostDoNotInterleave() throws Exception {
    WindowsHost host = TestHosts.iis10();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int id = t;
        results.add(pool.submit(() -> {
          for (int i = 0; i < 40; i++) {
            String file = "%TEMP%\\t" + id + ".txt";
            CommandResult r = host.run("echo " + id + "-" + i + "> " + file + " & type " + file + " & del " + file);
            if (!r.stdout().equals(id + "-" + i + " \r\n") || r.exitCode() != 0) {
              return false;
            }
            CommandResult toggle = host.run(APPCMD + "stop site Api & " + APPCMD + "start site Api");
            if (toggle.exitCode() != 0) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> f : results) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(host.site("Api").orElseThrow().started()).isTrue();
    assertThat(host.listDirectory("%TEMP%")).isEmpty();
  }
}
