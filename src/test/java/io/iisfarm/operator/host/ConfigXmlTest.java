package io.iisfarm.operator.host;

import static io.iisfarm.operator.host.ConfigFixtures.crlf;
import static io.iisfarm.operator.host.ConfigFixtures.withBom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iisfarm.operator.model.KeyMaterial;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConfigXmlTest {

  @Test
  void machineConfigWithoutMachineKeyHasNone() {
    ConfigXml.Parsed parsed = ConfigXml.parse(withBom(crlf(ConfigFixtures.V4_MACHINE_CONFIG)));
    assertThat(parsed.machineKey()).as("the configSections declaration and the comment are not the element").isNull();
    assertThat(parsed.sessionState()).isNull();
  }

  @Test
  void readsKeywordsAndKeepsOnlyTheSqlDataSource() {
    ConfigXml.Parsed parsed = ConfigXml.parse(crlf(ConfigFixtures.V2_MACHINE_CONFIG_WITH_KEY));
    assertThat(parsed.machineKey().validationKey().keyword()).isEqualTo("AutoGenerate,IsolateApps");
    assertThat(parsed.machineKey().isExplicit()).isFalse();
    assertThat(parsed.machineKey().validation()).isEqualTo("SHA1");
    assertThat(parsed.machineKey().decryption()).isEqualTo("3DES");
    assertThat(parsed.machineKey().compatibilityMode()).isNull();
    assertThat(parsed.sessionState().mode()).isEqualTo("SQLServer");
    assertThat(parsed.sessionState().sqlDataSource()).isEqualTo("SQL01\\ASPSTATE");
    assertThat(parsed.sessionState().toString()).doesNotContain("Zz9-secret").doesNotContain("aspstate;");
  }

  @Test
  void readsExplicitKeysUnderSystemWebAndIgnoresLocationBlocks() {
    ConfigXml.Parsed parsed = ConfigXml.parse(crlf(ConfigFixtures.V4_ROOT_WEB_CONFIG));
    assertThat(parsed.machineKey().validationKey().key())
        .isEqualTo(KeyMaterial.ofHex("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"));
    assertThat(parsed.machineKey().decryptionKey().isExplicit()).isTrue();
    assertThat(parsed.machineKey().validation()).isEqualTo("HMACSHA256");
    assertThat(parsed.machineKey().compatibilityMode()).isEqualTo("Framework45");
    assertThat(parsed.sessionState().mode()).isEqualTo("StateServer");
    assertThat(parsed.sessionState().stateConnectionString()).isEqualTo("tcpip=10.0.0.5:42424");
  }

  @Test
  void readsUtf16WithByteOrderMark() {
    byte[] utf16 = ConfigFixtures.V4_ROOT_WEB_CONFIG.replace("utf-8", "utf-16").getBytes(StandardCharsets.UTF_16LE);
    byte[] bytes = new byte[utf16.length + 2];
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xFE;
    System.arraycopy(utf16, 0, bytes, 2, utf16.length);
    assertThat(ConfigXml.parse(bytes).machineKey().validation()).isEqualTo("HMACSHA256");
  }

  @Test
  void brokenXmlIsReportedWithoutQuotingTheFile() {
    byte[] broken = "<configuration><system.web><machineKey validationKey=\"ABCDEF0123\"></system.web>"
        .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ConfigXml.parse(broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not well-formed")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("ABCDEF0123"));
  }

  @Test
  void dataSourceKeywordsFollowSqlConnection() {
    assertThat(ConfigXml.sqlDataSource("Server=tcp:db1,1433;Password=x")).isEqualTo("tcp:db1,1433");
    assertThat(ConfigXml.sqlDataSource("user id=sa;  Network   Address = \"db2\" ;pwd=y")).isEqualTo("db2");
    assertThat(ConfigXml.sqlDataSource("Integrated Security=SSPI")).isNull();
  }
}
