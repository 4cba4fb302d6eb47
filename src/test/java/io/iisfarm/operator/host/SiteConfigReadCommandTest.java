package io.iisfarm.operator.host;

import static io.iisfarm.operator.host.WindowsOutput.certutil;
import static io.iisfarm.operator.host.WindowsOutput.marker;
import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.model.ObservedSite;
import io.iisfarm.operator.model.SiteWebConfig;
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
    String output = marker("siteconfig:0") + certutil(shopConfig.getBytes(StandardCharsets.UTF_8))
        + marker("siteconfig:1") + marker("end");
    List<SiteWebConfig> configs = SiteConfigReadCommand.parse("web:5986", targets, List.of(output));
    assertThat(configs).singleElement().satisfies(c -> {
      assertThat(c.site()).isEqualTo("Shop");
      assertThat(c.machineKey().decryption()).isEqualTo("AES");
      assertThat(c.sessionState().mode()).isEqualTo("InProc");
    });
  }

  @Test
  void manySitesAreSplitIntoLinesUnderTheLimit() {
    List<ObservedSite> sites = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      sites.add(new ObservedSite("site" + i, i + 1, "Started", "D:\\inetpub\\sites\\customer-" + i + "\\wwwroot", null, List.of()));
    }
    List<String> lines = SiteConfigReadCommand.build(SiteConfigReadCommand.targets(sites), "%TEMP%\\t.b64");
    assertThat(lines.size()).isGreaterThan(1);
    assertThat(lines).allMatch(Cmd::fits).allMatch(l -> l.endsWith("echo ==iisfarm:end=="));
    assertThat(String.join("", lines).split("==iisfarm:siteconfig:", -1)).hasSize(121);
  }
}
