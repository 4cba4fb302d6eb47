package io.iisfarm.operator.host;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The base64 form {@code certutil -encode} writes and {@code certutil -decode} reads: a
 * {@code -----BEGIN CERTIFICATE-----} line, base64 lines, and a {@code -----END CERTIFICATE-----} line
 * (learn.microsoft.com/windows-server/administration/windows-commands/certutil, -encode and -decode).
 */
final class CertutilBase64 {
  static final String BEGIN = "-----BEGIN CERTIFICATE-----";
  static final String END = "-----END CERTIFICATE-----";

  private CertutilBase64() {}

  /**
   * @throws IllegalArgumentException when the text has no BEGIN/END pair or bad base64
   */
  static byte[] decode(String text) {
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END, begin < 0 ? 0 : begin);
    if (begin < 0 || end < 0) {
      throw new IllegalArgumentException("no certutil base64 block");
    }
    String body = text.substring(begin + BEGIN.length(), end).replaceAll("\\s+", "");
    try {
      return Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid base64 in the certutil block");
    }
  }

  /**
   * Splits a file's base64 into lines of at most {@code maxLine} characters, choosing the breaks so that no
   * line but the last ends in a digit: in {@code echo abc1>>file} cmd may take {@code 1>>} for a redirection
   * of handle 1 and drop the digit. The writer puts a space before {@code >>} after a last line that does end
   * in a digit (certutil skips whitespace in base64).
   */
  static List<String> lines(byte[] content, int maxLine) {
    String all = Base64.getEncoder().encodeToString(content);
    List<String> lines = new ArrayList<>();
    int pos = 0;
    while (pos < all.length()) {
      int end = Math.min(all.length(), pos + maxLine);
      if (end < all.length()) {
        int cut = end;
        while (cut > pos + 1 && Character.isDigit(all.charAt(cut - 1))) {
          cut--;
        }
        if (!Character.isDigit(all.charAt(cut - 1))) {
          end = cut;
        } else {
          // maxLine digits in a row: extend to the next non-digit instead
          while (end < all.length() && Character.isDigit(all.charAt(end - 1))) {
            end++;
          }
        }
      }
      lines.add(all.substring(pos, end));
      pos = end;
    }
    return lines;
  }
}
