package io.iisfarm.operator.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.IisVersion;
import io.iisfarm.operator.model.ObservedSite;
import io.iisfarm.operator.model.SiteWebConfig;
import io.iisfarm.operator.winrm.WinRmSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hosts that are not English: their {@code ver} names the version in their own language, and site names and
 * folders hold characters outside ASCII. Read and changed over real WinRM, as the operator does it.
 */
class LocalizedHostsIT {
  @RegisterExtension
  static final SecretScan SECRETS = new SecretScan();

  private static final String FARM = """
      hosts:
        - name: es10
          os: server2019
          options: {language: es-ES}
          winrm: {auth: [basic]}
          frameworks:
            - runtime: v4.0
              bitness: 64
              machineConfig: {machineKey: {validationKey: 5C1E2A3B4D5F60718293A4B5C6D7E8F90123456789ABCDEF0123456789ABCDEF,
                  decryptionKey: 00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF,
                  validation: SHA1, decryption: AES}}
          sites:
            - {name: "Café", id: 7, bindings: ["http/*:80:cafe.example.com"], physicalPath: 'D:\\Webs\\Übersicht',
               webConfig: {sessionState: {mode: StateServer}}}
            - {name: Api, id: 3, bindings: ["http/*:80:api.example.com"], physicalPath: 'D:\\Webs\\Api'}
        - name: zh6
          os: server2003
          options: {language: zh-CN}
          winrm: {auth: [basic]}
          frameworks: [{runtime: v2.0, bitness: 32}]
          sites:
            - {name: "Café", id: 9, bindings: ["http/*:80:cafe.example.com"], physicalPath: 'D:\\Webs\\Übersicht'}
        - name: ru10
          os: server2019
          options: {language: ru-RU}
          winrm: {auth: [basic]}
          frameworks: [{runtime: v4.0, bitness: 64}]
          sites:
            - {name: "Кафе", id: 4, bindings: ["http/*:80:cafe.example.ru"], physicalPath: 'D:\\Сайты\\Кафе'}
      """;

  private static WindowsVariantsFarm farm;

  @BeforeAll
  static void start() {
    farm = new WindowsVariantsFarm(FARM, SECRETS);
  }

  @AfterAll
  static void stop() {
    farm.close();
  }

  @Test
  void aSpanishIis10HostIsReadAndItsSiteCafeChangedEndToEnd() {
    try (WinRmSession session = farm.open("es10")) {
      HostObservation o = new HostReader().read(session, new ReadOptions(false, true));
      assertThat(o.osVersion()).isEqualTo("Microsoft Windows [Versión 10.0.17763.1]");
      assertThat(o.osName()).isEqualTo("Windows Server 2019");
      assertThat(o.iisVersion()).isEqualTo(new IisVersion(10, 0));
      assertThat(o.sitesNamed("café")).singleElement().satisfies(s -> {
        assertThat(s.id()).isEqualTo(7);
        assertThat(s.physicalPath()).isEqualTo("D:\\Webs\\Übersicht");
      });
      // the folder with ü is read, not skipped
      assertThat(o.siteConfigs()).filteredOn(c -> c.site().equals("Café")).singleElement().satisfies(c -> {
        assertThat(c.path()).isEqualTo("D:\\Webs\\Übersicht\\web.config");
        assertThat(c.isUnreadable()).isFalse();
        assertThat(c.sessionState().mode()).isEqualTo("StateServer");
      });

      HostDriver driver = HostDrivers.open(session, o, false);
      SiteIdChange change = driver.changeSiteId("Café", 7, 2);
      assertThat(change.after().id()).isEqualTo(2);
      assertThat(change.after().isStarted()).isTrue();
    }
    assertThat(farm.host("es10").windows().site("Café").orElseThrow().id()).isEqualTo(2);
  }

  @Test
  void aChineseIis6HostIsReadThoughItsVersionWordComesBackAsQuestionMarks() {
    try (WinRmSession session = farm.open("zh6")) {
      HostObservation o = new HostReader().read(session, ReadOptions.DEFAULT);
      assertThat(o.osVersion()).isEqualTo("Microsoft Windows [?? 5.2.3790]");
      assertThat(o.iisVersion()).isEqualTo(new IisVersion(6, 0));
      ObservedSite cafe = o.sitesNamed("Café").get(0);
      assertThat(cafe.physicalPath()).isEqualTo("D:\\Webs\\Übersicht");
      SiteIdChange change = HostDrivers.open(session, o, false).changeSiteId("Café", 9, 2);
      assertThat(change.after().appRoot()).isEqualTo("/LM/W3SVC/2/ROOT");
    }
    assertThat(farm.host("zh6").windows().site("Café").orElseThrow().id()).isEqualTo(2);
  }

  @Test
  void aNameTheShellsCodePageCannotCarryIsNeitherMatchedNorSentBack() {
    try (WinRmSession session = farm.open("ru10")) {
      HostObservation o = new HostReader().read(session, new ReadOptions(false, true));
      assertThat(o.consoleCodePage()).isEqualTo(437);
      assertThat(o.sites()).singleElement().satisfies(s -> assertThat(s.name()).isEqualTo("????"));
      assertThat(o.representable("Кафе")).isFalse();
      assertThat(o.sitesNamed("Кафе")).isEmpty();
      assertThat(o.siteConfigs()).singleElement().extracting(SiteWebConfig::unreadable).asString()
          .contains("code page 437");
    }
    assertThat(farm.host("ru10").journal().changes()).isEmpty();
  }
}
