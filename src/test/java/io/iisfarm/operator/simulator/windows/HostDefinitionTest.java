package io.iisfarm.operator.simulator.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostDefinitionTest {

  @Test
  void unknownKeysFailNamingTheKeyWhereItIsAndWhatIsAllowed() {
    assertThatThrownBy(() -> HostDefinition.fromYaml("""
        name: web09
        os: server2019
        sites:
          - {name: Shop, id: 2, colour: blue}
        """)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("host 'web09': unknown key 'colour' at sites[0]")
        .hasMessageContaining("allowed keys there:").hasMessageContaining("physicalPath");
    assertThatThrownBy(() -> HostDefinition.fromYaml("name: web09\nos: server2019\nwinrm: {transport: http}\n"))
        .hasMessageContaining("unknown key 'winrm'");
  }

  @Test
  void invalidValuesAreExplained() {
    assertThatThrownBy(() -> HostDefinition.fromYaml("name: a\nos: server2012\n"))
        .hasMessageContaining("os must be one of server2003, server2008r2, server2019");
    assertThatThrownBy(() -> HostDefinition.fromYaml("name: a\nos: server2019\nbits: 32\n"))
        .hasMessageContaining("only as a 64-bit system");
    assertThatThrownBy(() -> HostDefinition.fromYaml("name: a\nos: server2003\nframeworks: [{runtime: v2.0, bitness: 64}]\n"))
        .hasMessageContaining("frameworks[0]: a 32-bit system has no Framework64");
    assertThatThrownBy(() -> HostDefinition.fromYaml("name: a\nos: server2019\nsites: [{name: S, id: 2, appRoot: /LM/W3SVC/2/ROOT}]\n"))
        .hasMessageContaining("sites[0].appRoot exists only in the IIS6 metabase");
    assertThatThrownBy(() -> HostDefinition.fromYaml("name: a\nos: server2019\nsites: [{name: S, id: 2}, {name: T, id: 2}]\n"))
        .hasMessageContaining("sites[1].id 2 is already used by site 'S'");
    assertThatThrownBy(() -> HostDefinition.fromYaml("name: a\nos: server2019\nsites: [{name: S, id: 2, bindings: [':80:']}]\n"))
        .hasMessageContaining("is not protocol/ip:port:host");
    assertThatThrownBy(() -> HostDefinition.fromYaml("name: a\nos: server2019\nframeworks: [{runtime: v3.5, bitness: 64}]\n"))
        .hasMessageContaining("runtime must be v2.0 or v4.0");
  }

  @Test
  void iis6AllowsTwoSitesWithTheSameServerComment() {
    HostDefinition d = HostDefinition.fromYaml("name: a\nos: server2003\nsites: [{name: S, id: 2}, {name: S, id: 3}]\n");
    WindowsHost host = WindowsHost.create(d);
    assertThat(host.sites()).extracting(SiteView::name).containsExactly("S", "S");
  }

  @Test
  void osDecidesIisVersionWindirAndBitness() {
    WindowsHost old = WindowsHost.create(HostDefinition.fromYaml("name: old1\nos: server2003\n"));
    assertThat(old.iisVersion()).isEqualTo("6.0");
    assertThat(old.environment()).containsEntry("windir", "C:\\WINDOWS").containsEntry("PROCESSOR_ARCHITECTURE", "x86")
        .containsEntry("COMPUTERNAME", "OLD1").containsEntry("SystemDrive", "C:");
    WindowsHost mid = WindowsHost.create(HostDefinition.fromYaml("name: mid1\nos: server2008r2\n"));
    assertThat(mid.iisVersion()).isEqualTo("7.5");
    assertThat(mid.environment()).containsEntry("windir", "C:\\Windows").containsEntry("PROCESSOR_ARCHITECTURE", "AMD64");
    assertThat(WindowsHost.create(HostDefinition.fromYaml("name: new1\nos: server2019\n")).iisVersion()).isEqualTo("10.0");
  }

  @Test
  void environmentOverridesReplaceDefaults() {
    WindowsHost host = WindowsHost.create(HostDefinition.fromYaml("""
        name: envy
        os: server2019
        env: {temp: 'D:\\Scratch', FARM: blue}
        """));
    assertThat(host.environment()).containsEntry("TEMP", "D:\\Scratch").containsEntry("FARM", "blue");
    assertThat(host.run("echo %farm% %TEMP%").stdout()).isEqualTo("blue D:\\Scratch\r\n");
    assertThat(host.run("echo x> %TEMP%\\f.txt").changedHost()).isFalse();
  }

  @Test
  void machineKeyAndSessionStateNeverShowTheirSecrets() {
    HostDefinition.MachineKey key = new HostDefinition.MachineKey("ABCDEF0123456789", "FEDCBA9876543210", "SHA1", "AES", null, null, null);
    assertThat(key.toString()).doesNotContain("ABCDEF0123456789").doesNotContain("FEDCBA9876543210");
    HostDefinition.SessionState state = new HostDefinition.SessionState("SQLServer", null, "password=hunter2", null, null);
    assertThat(state.toString()).doesNotContain("hunter2");
  }

  @Test
  void sampleFarmLoadsAsFourHostsThatAreWrongInTheirOwnWays() throws Exception {
    List<HostDefinition> farm = TestHosts.sampleFarm();
    assertThat(farm).extracting(HostDefinition::name).containsExactly("web01", "web02", "web03", "web04");
    assertThat(farm).extracting(HostDefinition::os)
        .containsExactly(OsVersion.SERVER2003, OsVersion.SERVER2008R2, OsVersion.SERVER2019, OsVersion.SERVER2019);
    List<WindowsHost> hosts = farm.stream().map(WindowsHost::create).toList();

    WindowsHost web01 = hosts.get(0);
    assertThat(web01.site("Shop").orElseThrow()).extracting(SiteView::id, SiteView::appRoot)
        .containsExactly(1739249713L, "/LM/W3SVC/1739249713/Root");
    assertThat(web01.site("Shop").orElseThrow().applications()).hasSize(1);
    assertThat(web01.site("Api").orElseThrow().id()).isEqualTo(2);
    assertThat(text(web01, web01.configPath("v2.0", 32, false))).contains("validationKey=\"AutoGenerate,IsolateApps\"");
    assertThat(web01.exists(web01.configPath("v4.0", 32, false))).isFalse();
    assertThat(web01.backups()).containsExactly("initial");

    WindowsHost web02 = hosts.get(1);
    assertThat(web02.site("Shop").orElseThrow().id()).isEqualTo(3);
    assertThat(web02.site("Api").orElseThrow().id()).isEqualTo(2);
    assertThat(List.of(text(web02, web02.configPath("v2.0", 32, false)), text(web02, web02.configPath("v2.0", 64, false)),
        text(web02, web02.configPath("v4.0", 32, false)), text(web02, web02.configPath("v4.0", 64, false))))
        .allSatisfy(t -> assertThat(t).containsPattern("validationKey=\"[0-9A-F]{128}\"")).doesNotHaveDuplicates();

    WindowsHost web03 = hosts.get(2);
    assertThat(web03.site("Shop").orElseThrow().id()).isEqualTo(2);
    assertThat(web03.site("Api").orElseThrow().id()).isEqualTo(3);

    WindowsHost web04 = hosts.get(3);
    assertThat(web04.site("Shop").orElseThrow().id()).isEqualTo(5);
    assertThat(text(web04, web04.configPath("v4.0", 64, true))).contains("<machineKey validationKey=");
    assertThat(text(web04, web04.configPath("v4.0", 32, true))).doesNotContain("<machineKey");
    assertThat(text(web04, "C:\\inetpub\\Api\\web.config")).contains("<machineKey validationKey=");
    assertThat(web04.readFile("C:\\inetpub\\Api\\web.config").orElseThrow()).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
  }

  private static String text(WindowsHost host, String path) {
    return new String(host.readFile(path).orElseThrow(), StandardCharsets.UTF_8);
  }
}
