package io.iisfarm.operator.simulator.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** IIS Shared Configuration: hosts whose redirection.config points at one store share its sites. */
class SharedConfigurationTest {
  private static final String APPCMD = "%windir%\\system32\\inetsrv\\appcmd.exe ";
  private static final String REDIRECTION = "%windir%\\system32\\inetsrv\\config\\redirection.config";

  private static HostDefinition host(String name, String store, long shopId) {
    return HostDefinition.fromYaml("""
        name: %s
        os: server2019
        %s
        sites:
          - {name: Shop, id: %d, bindings: ["http/*:80:shop"]}
        """.formatted(name, store == null ? "" : "sharedConfiguration: '" + store + "'", shopId));
  }

  @Test
  void anIdChangedOnOneHostIsChangedOnEveryHostSharingTheStore() {
    SharedConfigurationStores stores = new SharedConfigurationStores();
    WindowsHost web1 = WindowsHost.create(host("web1", "\\\\files01\\iisconfig", 5), Clock.systemUTC(), stores);
    WindowsHost web2 = WindowsHost.create(host("web2", "\\\\FILES01\\IISConfig", 5), Clock.systemUTC(), stores);
    WindowsHost alone = WindowsHost.create(host("web3", null, 5), Clock.systemUTC(), stores);

    assertThat(web1.run(APPCMD + "set site /site.name:Shop /id:2").exitCode()).isZero();

    assertThat(web2.site("Shop").orElseThrow().id()).isEqualTo(2);
    assertThat(web2.run(APPCMD + "list site /xml").stdout()).contains("SITE.NAME=\"Shop\" SITE.ID=\"2\"");
    assertThat(alone.site("Shop").orElseThrow().id()).isEqualTo(5);
  }

  @Test
  void redirectionConfigSaysWhereTheStoreIs() {
    WindowsHost shared = WindowsHost.create(host("web1", "\\\\files01\\iisconfig", 5));
    String text = new String(shared.readFile(REDIRECTION).orElseThrow(), StandardCharsets.UTF_8);
    assertThat(text).contains("<section name=\"configurationRedirection\" />")
        .containsPattern("<configurationRedirection enabled=\"true\" path=\"\\\\\\\\files01\\\\iisconfig\""
            + " userName=\"WEB1\\\\iisconfig\" password=\"\\[enc:IISRsaProvider:[0-9a-f]{40}:enc\\]\" />");

    WindowsHost stock = WindowsHost.create(host("web2", null, 5));
    assertThat(new String(stock.readFile(REDIRECTION).orElseThrow(), StandardCharsets.UTF_8))
        .contains("    <configurationRedirection />\r\n");
    assertThat(TestHosts.iis6().exists(REDIRECTION)).as("IIS 6.0 has no shared configuration").isFalse();
  }

  @Test
  void hostsSharingAStoreListTheSameSites() {
    SharedConfigurationStores stores = new SharedConfigurationStores();
    WindowsHost.create(host("web1", "\\\\files01\\iisconfig", 5), Clock.systemUTC(), stores);
    assertThatThrownBy(() -> WindowsHost.create(host("web2", "\\\\files01\\iisconfig", 6), Clock.systemUTC(), stores))
        .hasMessageContaining("list the same sites");
    assertThatThrownBy(() -> HostDefinition.fromYaml("""
        name: web6
        os: server2003
        sharedConfiguration: '\\\\\\\\files01\\\\iisconfig'
        """)).hasMessageContaining("IIS 6.0 has none");
  }
}
