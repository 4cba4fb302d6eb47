package io.iisfarm.operator.transcript;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The base64 blocks {@code certutil -encode} writes and the read types: a {@code -----BEGIN CERTIFICATE-----} line,
 * base64 in lines of 64 characters, a {@code -----END CERTIFICATE-----} line, every line ending in CR LF
 * (docs/simulator.md, "certutil"). A block is written back in the layout it came in: same line width, same line
 * ending.
 */
final class CertutilBlocks {
  static final String BEGIN = "-----BEGIN CERTIFICATE-----";
  static final String END = "-----END CERTIFICATE-----";
  static final Pattern BLOCK = Pattern.compile(Pattern.quote(BEGIN) + "(\\r?\\n)([A-Za-z0-9+/=\\s]*?)" + Pattern.quote(END));

  private CertutilBlocks() {}

  /** The bytes of a block ({@link #BLOCK}'s match), or null when its base64 is not valid. */
  static byte[] decode(Matcher block) {
    try {
      return Base64.getDecoder().decode(block.group(2).replaceAll("\\s+", ""));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** {@code bytes} as a block in the layout of {@code block}. */
  static String encode(Matcher block, byte[] bytes) {
    String eol = block.group(1);
    String[] lines = block.group(2).split("\\r?\\n");
    int width = lines.length > 1 ? lines[0].length() : 64;
    return encode(bytes, width, eol);
  }

  /** {@code bytes} as certutil writes them: {@code width}-character lines, each ending in {@code eol}. */
  static String encode(byte[] bytes, int width, String eol) {
    String all = Base64.getEncoder().encodeToString(bytes);
    StringBuilder out = new StringBuilder(BEGIN).append(eol);
    for (int i = 0; i < all.length(); i += width) {
      out.append(all, i, Math.min(all.length(), i + width)).append(eol);
    }
    return out.append(END).toString();
  }
}
