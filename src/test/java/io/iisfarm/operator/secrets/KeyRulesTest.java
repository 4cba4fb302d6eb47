package io.iisfarm.operator.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.api.DecryptionAlgorithm;
import io.iisfarm.operator.api.ValidationAlgorithm;
import io.iisfarm.operator.model.KeyMaterial;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyRulesTest {

  private static KeyMaterial hexOfLength(int hexChars) {
    return KeyMaterial.ofHex("A1".repeat(hexChars / 2));
  }

  @ParameterizedTest
  @CsvSource({
      "SHA1, 38, false", "SHA1, 40, true", "SHA1, 128, true", "SHA1, 130, false",
      "MD5, 40, true", "AES, 128, true",
      "HMACSHA256, 62, false", "HMACSHA256, 64, true",
      "HMACSHA384, 94, false", "HMACSHA384, 96, true",
      "HMACSHA512, 126, false", "HMACSHA512, 128, true"})
  void validationKeyLengthFollowsTheAlgorithm(ValidationAlgorithm algorithm, int hexChars, boolean accepted) {
    assertThat(KeyRules.checkValidationKey(hexOfLength(hexChars), algorithm).isEmpty()).isEqualTo(accepted);
  }

  @ParameterizedTest
  @CsvSource({
      "DES, 16, true", "DES, 32, false",
      "TRIPLE_DES, 48, true", "TRIPLE_DES, 32, false",
      "AES, 32, true", "AES, 48, true", "AES, 64, true", "AES, 16, false", "AES, 40, false",
      "AUTO, 16, true", "AUTO, 64, true", "AUTO, 40, false"})
  void decryptionKeyLengthFollowsTheAlgorithm(DecryptionAlgorithm algorithm, int hexChars, boolean accepted) {
    assertThat(KeyRules.checkDecryptionKey(hexOfLength(hexChars), algorithm).isEmpty()).isEqualTo(accepted);
  }

  @ParameterizedTest
  @CsvSource({"SHA1", "HMACSHA512"})
  void generatedValidationKeysAreAcceptedByTheirOwnRules(ValidationAlgorithm algorithm) {
    KeyMaterial key = new KeyGenerator().validationKey(algorithm);
    assertThat(key.byteLength()).isEqualTo(64);
    assertThat(KeyRules.checkValidationKey(key, algorithm)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"DES, 8", "TRIPLE_DES, 24", "AES, 32", "AUTO, 32"})
  void generatedDecryptionKeysTakeTheLongestLength(DecryptionAlgorithm algorithm, int bytes) {
    KeyMaterial key = new KeyGenerator().decryptionKey(algorithm);
    assertThat(key.byteLength()).isEqualTo(bytes);
    assertThat(KeyRules.checkDecryptionKey(key, algorithm)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"SHA1", "AES"})
  void messagesNameLengthsNeverTheKey(ValidationAlgorithm algorithm) {
    KeyMaterial shortKey = KeyMaterial.ofHex("0123456789ABCDEF");
    assertThat(KeyRules.checkValidationKey(shortKey, algorithm)).hasValueSatisfying(message -> {
      assertThat(message).contains("16 hex characters").doesNotContain("0123456789ABCDEF");
    });
  }
}
