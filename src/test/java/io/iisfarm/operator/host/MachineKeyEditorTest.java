package io.iisfarm.operator.host;

import static io.iisfarm.operator.host.ConfigFixtures.crlf;
import static io.iisfarm.operator.host.ConfigFixtures.lf;
import static io.iisfarm.operator.host.ConfigFixtures.withBom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iisfarm.operator.model.KeyAttribute;
import io.iisfarm.operator.model.KeyMaterial;
import io.iisfarm.operator.model.MachineKeySetting;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MachineKeyEditorTest {
  static final String VALIDATION_KEY = "5C8A7C1A0B6E2D3F4A5B6C7D8E9F00112233445566778899AABBCCDDEEFF0011"
      + "2233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF0011";
  static final String DECRYPTION_KEY = "9F8E7D6C5B4A39281706F5E4D3C2B1A09F8E7D6C5B4A3928";
  static final MachineKeySetting DESIRED = new MachineKeySetting(
      KeyAttribute.of(KeyMaterial.ofHex(VALIDATION_KEY)), KeyAttribute.of(KeyMaterial.ofHex(DECRYPTION_KEY)),
      "SHA1", "AES", null);

  /** The bytes before {@code from} and after {@code to} (counted from the end) are unchanged. */
  private static void assertOnlyRegionChanged(byte[] before, byte[] after, String regionStartMarker) {
    String beforeText = new String(before, StandardCharsets.ISO_8859_1);
    int start = beforeText.indexOf(regionStartMarker);
    assertThat(start).isNotNegative();
    int prefix = commonPrefix(before, after);
    int suffix = commonSuffix(before, after);
    assertThat(prefix).as("unchanged up to the element").isGreaterThanOrEqualTo(start);
    int elementEndInBefore = beforeText.indexOf('>', start) + 1;
    assertThat(before.length - suffix).as("unchanged after the element").isLessThanOrEqualTo(elementEndInBefore);
  }

  private static int commonPrefix(byte[] a, byte[] b) {
    int i = 0;
    while (i < a.length && i < b.length && a[i] == b[i]) {
      i++;
    }
    return i;
  }

  private static int commonSuffix(byte[] a, byte[] b) {
    int i = 0;
    while (i < a.length && i < b.length && a[a.length - 1 - i] == b[b.length - 1 - i]) {
      i++;
    }
    return i;
  }

  @Test
  void existingElementChangesItsManagedAttributesInPlace() {
    byte[] before = crlf(ConfigFixtures.V2_MACHINE_CONFIG_WITH_KEY);
    byte[] after = MachineKeyEditor.apply(before, DESIRED);

    assertOnlyRegionChanged(before, after, "<machineKey");
    String text = new String(after, StandardCharsets.UTF_8);
    assertThat(text).contains("\t\t<machineKey decryption='AES'\r\n"
        + "\t\t            validationKey=\"" + VALIDATION_KEY + "\"\r\n"
        + "\t\t            decryptionKey=\"" + DECRYPTION_KEY + "\"   validation=\"SHA1\" applicationName=\"legacy\" />");
    assertThat(ConfigXml.parse(after).machineKey()).isEqualTo(DESIRED);
    assertThat(ConfigXml.parse(after).sessionState()).isEqualTo(ConfigXml.parse(before).sessionState());
  }

  @Test
  void absentAttributesAreAppendedAndUnwantedOnesRemoved() {
    byte[] before = crlf(ConfigFixtures.V4_ROOT_WEB_CONFIG);
    MachineKeySetting withoutCompatibility = new MachineKeySetting(DESIRED.validationKey(), DESIRED.decryptionKey(),
        "HMACSHA256", null, null);
    byte[] after = MachineKeyEditor.apply(before, withoutCompatibility);
    assertOnlyRegionChanged(before, after, "<machineKey validationKey=\"0123");
    String text = new String(after, StandardCharsets.UTF_8);
    assertThat(text).contains("<machineKey validationKey=\"" + VALIDATION_KEY + "\" decryptionKey=\"" + DECRYPTION_KEY
        + "\" validation=\"HMACSHA256\"></machineKey>");
    assertThat(text).as("the location block is not the machine-level element").contains("<machineKey validationKey=\"1111\" />");
  }

  @Test
  void missingElementIsInsertedFirstUnderSystemWebWithTheFilesIndentAndLineEnds() {
    byte[] before = withBom(crlf(ConfigFixtures.V4_MACHINE_CONFIG));
    byte[] after = MachineKeyEditor.apply(before, DESIRED);

    String marker = "<system.web>\r\n";
    int insertAt = new String(before, StandardCharsets.ISO_8859_1).indexOf(marker) + marker.length() - 2;
    assertThat(commonPrefix(before, after)).isGreaterThanOrEqualTo(insertAt);
    assertThat(commonPrefix(before, after) + commonSuffix(before, after)).isGreaterThanOrEqualTo(before.length);
    assertThat(Arrays.copyOf(after, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(after, StandardCharsets.UTF_8);
    assertThat(text).contains("    <system.web>\r\n        <machineKey validationKey=\"" + VALIDATION_KEY
        + "\" decryptionKey=\"" + DECRYPTION_KEY + "\" validation=\"SHA1\" decryption=\"AES\" />\r\n"
        + "        <processModel autoConfig=\"true\"/>");
    assertThat(ConfigXml.parse(after).machineKey()).isEqualTo(DESIRED);
  }

  @Test
  void emptySystemWebElementIsOpenedWithLfLineEnds() {
    byte[] before = lf("<?xml version=\"1.0\"?>\n<configuration>\n  <system.web />\n</configuration>\n");
    byte[] after = MachineKeyEditor.apply(before, DESIRED);
    assertThat(new String(after, StandardCharsets.UTF_8)).isEqualTo("<?xml version=\"1.0\"?>\n<configuration>\n"
        + "  <system.web>\n    " + MachineKeyEditor.newElement(DESIRED) + "\n  </system.web>\n</configuration>\n");
  }

  @Test
  void missingSystemWebIsCreatedBeforeTheConfigurationEndTag() {
    byte[] before = crlf("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n\t<appSettings/>\n</configuration>");
    byte[] after = MachineKeyEditor.apply(before, DESIRED);
    assertThat(new String(after, StandardCharsets.UTF_8)).isEqualTo("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"
        + "<configuration>\r\n\t<appSettings/>\r\n\t<system.web>\r\n\t\t" + MachineKeyEditor.newElement(DESIRED)
        + "\r\n\t</system.web>\r\n</configuration>");
  }

  @Test
  void windows1252FileKeepsItsEncodingAndNonAsciiBytes() {
    String text = "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\r\n<configuration>\r\n  <!-- Müller’s farm -->\r\n"
        + "  <system.web>\r\n    <machineKey validation=\"MD5\"/>\r\n  </system.web>\r\n</configuration>\r\n";
    byte[] before = text.getBytes(java.nio.charset.Charset.forName("windows-1252"));
    byte[] after = MachineKeyEditor.apply(before, DESIRED);
    assertOnlyRegionChanged(before, after, "<machineKey");
    assertThat(ConfigXml.parse(after).machineKey()).isEqualTo(DESIRED);
  }

  @Test
  void twoMachineKeysAreRefused() {
    byte[] before = lf("<configuration><system.web><machineKey/><machineKey/></system.web></configuration>");
    assertThatThrownBy(() -> MachineKeyEditor.apply(before, DESIRED))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 machine-level <machineKey>");
  }

  @Test
  void aLockedMachineKeyIsEditedInsideItsLocationAndNoSecondOneIsAdded() {
    byte[] before = crlf(ConfigFixtures.V2_MACHINE_CONFIG_LOCKED_KEY);
    byte[] after = MachineKeyEditor.apply(before, DESIRED, io.iisfarm.operator.api.ClrRuntime.V2_0);

    assertOnlyRegionChanged(before, after, "<machineKey");
    String text = new String(after, StandardCharsets.UTF_8);
    assertThat(text.split("<machineKey", -1)).as("one element").hasSize(2);
    assertThat(text).contains("<location path=\".\" allowOverride=\"false\">\r\n        <system.web>\r\n"
        + "            <machineKey validationKey=\"" + VALIDATION_KEY + "\"");
    ConfigXml.Parsed parsed = ConfigXml.parse(after, io.iisfarm.operator.api.ClrRuntime.V2_0);
    assertThat(parsed.machineKey()).isEqualTo(DESIRED);
    assertThat(parsed.machineKeyElement().locked()).isTrue();
  }

  @Test
  void anEncryptedMachineKeyIsRefusedWithWhatToDo() {
    byte[] before = crlf(ConfigFixtures.V4_MACHINE_CONFIG_ENCRYPTED_KEY);
    assertThatThrownBy(() -> MachineKeyEditor.apply(before, DESIRED)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("encrypted").hasMessageContaining("aspnet_regiis -pd");
  }

  @Test
  void aMachineKeyAtTheTopAndInLocationDotIsRefused() {
    byte[] before = lf("<configuration><system.web><machineKey/></system.web><location path=\".\"><system.web>"
        + "<machineKey/></system.web></location></configuration>");
    assertThatThrownBy(() -> MachineKeyEditor.apply(before, DESIRED)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 machine-level <machineKey>");
  }

  @Test
  void aResultTheRuntimeWouldRejectIsRefused() {
    MachineKeySetting hmac = new MachineKeySetting(DESIRED.validationKey(), DESIRED.decryptionKey(), "HMACSHA256",
        "AES", null);
    byte[] before = crlf(ConfigFixtures.V4_MACHINE_CONFIG);
    assertThat(MachineKeyEditor.apply(before, hmac, io.iisfarm.operator.api.ClrRuntime.V4_0)).isNotEqualTo(before);
    assertThatThrownBy(() -> MachineKeyEditor.apply(before, hmac, io.iisfarm.operator.api.ClrRuntime.V2_0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("v2.0 configuration system would reject")
        .hasMessageNotContaining(VALIDATION_KEY);
  }

  @Test
  void brokenFileIsRefused() {
    byte[] before = lf("<configuration><system.web></configuration>");
    assertThatThrownBy(() -> MachineKeyEditor.apply(before, DESIRED)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void applyingTheSameSettingTwiceChangesNothingTheSecondTime() {
    byte[] once = MachineKeyEditor.apply(crlf(ConfigFixtures.V2_MACHINE_CONFIG_WITH_KEY), DESIRED);
    assertThat(MachineKeyEditor.apply(once, DESIRED)).isEqualTo(once);
  }
}
