package io.iisfarm.operator.transcript;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;

/**
 * The charset of a console code page, and whether some bytes pass through it unchanged. Code page 437 maps every
 * one of the 256 byte values to its own character, so any output decodes to text and encodes back to the same
 * bytes; UTF-8 (65001) does not (an invalid sequence decodes to U+FFFD).
 */
public final class CodePages {
  private CodePages() {}

  public static Charset charset(int codePage) {
    if (codePage == 65001) {
      return StandardCharsets.UTF_8;
    }
    for (String name : new String[] {"IBM" + codePage, "x-IBM" + codePage, "windows-" + codePage, "cp" + codePage}) {
      try {
        return Charset.forName(name);
      } catch (UnsupportedCharsetException | java.nio.charset.IllegalCharsetNameException e) {
        // try the next spelling
      }
    }
    throw new TranscriptException("code page " + codePage + " has no charset in this Java runtime");
  }

  /** The text of {@code bytes} in {@code charset}, or null when that text would not give the same bytes back. */
  public static String roundTrip(byte[] bytes, Charset charset) {
    String text = new String(bytes, charset);
    return Arrays.equals(text.getBytes(charset), bytes) ? text : null;
  }
}
