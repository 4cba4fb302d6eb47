package io.iisfarm.operator.simulator.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdsUtilToolTest {
  private static final String ADSUTIL = "cscript //nologo %SystemDrive%\\Inetpub\\AdminScripts\\adsutil.vbs ";
  private final WindowsHost host = TestHosts.iis6();
  private final List<String> events = new ArrayList<>();

  {
    host.addSiteStateListener((h, site, started) -> events.add(site + ":" + (started ? "start" : "stop")));
  }

  private CommandResult adsutil(String args) {
    return host.run(ADSUTIL + args);
  }

  @Test
  void enumPathsListsEveryChildOfW3svc() {
    CommandResult r = adsutil("ENUM /P W3SVC");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).isEqualTo("[/W3SVC/1]\r\n[/W3SVC/AppPools]\r\n[/W3SVC/Filters]\r\n[/W3SVC/Info]\r\n"
        + "[/W3SVC/1739249713]\r\n[/W3SVC/2]\r\n\r\n");
    assertThat(adsutil("enum /p w3svc").stdout()).as("child paths repeat the case typed").startsWith("[/w3svc/1]\r\n");
  }

  @Test
  void enumAllPrintsEveryKeyWithPaddedTypedProperties() {
    String out = adsutil("ENUM_ALL W3SVC").stdout();
    assertThat(out).contains(
        "[/W3SVC/1739249713]\r\n"
            + "KeyType                         : (STRING) \"IIsWebServer\"\r\n"
            + "ServerState                     : (INTEGER) 2\r\n"
            + "ServerComment                   : (STRING) \"Shop\"\r\n"
            + "ServerAutoStart                 : (BOOLEAN) True\r\n"
            + "ServerSize                      : (INTEGER) 1\r\n"
            + "ServerBindings                  : (LIST) (1 Items)\r\n"
            + "  \":80:shop.example.com\"\r\n"
            + "\r\n",
        "[/W3SVC/1739249713/ROOT]\r\n"
            + "KeyType                         : (STRING) \"IIsWebVirtualDir\"\r\n"
            + "Path                            : (STRING) \"D:\\Sites\\Shop\"\r\n"
            + "AccessFlags                     : (INTEGER) 513\r\n"
            + "AppRoot                         : (STRING) \"/LM/W3SVC/1739249713/Root\"\r\n",
        "[/W3SVC/1739249713/ROOT/checkout]\r\n",
        "AppRoot                         : (STRING) \"/LM/W3SVC/1739249713/Root/checkout\"\r\n",
        "[/W3SVC/AppPools/DefaultAppPool]\r\n",
        "[/W3SVC/Info]\r\n");
    assertThat(out).startsWith("KeyType                         : (STRING) \"IIsWebService\"\r\n");
  }

  @Test
  void getFormatsByType() {
    assertThat(adsutil("GET W3SVC/2/ServerComment").stdout())
        .isEqualTo("ServerComment                   : (STRING) \"Api\"\r\n");
    assertThat(adsutil("GET W3SVC/2/ServerState").stdout()).isEqualTo("ServerState                     : (INTEGER) 2\r\n");
    assertThat(adsutil("GET W3SVC/2/ServerAutoStart").stdout())
        .isEqualTo("ServerAutoStart                 : (BOOLEAN) True\r\n");
    assertThat(adsutil("GET W3SVC/2/ServerBindings").stdout())
        .isEqualTo("ServerBindings                  : (LIST)  (1 Items)\r\n  \":80:api.example.com\"\r\n");
  }

  @Test
  void getErrorsFollowTheScript() {
    CommandResult missing = adsutil("GET W3SVC/999/ServerComment");
    assertThat(missing.exitCode()).isEqualTo(0x80070003);
    assertThat(missing.stdout()).isEqualTo("The path requested could not be found.\r\nErrNumber: -2147024893 (0x80070003)\r\n"
        + "Error Trying To GET the Object (GetObject Failed): W3SVC/999\r\n");
    CommandResult notSet = adsutil("GET W3SVC/2/Path");
    assertThat(notSet.stdout()).isEqualTo("The parameter \"Path\" is not set at this node.\r\n");
    assertThat(notSet.exitCode()).isEqualTo(0x80005006);
    assertThat(adsutil("GET W3SVC/2").exitCode()).isNotZero();
    CommandResult args = adsutil("GET");
    assertThat(args.stdout()).isEqualTo("Error: Wrong number of Args for the GET command\r\n");
    assertThat(args.exitCode()).isEqualTo(2);
    assertThat(adsutil("FROB W3SVC").stdout()).isEqualTo("Command not recognized: FROB\r\n"
        + "For help, just type \"Cscript.exe adsutil.vbs\".\r\n");
  }

  @Test
  void setWritesAndEchoesTheValue() {
    CommandResult r = adsutil("SET W3SVC/2/ROOT/AppRoot \"/LM/W3SVC/2/ROOT\"");
    assertThat(r.stdout()).isEqualTo("AppRoot                         : (STRING) \"/LM/W3SVC/2/ROOT\"\r\n");
    assertThat(r.changedHost()).isTrue();
    assertThat(adsutil("SET W3SVC/2/ServerBindings \":8080:api\" \":80:api.example.com\"").stdout())
        .isEqualTo("ServerBindings                  : (LIST) \":8080:api\" \":80:api.example.com\" \r\n");
    assertThat(host.site("Api").orElseThrow().bindings()).containsExactly("http/*:8080:api", "http/*:80:api.example.com");
    assertThat(adsutil("SET W3SVC/2/NoSuchProperty 1").exitCode()).isEqualTo(0x80005000);
  }

  @Test
  void stopAndStartServer() {
    CommandResult stop = adsutil("STOP_SERVER W3SVC/2");
    assertThat(stop.stdout()).isEqualTo("Server W3SVC/2 Successfully STOPPED\r\n");
    assertThat(adsutil("GET W3SVC/2/ServerState").stdout()).endsWith("(INTEGER) 4\r\n");
    assertThat(adsutil("START_SERVER W3SVC/2").stdout()).isEqualTo("Server W3SVC/2 Successfully STARTED\r\n");
    assertThat(events).containsExactly("Api:stop", "Api:start");
    CommandResult notASite = adsutil("STOP_SERVER W3SVC/AppPools");
    assertThat(notASite.stdout()).isEqualTo("Object doesn't support this property or method\r\nErrNumber: 438 (0x1B6)\r\n"
        + "Error trying to STOP the server: W3SVC/AppPools\r\n");
    assertThat(adsutil("START_SERVER W3SVC/77").exitCode()).isEqualTo(0x80070003);
  }

  @Test
  void moveIsCopyThenDeleteAndLeavesAppRootsStale() {
    adsutil("STOP_SERVER W3SVC/2");
    CommandResult moveApi = adsutil("MOVE W3SVC/2 W3SVC/3");
    assertThat(moveApi.stdout()).isEqualTo("moved from /W3SVC/2 to /W3SVC/3\r\n");
    CommandResult moveShop = adsutil("MOVE W3SVC/1739249713 W3SVC/2");
    assertThat(moveShop.exitCode()).isZero();
    SiteView shop = host.site("Shop").orElseThrow();
    assertThat(shop.id()).isEqualTo(2);
    assertThat(shop.appRoot()).as("the copy keeps the old AppRoot").isEqualTo("/LM/W3SVC/1739249713/Root");
    assertThat(shop.applications()).extracting(SiteView.ApplicationView::appRoot)
        .containsExactly("/LM/W3SVC/1739249713/Root/checkout");
    assertThat(shop.started()).as("a running site moved is left stopped").isFalse();
    assertThat(events).containsExactly("Api:stop", "Shop:stop");
    assertThat(adsutil("ENUM /P W3SVC").stdout()).doesNotContain("1739249713");

    CommandResult reset = adsutil("APPCREATEPOOLPROC W3SVC/2/ROOT");
    assertThat(reset.stdout()).isEqualTo("Application Created.\r\n");
    adsutil("SET W3SVC/2/ROOT/checkout/AppRoot /LM/W3SVC/2/ROOT/checkout");
    SiteView fixed = host.site("Shop").orElseThrow();
    assertThat(fixed.appRoot()).isEqualTo("/LM/W3SVC/2/ROOT");
    assertThat(fixed.applications().get(0).appRoot()).isEqualTo("/LM/W3SVC/2/ROOT/checkout");
    assertThat(adsutil("START_SERVER W3SVC/2").exitCode()).isZero();
  }

  @Test
  void moveFailsWhenTheTargetExistsOrTheSourceIsMissing() {
    CommandResult exists = adsutil("MOVE W3SVC/1739249713 W3SVC/2");
    assertThat(exists.exitCode()).isEqualTo(0x800700B7);
    assertThat(exists.stdout()).isEqualTo("Cannot create a file when that file already exists.\r\n"
        + "ErrNumber: -2147024713 (0x800700B7)\r\nError trying to Copy/Move Source to Dest.\r\n");
    assertThat(host.site("Shop").orElseThrow().id()).isEqualTo(1739249713L);
    assertThat(exists.changedHost()).isFalse();
    CommandResult missing = adsutil("MOVE W3SVC/555 W3SVC/556");
    assertThat(missing.exitCode()).isEqualTo(0x80070003);
  }

  @Test
  void startingASiteWhoseBindingIsHeldFails() {
    adsutil("SET W3SVC/1/ServerBindings \":80:api.example.com\"");
    CommandResult r = adsutil("START_SERVER W3SVC/1");
    assertThat(r.exitCode()).isEqualTo(0x800700B7);
    assertThat(r.stdout()).endsWith("Error trying to START the server: W3SVC/1\r\n");
  }

  @Test
  void onIis7TheScriptIsMissing() {
    CommandResult r = TestHosts.iis10().run(ADSUTIL + "ENUM /P W3SVC");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("Input Error: Can not find script file \"C:\\Inetpub\\AdminScripts\\adsutil.vbs\".\r\n");
  }

  @Test
  void cscriptPrintsItsBannerWithoutNologo() {
    CommandResult r = host.run("cscript %SystemDrive%\\Inetpub\\AdminScripts\\adsutil.vbs GET W3SVC/2/ServerComment");
    assertThat(r.stdout()).startsWith("Microsoft (R) Windows Script Host Version 5.6\r\n"
        + "Copyright (C) Microsoft Corporation 1996-2001. All rights reserved.\r\n\r\nServerComment");
  }
}
