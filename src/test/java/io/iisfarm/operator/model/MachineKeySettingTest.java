package io.iisfarm.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MachineKeySettingTest {
  static final String VALIDATION = "5C8A7C1A0B6E2D3F4A5B6C7D8E9F00112233445566778899AABBCCDDEEFF0011";
  static final String DECRYPTION = "9F8E7D6C5B4A39281706F5E4D3C2B1A09F8E7D6C5B4A3928";

  static MachineKeySetting setting(String validationKey, String decryptionKey, String validation, String decryption,
      String compatibilityMode) {
    return new MachineKeySetting(KeyAttribute.parse(validationKey), KeyAttribute.parse(decryptionKey), validation,
        decryption, compatibilityMode);
  }

  static final MachineKeySetting BASE = setting(VALIDATION, DECRYPTION, "SHA1", "AES", "Framework20SP2");

  @Test
  void fingerprintIsStableTwelveHexCharacters() {
    String fingerprint = BASE.fingerprint();
    assertThat(fingerprint).matches("[0-9a-f]{12}");
    assertThat(setting(VALIDATION, DECRYPTION, "SHA1", "AES", "Framework20SP2").fingerprint()).isEqualTo(fingerprint);
    assertThat(BASE.fingerprint()).isEqualTo(fingerprint);
  }

  @Test
  void fingerprintIgnoresHexCase() {
    assertThat(setting(VALIDATION.toLowerCase(), DECRYPTION.toLowerCase(), "SHA1", "AES", "Framework20SP2").fingerprint())
        .isEqualTo(BASE.fingerprint());
  }

  @Test
  void fingerprintChangesWithEveryField() {
    String otherValidation = "0" + VALIDATION.substring(1);
    String otherDecryption = "0" + DECRYPTION.substring(1);
    List<MachineKeySetting> changed = List.of(
        setting(otherValidation, DECRYPTION, "SHA1", "AES", "Framework20SP2"),
        setting(VALIDATION, otherDecryption, "SHA1", "AES", "Framework20SP2"),
        setting(VALIDATION, DECRYPTION, "HMACSHA256", "AES", "Framework20SP2"),
        setting(VALIDATION, DECRYPTION, "SHA1", "3DES", "Framework20SP2"),
        setting(VALIDATION, DECRYPTION, "SHA1", "AES", "Framework45"),
        setting(VALIDATION, DECRYPTION, "SHA1", "AES", null),
        // keys swapped: same characters, other fields
        setting(DECRYPTION + DECRYPTION.substring(0, 16), VALIDATION.substring(0, 48), "SHA1", "AES", "Framework20SP2"));
    assertThat(changed).extracting(MachineKeySetting::fingerprint)
        .doesNotContain(BASE.fingerprint())
        .doesNotHaveDuplicates();
  }

  @Test
  void keysThatAreNotExplicitHaveNoFingerprint() {
    MachineKeySetting auto = setting("AutoGenerate,IsolateApps", DECRYPTION, "SHA1", "AES", null);
    assertThat(auto.isExplicit()).isFalse();
    assertThat(auto.fingerprint()).isEqualTo(MachineKeySetting.AUTO_GENERATE);
  }

  @Test
  void toStringShowsTheFingerprintNeverTheKeys() {
    assertThat(BASE.toString()).contains(BASE.fingerprint()).doesNotContain(VALIDATION).doesNotContain(DECRYPTION)
        .doesNotContain(VALIDATION.substring(0, 16));
  }
}
