package io.iisfarm.operator.secrets;

import io.iisfarm.operator.api.DecryptionAlgorithm;
import io.iisfarm.operator.api.ValidationAlgorithm;
import io.iisfarm.operator.model.KeyMaterial;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Strong random machineKey values sized for the chosen algorithms. */
public final class KeyGenerator {
  private final SecureRandom random;

  public KeyGenerator() {
    this(new SecureRandom());
  }

  KeyGenerator(SecureRandom random) {
    this.random = random;
  }

  public KeyMaterial validationKey(ValidationAlgorithm algorithm) {
    return randomKey(KeyRules.generatedValidationKeyBytes(algorithm));
  }

  public KeyMaterial decryptionKey(DecryptionAlgorithm algorithm) {
    return randomKey(KeyRules.generatedDecryptionKeyBytes(algorithm));
  }

  private KeyMaterial randomKey(int bytes) {
    byte[] buffer = new byte[bytes];
    random.nextBytes(buffer);
    return KeyMaterial.ofHex(HexFormat.of().formatHex(buffer));
  }
}
