package io.iisfarm.operator.secrets;

import io.iisfarm.operator.api.DecryptionAlgorithm;
import io.iisfarm.operator.api.ValidationAlgorithm;
import io.iisfarm.operator.model.KeyMaterial;
import java.util.Optional;
import java.util.Set;

/**
 * Which key lengths ASP.NET accepts for each algorithm, and how long generated keys are.
 *
 * <p>Sources: "machineKey Element (ASP.NET Settings Schema)", learn.microsoft.com, .NET 2.0-4.0
 * (w8h3skw9): validationKey 40-128 hex characters (20-64 bytes), 128 recommended; decryptionKey
 * 16 hex characters for DES, 48 for 3DES, 32, 48 or 64 for AES. An HMAC key shorter than its hash
 * weakens it, so HMACSHA256/384/512 also need at least 32/48/64 bytes.
 */
public final class KeyRules {
  private static final int VALIDATION_MIN_BYTES = 20;
  private static final int VALIDATION_MAX_BYTES = 64;

  private KeyRules() {}

  /** Why {@code key} cannot be a validationKey for {@code algorithm}, or empty when it can. */
  public static Optional<String> checkValidationKey(KeyMaterial key, ValidationAlgorithm algorithm) {
    int min = Math.max(VALIDATION_MIN_BYTES, hmacMinimumBytes(algorithm));
    int bytes = key.byteLength();
    if (bytes < min || bytes > VALIDATION_MAX_BYTES) {
      return Optional.of("validationKey has " + bytes * 2 + " hex characters; " + algorithm.wireName()
          + " needs " + min * 2 + " to " + VALIDATION_MAX_BYTES * 2);
    }
    return Optional.empty();
  }

  /** Why {@code key} cannot be a decryptionKey for {@code algorithm}, or empty when it can. */
  public static Optional<String> checkDecryptionKey(KeyMaterial key, DecryptionAlgorithm algorithm) {
    Set<Integer> allowed = decryptionKeyBytes(algorithm);
    if (!allowed.contains(key.byteLength())) {
      return Optional.of("decryptionKey has " + key.byteLength() * 2 + " hex characters; "
          + algorithm.wireName() + " needs " + describeHexLengths(algorithm));
    }
    return Optional.empty();
  }

  /** Bytes of a generated validationKey: the recommended 64. */
  public static int generatedValidationKeyBytes(ValidationAlgorithm algorithm) {
    return VALIDATION_MAX_BYTES;
  }

  /** Bytes of a generated decryptionKey: the longest the algorithm takes. */
  public static int generatedDecryptionKeyBytes(DecryptionAlgorithm algorithm) {
    return decryptionKeyBytes(algorithm).stream().mapToInt(Integer::intValue).max().orElseThrow();
  }

  private static int hmacMinimumBytes(ValidationAlgorithm algorithm) {
    return switch (algorithm) {
      case HMACSHA256 -> 32;
      case HMACSHA384 -> 48;
      case HMACSHA512 -> 64;
      default -> 0;
    };
  }

  private static Set<Integer> decryptionKeyBytes(DecryptionAlgorithm algorithm) {
    return switch (algorithm) {
      case DES -> Set.of(8);
      case TRIPLE_DES -> Set.of(24);
      case AES -> Set.of(16, 24, 32);
      // Auto picks the algorithm from the key, so any of them
      case AUTO -> Set.of(8, 16, 24, 32);
    };
  }

  private static String describeHexLengths(DecryptionAlgorithm algorithm) {
    return switch (algorithm) {
      case DES -> "16";
      case TRIPLE_DES -> "48";
      case AES -> "32, 48 or 64";
      case AUTO -> "16, 32, 48 or 64";
    };
  }
}
