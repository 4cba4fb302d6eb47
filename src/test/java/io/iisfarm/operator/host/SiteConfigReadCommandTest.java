package io.iisfarm.operator.host;

import static io.iisfarm.operator.host.WindowsOutput.exit;
import static io.iisfarm.operator.host.WindowsOutput.file;
import static io.iisfarm.operator.host.WindowsOutput.marker;
import static io.iisfarm.operator.host.WindowsOutput.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iisfarm.operator.model.ObservedSite;
import io.iisfarm.operator.model.SiteWebConfig;
import io.iisfarm.operator.winrm.WinRmProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteConfigReadCommandTest {

  @Test
  void readsEachFolderOnceAndReportsOverrides() {
    List<ObservedSite> sites = List.of(
        new ObservedSite("Shop", 3, "Started", "D:\\sites\\shop\\", null, List.of()),
        new ObservedSite("Shop copy", 4, "Started", "d:\\SITES\\shop", null, List.of()),
        new ObservedSite("Api", 5, "Started", "%SystemDrive%\\inetpub\\api", null, List.of()));
    List<SiteConfigReadCommand.Target> targets = SiteConfigReadCommand.targets(sites);
    assertThat(targets).extracting(SiteConfigReadCommand.Target::path)
        .containsExactly("D:\\sites\\shop\\web.config", "%SystemDrive%\\inetpub\\api\\web.config");
    List<String> lines = SiteConfigReadCommand.build(targets, "%TEMP%\\t.b64");
    assertThat(lines).hasSize(1);
    String shopConfig = "<configuration><system.web><machineKey validationKey=\"AutoGenerate\" decryption=\"AES\"/>"
        + "<sessionState mode=\"InProc\"/></system.web></configuration>";
    // the loop prints one part per folder, in order; Api's folder has no web.config
    String output = marker("siteconfig") + file(shopConfig.getBytes(StandardCharsets.UTF_8))
        + marker("siteconfig") + status("absent") + marker("end");
    List<SiteWebConfig> configs = SiteConfigReadCommand.parse("web:5986", targets, List.of(output));
    assertThat(configs).singleElement().satisfies(c -> {
      assertThat(c.site()).isEqualTo("Shop");
      assertThat(c.machineKey().decryption()).isEqualTo("AES");
      assertThat(c.sessionState().mode()).isEqualTo("InProc");
    });
  }

  @Test
  void aFewHundredSitesFitOneLineAndMoreAreSplitUnderTheLimit() {
    List<String> lines = SiteConfigReadCommand.build(SiteConfigReadCommand.targets(sites(150)), "%TEMP%\\t.b64");
    assertThat(lines.size()).isEqualTo(1);
    assertThat(Cmd.fits(lines.get(0))).isTrue();

    List<SiteConfigReadCommand.Target> many = SiteConfigReadCommand.targets(sites(1000));
    List<String> split = SiteConfigReadCommand.build(many, "%TEMP%\\t.b64");
    assertThat(split.size()).isGreaterThan(1);
    assertThat(split).allMatch(Cmd::fits).allMatch(l -> l.startsWith("for %p in (\"") && l.endsWith("echo ==iisfarm:end=="));
    String all = String.join("\n", split);
    for (SiteConfigReadCommand.Target target : many) {
      assertThat(all).containsOnlyOnce("\"" + target.folder() + "\"");
    }
  }

  @Test
  void partsAreMatchedToFoldersByOrderAcrossLinesAndAMissingOneIsAProtocolError() {
    List<SiteConfigReadCommand.Target> targets = SiteConfigReadCommand.targets(sites(3));
    String config = "<configuration><system.web><sessionState mode=\"StateServer\"/></system.web></configuration>";
    String first = marker("siteconfig") + status("absent") + marker("siteconfig")
        + file(config.getBytes(StandardCharsets.UTF_8)) + marker("end");
    String second = marker("siteconfig") + status("absent") + marker("end");
    assertThat(SiteConfigReadCommand.parse("web:5986", targets, List.of(first, second)))
        .singleElement().satisfies(c -> {
          assertThat(c.site()).isEqualTo("site1");
          assertThat(c.path()).isEqualTo("D:\\inetpub\\sites\\customer-1\\wwwroot\\web.config");
          assertThat(c.sessionState().mode()).isEqualTo("StateServer");
        });
    assertThatThrownBy(() -> SiteConfigReadCommand.parse("web:5986", targets, List.of(first)))
        .isInstanceOf(WinRmProtocolException.class).hasMessageContaining("2 parts for 3 folders");
    assertThatThrownBy(() -> SiteConfigReadCommand.parse("web:5986", targets, List.of(marker("siteconfig"))))
        .isInstanceOf(WinRmProtocolException.class).hasMessageContaining("cut short");
  }

  @Test
  void aFolderTheSessionCannotSeeIsReportedUnreadableNotWithoutWebConfig() {
    List<ObservedSite> sites = List.of(
        new ObservedSite("Shop", 3, "Started", "\\\\files01\\content\\shop", null, List.of()),
        new ObservedSite("Api", 4, "Started", "D:\\sites\\api", null, List.of()),
        new ObservedSite("Legacy", 5, "Started", "D:\\sites\\legacy", null, List.of()));
    List<SiteConfigReadCommand.Target> targets = SiteConfigReadCommand.targets(sites);
    assertThat(SiteConfigReadCommand.build(targets, "%TEMP%\\t.b64").get(0))
        .contains("else if exist \"%~p\\\" (echo ==iisfarm:@absent==) else echo ==iisfarm:@nofolder==");
    String output = marker("siteconfig") + status("nofolder") + marker("siteconfig") + exit("certutil", 1260)
        + marker("siteconfig") + status("absent") + marker("end");
    List<SiteWebConfig> configs = SiteConfigReadCommand.parse("web:5986", targets, List.of(output));
    assertThat(configs).extracting(SiteWebConfig::site).containsExactly("Shop", "Api");
    assertThat(configs.get(0).unreadable()).contains("\\\\files01\\content\\shop", "network share");
    assertThat(configs.get(1).unreadable()).contains("exit code 1260");
  }

  @Test
  void aFolderWhoseNameTheCodePageCannotCarryIsNotSentBackToTheHost() {
    // a Cyrillic folder read through code page 437 comes back as question marks
    List<ObservedSite> sites = List.of(new ObservedSite("Shop", 3, "Started", "D:\\sites\\????", null, List.of()));
    assertThat(SiteConfigReadCommand.targets(sites)).isEmpty();
    assertThat(SiteConfigReadCommand.unrepresentable(sites)).singleElement()
        .satisfies(c -> assertThat(c.unreadable()).contains("code page 437"));
  }

  private static List<ObservedSite> sites(int count) {
    List<ObservedSite> sites = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      sites.add(new ObservedSite("site" + i, i + 1, "Started", "D:\\inetpub\\sites\\customer-" + i + "\\wwwroot", null, List.of()));
    }
    return sites;
  }
}
