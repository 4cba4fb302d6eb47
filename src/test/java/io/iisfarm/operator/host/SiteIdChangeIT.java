package io.iisfarm.operator.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.simulator.windows.SiteView;
import io.iisfarm.operator.simulator.windows.WindowsHost;
import io.iisfarm.operator.simulator.wsman.JournalEntry;
import io.iisfarm.operator.winrm.WinRmSession;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Site ID changes through the drivers against a fresh sample farm per test, checked on the simulated host's
 * own state: the site runs under its new ID afterwards, and on IIS6 every AppRoot names the new ID with
 * upper-case ROOT.
 */
class SiteIdChangeIT {
  @RegisterExtension
  static final SecretScan SECRETS = new SecretScan();
  private FarmHosts farm;

  @BeforeEach
  void start() {
    farm = FarmHosts.start(SECRETS);
  }

  @AfterEach
  void stop() {
    farm.close();
  }

  @Test
  void iis6MoveRunsTheSiteUnderItsNewIdWithUpperCaseAppRoots() {
    WindowsHost windows = farm.windows(FarmHosts.IIS6);
    SiteView before = windows.site("Shop").orElseThrow();
    assertThat(before.id()).isEqualTo(1739249713L);
    assertThat(before.started()).isTrue();
    assertThat(before.appRoot()).isEqualTo("/LM/W3SVC/1739249713/Root");

    SiteIdChange change;
    try (WinRmSession session = farm.open(FarmHosts.IIS6)) {
      change = FarmHosts.driver(session).changeSiteId("Shop", 1739249713L, 7);
    }

    SiteView after = windows.site("Shop").orElseThrow();
    assertThat(after.id()).isEqualTo(7);
    assertThat(after.started()).as("Shop runs again").isTrue();
    assertThat(after.appRoot()).isEqualTo("/LM/W3SVC/7/ROOT");
    assertThat(after.applications()).singleElement().satisfies(app -> {
      assertThat(app.path()).isEqualTo("/checkout");
      assertThat(app.appRoot()).isEqualTo("/LM/W3SVC/7/ROOT/checkout");
    });
    assertThat(after.physicalPath()).isEqualTo(before.physicalPath());
    assertThat(after.bindings()).isEqualTo(before.bindings());
    assertThat(windows.sites()).extracting(SiteView::id).doesNotContain(1739249713L);
    assertThat(windows.site("Api").orElseThrow()).satisfies(api -> {
      assertThat(api.id()).isEqualTo(2);
      assertThat(api.started()).isTrue();
    });

    assertThat(change.stopped()).containsExactly("Shop");
    assertThat(change.started()).containsExactly("Shop");
    assertThat(change.appRootsSet()).containsExactly("W3SVC/7/ROOT", "W3SVC/7/ROOT/checkout");
    assertThat(change.after().id()).isEqualTo(7);
    assertThat(changingCommands(FarmHosts.IIS6)).satisfiesExactly(
        line -> assertThat(line).endsWith("adsutil.vbs STOP_SERVER W3SVC/1739249713"),
        line -> assertThat(line).endsWith("adsutil.vbs MOVE W3SVC/1739249713 W3SVC/7"),
        line -> assertThat(line).endsWith("adsutil.vbs SET W3SVC/7/ROOT/AppRoot \"/LM/W3SVC/7/ROOT\""),
        line -> assertThat(line).endsWith("adsutil.vbs SET W3SVC/7/ROOT/checkout/AppRoot \"/LM/W3SVC/7/ROOT/checkout\""),
        line -> assertThat(line).endsWith("adsutil.vbs START_SERVER W3SVC/7"));
  }

  @Test
  void iis6SameIdOnlyAlignsTheAppRootCase() {
    WindowsHost windows = farm.windows(FarmHosts.IIS6);
    try (WinRmSession session = farm.open(FarmHosts.IIS6)) {
      SiteIdChange change = FarmHosts.driver(session).changeSiteId("Shop", 1739249713L, 1739249713L);
      assertThat(change.appRootsSet()).containsExactly("W3SVC/1739249713/ROOT", "W3SVC/1739249713/ROOT/checkout");
    }
    SiteView shop = windows.site("Shop").orElseThrow();
    assertThat(shop.id()).isEqualTo(1739249713L);
    assertThat(shop.appRoot()).isEqualTo("/LM/W3SVC/1739249713/ROOT");
    assertThat(shop.applications()).singleElement()
        .satisfies(app -> assertThat(app.appRoot()).isEqualTo("/LM/W3SVC/1739249713/ROOT/checkout"));
    assertThat(shop.started()).isTrue();
    assertThat(changingCommands(FarmHosts.IIS6)).hasSize(2).allMatch(line -> line.contains("adsutil.vbs SET "));
  }

  @Test
  void iis10ChangeStartsTheSiteAgainUnderItsNewId() {
    WindowsHost windows = farm.windows(FarmHosts.IIS10);
    SiteView before = windows.site("Shop").orElseThrow();
    assertThat(before.id()).isEqualTo(5);
    assertThat(before.started()).isTrue();

    SiteIdChange change;
    try (WinRmSession session = farm.open(FarmHosts.IIS10)) {
      change = FarmHosts.driver(session).changeSiteId("Shop", 5, 2);
    }

    SiteView after = windows.site("Shop").orElseThrow();
    assertThat(after.id()).isEqualTo(2);
    assertThat(after.started()).as("Shop runs again").isTrue();
    assertThat(after.bindings()).isEqualTo(before.bindings());
    assertThat(windows.sites()).extracting(SiteView::id).containsExactlyInAnyOrder(1L, 2L, 4L);
    assertThat(change.after().id()).isEqualTo(2);
    assertThat(change.after().isStarted()).isTrue();
    assertThat(changingCommands(FarmHosts.IIS10)).containsExactly(
        "%windir%\\system32\\inetsrv\\appcmd.exe set site /site.name:\"Shop\" /id:2",
        "%windir%\\system32\\inetsrv\\appcmd.exe start site /site.name:\"Shop\"");
  }

  @ParameterizedTest
  @CsvSource({"web01, 1739249713, 2", "web04, 5, 4"})
  void aTargetIdHeldByAnotherSiteIsRefusedBeforeAnyCommand(String host, long fromId, long toId) {
    SimulatedHost simulated = farm.host(host);
    List<SiteView> before = simulated.windows().sites();
    try (WinRmSession session = farm.open(host)) {
      HostDriver driver = FarmHosts.driver(session);
      int commandsBefore = simulated.journal().size();

      Throwable thrown = SECRETS.thrownBy(() -> driver.changeSiteId("Shop", fromId, toId));

      assertThat(thrown).isInstanceOfSatisfying(SiteIdConflictException.class, e -> {
        assertThat(e.holder()).isEqualTo("Api");
        assertThat(e.targetId()).isEqualTo(toId);
        assertThat(e.site()).isEqualTo("Shop");
      });
      assertThat(simulated.journal().size()).as("no command sent").isEqualTo(commandsBefore);
      assertThat(driver.journal()).as("the driver sent nothing either").isEmpty();
    }
    assertThat(simulated.journal().changes()).isEmpty();
    assertThat(simulated.windows().sites()).isEqualTo(before);
  }

  private List<String> changingCommands(String host) {
    return farm.host(host).journal().changes().stream().map(JournalEntry::commandLine).toList();
  }
}
