package io.iisfarm.operator.simulator.wsman;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The MIME framing of a WinRM message sealed by the authentication protocol over plain HTTP (MS-WSMV 2.2.9.1,
 * "Encrypted Message Types"; the layout pywinrm and winrm4j send and Windows answers):
 * {@code --Encrypted Boundary}, tab-indented headers naming the protocol and the original length, a second part
 * of type application/octet-stream carrying the wrapped message, and {@code --Encrypted Boundary--}.
 */
final class EncryptedMessage {
  static final String CONTENT_TYPE = "multipart/encrypted;protocol=\"application/HTTP-SPNEGO-session-encrypted\";"
      + "boundary=\"Encrypted Boundary\"";
  private static final byte[] BOUNDARY = "--Encrypted Boundary\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END = "--Encrypted Boundary--\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OCTET_STREAM = "\tContent-Type: application/octet-stream\r\n"
      .getBytes(StandardCharsets.US_ASCII);

  private EncryptedMessage() {}

  static boolean isEncrypted(String contentType) {
    return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/encrypted")
        && contentType.contains("HTTP-SPNEGO-session-encrypted");
  }

  /** The wrapped message of the second part; null when the body is not in this layout. */
  static byte[] payload(byte[] body) {
    int header = indexOf(body, OCTET_STREAM, 0);
    int end = lastIndexOf(body, END);
    if (indexOf(body, BOUNDARY, 0) != 0 || header < 0 || end < header) {
      return null;
    }
    return Arrays.copyOfRange(body, header + OCTET_STREAM.length, end);
  }

  /** A body for {@code wrapped}, the sealed form of a message of {@code originalLength} bytes. */
  static byte[] frame(byte[] wrapped, int originalLength) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(wrapped.length + 256);
    out.writeBytes(BOUNDARY);
    out.writeBytes(("\tContent-Type: application/HTTP-SPNEGO-session-encrypted\r\n"
        + "\tOriginalContent: type=application/soap+xml;charset=UTF-8;Length=" + originalLength + "\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(BOUNDARY);
    out.writeBytes(OCTET_STREAM);
    out.writeBytes(wrapped);
    out.writeBytes(END);
    return out.toByteArray();
  }

  private static int indexOf(byte[] data, byte[] part, int from) {
    outer:
    for (int i = from; i <= data.length - part.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (data[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static int lastIndexOf(byte[] data, byte[] part) {
    for (int i = data.length - part.length; i >= 0; i--) {
      if (Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    return -1;
  }
}
