package io.iisfarm.operator.host;

import java.util.Base64;

/** Builds text the way the Windows tools print it, for parser tests. */
final class WindowsOutput {
  private WindowsOutput() {}

  /** What {@code certutil -encode} writes: header, 64-character lines, footer, CRLF line ends. */
  static String certutil(byte[] content) {
    String b64 = Base64.getEncoder().encodeToString(content);
    StringBuilder out = new StringBuilder("-----BEGIN CERTIFICATE-----\r\n");
    for (int i = 0; i < b64.length(); i += 64) {
      out.append(b64, i, Math.min(b64.length(), i + 64)).append("\r\n");
    }
    return out.append("-----END CERTIFICATE-----\r\n").toString();
  }

  /** One adsutil ENUM property line: the name padded to 32 columns (adsutil.vbs EnumCommand). */
  static String adsutilProperty(String name, String type, String value) {
    String padded = name.length() < 32 ? name + " ".repeat(32 - name.length()) + ": " : name + " : ";
    String shown = type.equals("STRING") || type.equals("EXPANDSZ") ? "\"" + value + "\"" : value;
    return padded + "(" + type + ") " + shown + "\r\n";
  }

  static String marker(String part) {
    return "==iisfarm:" + part + "==\r\n";
  }

  /** A status line of the current part, e.g. {@code ==iisfarm:@absent==}. */
  static String status(String status) {
    return "==iisfarm:@" + status + "==\r\n";
  }

  /** What {@code call echo ==iisfarm:@<program>:%^errorlevel%==} prints after the program exited. */
  static String exit(String program, int code) {
    return status(program + ":" + code);
  }

  /** A file part's body as the read prints it: certutil's exit code 0, then the file's base64. */
  static String file(byte[] content) {
    return exit("certutil", 0) + certutil(content);
  }
}
