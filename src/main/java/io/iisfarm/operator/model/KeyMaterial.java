package io.iisfarm.operator.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Objects;

/**
 * A hex key (validationKey or decryptionKey). Its value leaves this object only through {@link #reveal()},
 * which the config writer and the Secret writer call; {@code toString()} never shows it.
 */
public final class KeyMaterial {
  private final String hex;

  private KeyMaterial(String hex) {
    this.hex = hex;
  }

  /** Accepts an even-length hex string; the value is normalised to upper case as ASP.NET writes it. */
  public static KeyMaterial ofHex(String hex) {
    Objects.requireNonNull(hex, "hex");
    String trimmed = hex.strip();
    if (trimmed.isEmpty() || trimmed.length() % 2 != 0 || !trimmed.chars().allMatch(KeyMaterial::isHexDigit)) {
      // never echo the value: it may be a real key with a typo
      throw new IllegalArgumentException("key is not an even-length hex string (" + trimmed.length() + " characters)");
    }
    return new KeyMaterial(trimmed.toUpperCase(Locale.ROOT));
  }

  /** True when {@code s} could be a key: even-length hex. */
  public static boolean isHex(String s) {
    return s != null && !s.isEmpty() && s.length() % 2 == 0 && s.chars().allMatch(KeyMaterial::isHexDigit);
  }

  private static boolean isHexDigit(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** Length in bytes. */
  public int byteLength() { return hex.length() / 2; }

  /** The upper-case hex value, for writing a config file or a Secret. Never log it. */
  public String reveal() { return hex; }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyMaterial other
        && MessageDigest.isEqual(hex.getBytes(StandardCharsets.US_ASCII), other.hex.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public int hashCode() { return hex.length(); }

  @Override
  public String toString() { return "KeyMaterial[" + byteLength() + " bytes, redacted]"; }
}
