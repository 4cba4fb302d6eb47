package io.iisfarm.operator.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iisfarm.operator.api.CompatibilityMode;
import io.iisfarm.operator.api.DecryptionAlgorithm;
import io.iisfarm.operator.api.MachineKeySpec;
import io.iisfarm.operator.api.SecretRef;
import io.iisfarm.operator.api.ValidationAlgorithm;
import io.iisfarm.operator.model.MachineKeySetting;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MachineKeySecretTest {
  private static final String VALIDATION = "4A".repeat(64);
  private static final String DECRYPTION = "b7".repeat(32);

  private static MachineKeySpec spec() {
    MachineKeySpec spec = new MachineKeySpec();
    spec.setSecretRef(new SecretRef("shop-machinekey"));
    spec.setValidation(ValidationAlgorithm.SHA1);
    spec.setDecryption(DecryptionAlgorithm.AES);
    spec.setCompatibilityMode(CompatibilityMode.FRAMEWORK20SP2);
    return spec;
  }

  @Test
  void buildsTheDesiredSettingWithTheSpecsAlgorithms() {
    MachineKeySetting setting = MachineKeySecret.toSetting("web", "shop-machinekey",
        Map.of("validationKey", VALIDATION, "decryptionKey", DECRYPTION + "\n"), spec());

    assertThat(setting.isExplicit()).isTrue();
    assertThat(setting.validationKey().attributeValue()).isEqualTo(VALIDATION);
    assertThat(setting.decryptionKey().attributeValue()).isEqualTo(DECRYPTION.toUpperCase());
    assertThat(setting.validation()).isEqualTo("SHA1");
    assertThat(setting.decryption()).isEqualTo("AES");
    assertThat(setting.compatibilityMode()).isEqualTo("Framework20SP2");
    assertThat(setting.toString()).doesNotContain(VALIDATION).doesNotContain(DECRYPTION.toUpperCase());
  }

  @Test
  void reportsEveryProblemWithoutQuotingValues() {
    String notHex = "this-is-not-hex-but-secret-looking-value";
    assertThatThrownBy(() -> MachineKeySecret.toSetting("web", "shop-machinekey",
        Map.of("validationKey", notHex, "decryptionKey", "AB".repeat(10)), spec()))
        .isInstanceOfSatisfying(SecretProblemException.class, e -> {
          assertThat(e.reason()).isEqualTo("SecretInvalid");
          assertThat(e.getMessage())
              .contains("web/shop-machinekey")
              .contains("validationKey is not an even-length hex string")
              .contains("decryptionKey has 20 hex characters; AES needs 32, 48 or 64")
              .doesNotContain(notHex)
              .doesNotContain("AB".repeat(10));
        });
  }

  @Test
  void missingKeysAreNamed() {
    assertThatThrownBy(() -> MachineKeySecret.toSetting("web", "k", Map.of(), spec()))
        .hasMessageContaining("key validationKey is missing")
        .hasMessageContaining("key decryptionKey is missing");
  }
}
