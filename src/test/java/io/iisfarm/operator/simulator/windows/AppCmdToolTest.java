package io.iisfarm.operator.simulator.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppCmdToolTest {
  private static final String APPCMD = "%windir%\\system32\\inetsrv\\appcmd.exe ";
  private final WindowsHost host = TestHosts.iis10();
  private final List<String> events = new ArrayList<>();

  {
    host.addSiteStateListener((h, site, started) -> events.add(h + ":" + site + ":" + (started ? "start" : "stop")));
  }

  private CommandResult appcmd(String args) {
    return host.run(APPCMD + args);
  }

  @Test
  void listSiteTextAndXml() {
    assertThat(appcmd("list site").stdout()).isEqualTo(
        "SITE \"Default Web Site\" (id:1,bindings:http/*:80:,state:Stopped)\r\n"
            + "SITE \"Shop\" (id:3,bindings:http/*:80:shop.example.com,state:Started)\r\n"
            + "SITE \"Api\" (id:2,bindings:http/*:80:api.example.com,state:Started)\r\n");
    assertThat(appcmd("list sites /xml").stdout()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<appcmd>\r\n"
        + "    <SITE SITE.NAME=\"Default Web Site\" SITE.ID=\"1\" bindings=\"http/*:80:\" state=\"Stopped\" />\r\n"
        + "    <SITE SITE.NAME=\"Shop\" SITE.ID=\"3\" bindings=\"http/*:80:shop.example.com\" state=\"Started\" />\r\n"
        + "    <SITE SITE.NAME=\"Api\" SITE.ID=\"2\" bindings=\"http/*:80:api.example.com\" state=\"Started\" />\r\n"
        + "</appcmd>\r\n");
  }

  @Test
  void listOneSiteByNameOrIdentifierCaseInsensitively() {
    assertThat(appcmd("list site /site.name:\"shop\"").stdout())
        .isEqualTo("SITE \"Shop\" (id:3,bindings:http/*:80:shop.example.com,state:Started)\r\n");
    assertThat(appcmd("list site \"Api\" /xml").stdout()).contains("SITE.NAME=\"Api\" SITE.ID=\"2\"");
    assertThat(appcmd("list site /state:Stopped").stdout()).startsWith("SITE \"Default Web Site\"");
  }

  @Test
  void missingSiteIsError1168() {
    CommandResult r = appcmd("list site /site.name:\"Nope\"");
    assertThat(r.exitCode()).isEqualTo(1168);
    assertThat(r.stdout()).isEqualTo("ERROR ( message:Cannot find SITE object with identifier \"Nope\". )\r\n");
    assertThat(appcmd("start site Nope").exitCode()).isEqualTo(1168);
    assertThat(appcmd("set site /site.name:Nope /id:9").exitCode()).isEqualTo(1168);
  }

  @Test
  void settingTheIdStopsTheSiteAndLeavesItStopped() {
    CommandResult r = appcmd("set site /site.name:\"Shop\" /id:7");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).isEqualTo("SITE object \"Shop\" changed\r\n");
    assertThat(r.changedHost()).isTrue();
    SiteView shop = host.site("Shop").orElseThrow();
    assertThat(shop.id()).isEqualTo(7);
    assertThat(shop.started()).isFalse();
    assertThat(events).containsExactly("web10:Shop:stop");
    CommandResult start = appcmd("start site /site.name:\"Shop\"");
    assertThat(start.stdout()).isEqualTo("\"Shop\" successfully started.\r\n");
    assertThat(events).containsExactly("web10:Shop:stop", "web10:Shop:start");
  }

  @Test
  void anIdHeldByAnotherSiteFailsAndChangesNothing() {
    CommandResult r = appcmd("set site \"Shop\" /id:2");
    assertThat(r.exitCode()).isEqualTo(183);
    assertThat(r.stdout()).startsWith("ERROR ( hresult:800700b7, message:Failed to commit configuration changes.\r\n")
        .contains("unique key attribute 'id' set to '2'").endsWith("\r\n )\r\n");
    assertThat(host.site("Shop").orElseThrow().id()).isEqualTo(3);
    assertThat(host.site("Shop").orElseThrow().started()).isTrue();
    assertThat(r.changedHost()).isFalse();
    assertThat(events).isEmpty();
  }

  @Test
  void swapThroughAFreeIdAndRestart() {
    String line = APPCMD + "set site /site.name:Shop /id:9999 && " + APPCMD + "set site /site.name:Api /id:3 && "
        + APPCMD + "set site /site.name:Shop /id:2 && " + APPCMD + "start site /site.name:Shop && " + APPCMD
        + "start site /site.name:Api";
    CommandResult r = host.run(line);
    assertThat(r.exitCode()).isZero();
    assertThat(host.site("Shop").orElseThrow()).extracting(SiteView::id, SiteView::state).containsExactly(2L, "Started");
    assertThat(host.site("Api").orElseThrow()).extracting(SiteView::id, SiteView::state).containsExactly(3L, "Started");
    assertThat(events).containsExactly("web10:Shop:stop", "web10:Api:stop", "web10:Shop:start", "web10:Api:start");
  }

  @Test
  void startAndStopErrors() {
    CommandResult again = appcmd("start site Shop");
    assertThat(again.exitCode()).isEqualTo(1056);
    assertThat(again.stdout()).isEqualTo("ERROR ( hresult:80070420, message:Command execution failed.\r\n"
        + "An instance of the service is already running.\r\n )\r\n");
    assertThat(appcmd("stop site \"Default Web Site\"").exitCode()).isEqualTo(1062);
    assertThat(appcmd("stop site Shop").stdout()).isEqualTo("\"Shop\" successfully stopped.\r\n");
    host.run(APPCMD + "set site \"Default Web Site\" /id:1");
    // Default Web Site binds *:80 with no host name, which no started site holds: it can start
    assertThat(appcmd("start site \"Default Web Site\"").exitCode()).isZero();
  }

  @Test
  void startingASiteWhoseBindingIsTakenFails() {
    WindowsHost h = WindowsHost.create(HostDefinition.fromYaml("""
        name: dup
        os: server2019
        sites:
          - {name: A, id: 1, bindings: ["http/*:80:"]}
          - {name: B, id: 2, state: Stopped, bindings: ["http/*:80:"]}
        """));
    CommandResult r = h.run(APPCMD + "start site B");
    assertThat(r.exitCode()).isEqualTo(32);
    assertThat(r.stdout()).isEqualTo("ERROR ( hresult:80070020, message:Command execution failed.\r\n"
        + "The process cannot access the file because it is being used by another process.\r\n )\r\n");
  }

  @Test
  void badArgumentsAreError87() {
    CommandResult unknown = appcmd("set site Shop /colour:blue");
    assertThat(unknown.exitCode()).isEqualTo(87);
    assertThat(unknown.stdout()).isEqualTo("ERROR ( message:Unknown attribute \"colour\".  Replace with -? for help. )\r\n");
    assertThat(appcmd("set site Shop /id:abc").exitCode()).isEqualTo(87);
    assertThat(appcmd("set site /id:4").exitCode()).isEqualTo(87);
    assertThat(appcmd("set site Shop /serverAutoStart:false").stderr()).startsWith("simulator: not emulated:");
    assertThat(appcmd("list apppool").stderr()).startsWith("simulator: not emulated:");
  }

  @Test
  void listVdirAndAppXml() {
    assertThat(appcmd("list vdir /xml").stdout()).contains(
        "    <VDIR VDIR.NAME=\"Shop/\" APP.NAME=\"Shop/\" path=\"/\" physicalPath=\"C:\\inetpub\\Shop\" />\r\n",
        "    <VDIR VDIR.NAME=\"Shop/checkout/\" APP.NAME=\"Shop/checkout\" path=\"/\" physicalPath=\"C:\\inetpub\\Shop\\checkout\" />\r\n",
        "    <VDIR VDIR.NAME=\"Default Web Site/\" APP.NAME=\"Default Web Site/\" path=\"/\" physicalPath=\"%SystemDrive%\\inetpub\\wwwroot\" />\r\n");
    assertThat(appcmd("list app /xml").stdout()).contains(
        "    <APP APP.NAME=\"Api/\" APPPOOL.NAME=\"Api\" SITE.NAME=\"Api\" path=\"/\" />\r\n");
    assertThat(appcmd("list app /site.name:Shop").stdout()).isEqualTo(
        "APP \"Shop/\" (applicationPool:DefaultAppPool)\r\nAPP \"Shop/checkout\" (applicationPool:DefaultAppPool)\r\n");
    assertThat(appcmd("list vdir \"Api/\"").stdout()).isEqualTo("VDIR \"Api/\" (physicalPath:C:\\inetpub\\Api)\r\n");
  }

  @Test
  void backupListRestoreDelete() {
    assertThat(appcmd("add backup \"before\"").stdout()).isEqualTo("BACKUP object \"before\" added\r\n");
    assertThat(host.listDirectory("%windir%\\system32\\inetsrv\\backup\\before")).contains("applicationHost.config");
    assertThat(appcmd("add backup before").exitCode()).isEqualTo(183);
    host.run(APPCMD + "set site Shop /id:7 & " + APPCMD + "stop site Api");
    events.clear();
    assertThat(appcmd("list backup").stdout()).isEqualTo("BACKUP \"before\"\r\n");
    assertThat(appcmd("list backups /xml").stdout()).contains("    <BACKUP BACKUP.NAME=\"before\" />\r\n");
    CommandResult restore = appcmd("restore backup \"before\"");
    assertThat(restore.stdout()).isEqualTo("Restored configuration from backup \"before\"\r\n");
    assertThat(host.site("Shop").orElseThrow()).extracting(SiteView::id, SiteView::state).containsExactly(3L, "Started");
    assertThat(host.site("Api").orElseThrow().started()).isTrue();
    assertThat(events).containsExactly("web10:Shop:start", "web10:Api:start");
    assertThat(appcmd("restore backup nope").exitCode()).isEqualTo(1168);
    assertThat(appcmd("delete backup before").stdout()).isEqualTo("BACKUP object \"before\" deleted\r\n");
    assertThat(host.backups()).isEmpty();
    assertThat(host.exists("%windir%\\system32\\inetsrv\\backup\\before")).isFalse();
  }

  @Test
  void appcmdDoesNotExistOnIis6() {
    CommandResult r = TestHosts.iis6().run(APPCMD + "list site");
    assertThat(r.exitCode()).isEqualTo(9009);
    assertThat(r.stderr()).startsWith("'C:\\WINDOWS\\system32\\inetsrv\\appcmd.exe' is not recognized");
  }
}
