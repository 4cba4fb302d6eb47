package io.iisfarm.operator.transcript;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stand-ins for secret values: random, of the same length and alphabet, and the same stand-in for the same value
 * wherever it appears in one recording, so that two files holding one key still hold one (stand-in) key and
 * their fingerprints still compare equal. A key is matched as ASP.NET compares it, ignoring letter case (the
 * stand-in keeps the original's case, letter by letter). The originals stay in memory, for the scan that proves
 * none of them is written; nothing maps stand-ins back.
 */
final class StandIns {
  private static final String HEX = "0123456789ABCDEF";
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  private static final String DIGITS = "0123456789";
  private static final String BASE64 = UPPER + LOWER + DIGITS + "+/";

  private final SecureRandom random = new SecureRandom();
  private final Map<String, String> keys = new HashMap<>();
  private final Map<String, String> ciphers = new HashMap<>();
  private final List<String> originals = new ArrayList<>();

  /** A stand-in for a validationKey or decryptionKey value (hex, or whatever the file holds). */
  synchronized String key(String value) {
    if (value.isEmpty()) {
      return value;
    }
    String canonical = keys.computeIfAbsent(value.toUpperCase(Locale.ROOT), upper -> {
      originals.add(upper);
      return fresh(upper, isHex(upper) ? HEX : null);
    });
    boolean hasLower = value.chars().anyMatch(Character::isLowerCase);
    boolean hasUpper = value.chars().anyMatch(Character::isUpperCase);
    if (!hasLower) {
      return canonical;
    }
    if (!hasUpper) {
      return canonical.toLowerCase(Locale.ROOT);
    }
    // mixed case: letter by letter; a digit's place takes a digit's case, upper
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = canonical.charAt(i);
      out.append(Character.isLowerCase(value.charAt(i)) ? Character.toLowerCase(c) : c);
    }
    return out.toString();
  }

  /** A stand-in for the base64 of a {@code <CipherValue>}; whitespace and padding stay where they were. */
  synchronized String cipher(String value) {
    if (value.isBlank()) {
      return value;
    }
    return ciphers.computeIfAbsent(value, v -> {
      originals.add(v.strip());
      StringBuilder out = new StringBuilder(v.length());
      for (char c : v.toCharArray()) {
        out.append(BASE64.indexOf(c) >= 0 ? BASE64.charAt(random.nextInt(BASE64.length())) : c);
      }
      return out.toString();
    });
  }

  /** A password: as many {@code *} as it has characters. */
  synchronized String mask(String value) {
    if (!value.isEmpty()) {
      originals.add(value);
    }
    return "*".repeat(value.length());
  }

  /** Every original value replaced so far (in memory only), for the scan of what is written. */
  synchronized List<String> originals() {
    return List.copyOf(originals);
  }

  private String fresh(String upper, String alphabet) {
    if (alphabet == null && upper.chars().noneMatch(Character::isLetterOrDigit)) {
      return upper;
    }
    while (true) {
      StringBuilder out = new StringBuilder(upper.length());
      for (char c : upper.toCharArray()) {
        String from = alphabet != null ? alphabet
            : Character.isDigit(c) ? DIGITS : Character.isUpperCase(c) ? UPPER : Character.isLowerCase(c) ? LOWER : null;
        out.append(from == null ? c : from.charAt(random.nextInt(from.length())));
      }
      String candidate = out.toString();
      if (!candidate.equals(upper) && !keys.containsValue(candidate)) {
        return candidate;
      }
    }
  }

  private static boolean isHex(String s) {
    return s.chars().allMatch(c -> HEX.indexOf(c) >= 0);
  }
}
