package io.iisfarm.operator.host;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An XML file's bytes decoded as the XML rules say (byte order mark, else the declaration's encoding, else
 * UTF-8), keeping what is needed to map character positions back to byte positions.
 *
 * @param text the characters after the byte order mark
 * @param bomLength bytes of byte order mark before them
 */
record XmlBytes(byte[] bytes, String text, Charset charset, int bomLength) {

  private static final Pattern DECLARED_ENCODING =
      Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

  /**
   * @throws IllegalArgumentException when the bytes are not valid in the encoding they declare
   */
  static XmlBytes decode(byte[] bytes) {
    Charset charset;
    int bom = 0;
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      charset = StandardCharsets.UTF_8;
      bom = 3;
    } else if (startsWith(bytes, 0xFF, 0xFE)) {
      charset = StandardCharsets.UTF_16LE;
      bom = 2;
    } else if (startsWith(bytes, 0xFE, 0xFF)) {
      charset = StandardCharsets.UTF_16BE;
      bom = 2;
    } else {
      charset = declared(bytes);
    }
    try {
      String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, bom, bytes.length - bom)).toString();
      return new XmlBytes(bytes, text, charset, bom);
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the file is not valid " + charset.name());
    }
  }

  private static Charset declared(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
    Matcher m = DECLARED_ENCODING.matcher(head);
    if (!m.find()) {
      return StandardCharsets.UTF_8;
    }
    String name = m.group(1);
    if (name.equalsIgnoreCase("UTF-16")) {
      // UTF-16 without a byte order mark is big-endian (XML 1.0 appendix F)
      return StandardCharsets.UTF_16BE;
    }
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new IllegalArgumentException("the file declares an unknown encoding: " + name);
    }
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The byte offset of character offset {@code charIndex} of {@link #text()}. */
  int byteOffset(int charIndex) {
    return bomLength + encode(text.substring(0, charIndex)).length;
  }

  byte[] encode(String s) {
    try {
      ByteBuffer buffer = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(s));
      byte[] out = new byte[buffer.remaining()];
      buffer.get(out);
      return out;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("text cannot be written in " + charset.name());
    }
  }

  /** The line break the file mostly uses. */
  String lineBreak() {
    int crlf = 0;
    int lf = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (i > 0 && text.charAt(i - 1) == '\r') {
          crlf++;
        } else {
          lf++;
        }
      }
    }
    return lf > crlf ? "\n" : "\r\n";
  }
}
