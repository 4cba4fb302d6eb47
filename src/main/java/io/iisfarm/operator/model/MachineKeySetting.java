package io.iisfarm.operator.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The attributes of one {@code <machineKey>} element. A null field means the attribute is absent.
 * {@link #fingerprint()} identifies the setting without revealing it.
 */
public record MachineKeySetting(
    KeyAttribute validationKey,
    KeyAttribute decryptionKey,
    String validation,
    String decryption,
    String compatibilityMode) {

  /** Shown instead of a fingerprint when either key is not explicit (each server then derives its own). */
  public static final String AUTO_GENERATE = "AutoGenerate";

  /** Both keys are explicit hex values, so every server holding this setting shares them. */
  public boolean isExplicit() {
    return validationKey != null && validationKey.isExplicit() && decryptionKey != null && decryptionKey.isExplicit();
  }

  /**
   * First 12 hex characters of SHA-256 over the normalised attributes (hex upper-cased, absent attributes
   * left out), or {@value #AUTO_GENERATE} when a key is not explicit.
   */
  public String fingerprint() {
    if (!isExplicit()) {
      return AUTO_GENERATE;
    }
    String normalised = "validationKey=" + validationKey.key().reveal()
        + "\ndecryptionKey=" + decryptionKey.key().reveal()
        + "\nvalidation=" + nullToEmpty(validation)
        + "\ndecryption=" + nullToEmpty(decryption)
        + "\ncompatibilityMode=" + nullToEmpty(compatibilityMode);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  @Override
  public String toString() {
    return "MachineKeySetting[fingerprint=" + fingerprint() + ", validation=" + validation + ", decryption="
        + decryption + ", compatibilityMode=" + compatibilityMode + "]";
  }
}
