package io.iisfarm.operator.transcript;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * How a replay matches a command line with a recorded one. Every read names a temp file of its own,
 * {@code %TEMP%\iisfarm-<kind>-<8 hex>.b64}, random per read; the key is the command line with those 8 hex digits
 * replaced by {@value #TOKEN}. Everything else must be equal, character for character.
 */
public final class CommandKey {
  public static final String TOKEN = "XXXXXXXX";
  private static final int SHOWN = 160;
  private static final Pattern SECRET_LOOKING = Pattern.compile("[A-Za-z0-9+/=]{16,}");
  private static final Pattern TEMP_FILE = Pattern.compile("(iisfarm-[a-z]+-)[0-9a-fA-F]{8}(\\.b64)");

  private CommandKey() {}

  public static String of(String commandLine) {
    return TEMP_FILE.matcher(commandLine).replaceAll("$1" + TOKEN + "$2");
  }

  /**
   * Names a command line for a message: the line as matched (temp-file tokens normalised), with every run of 16 or
   * more base64 or hex characters shown as its length only (a write carries key material in base64), cut after
   * {@value #SHOWN} characters; then its full length.
   */
  public static String describe(String commandLine) {
    String shown = SECRET_LOOKING.matcher(of(commandLine).strip())
        .replaceAll(m -> "<" + m.group().length() + " characters>");
    if (shown.length() > SHOWN) {
      shown = shown.substring(0, SHOWN) + "...";
    }
    return "\"" + shown + "\" (" + commandLine.length() + " characters)";
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
