package io.iisfarm.operator.simulator.windows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * {@code certutil [-f] -encode IN OUT} and {@code -decode IN OUT} (Microsoft Learn, "certutil"):
 * encode writes base64 between {@code -----BEGIN CERTIFICATE-----} and {@code -----END CERTIFICATE-----},
 * 64 characters a line, CRLF line ends; decode accepts that form or bare base64, whitespace ignored.
 * It prints {@code Input Length = n}, {@code Output Length = n} and {@code CertUtil: -encode command
 * completed successfully.}; all output goes to stdout. Failures print the HRESULT (with the Win32
 * error name on newer builds) and exit with the HRESULT. Without {@code -f} an existing OUT fails with
 * ERROR_FILE_EXISTS.
 */
final class CertUtilTool {
  private CertUtilTool() {}

  static int run(Programs.Call call) {
    boolean force = false;
    String verb = null;
    List<String> params = new ArrayList<>();
    for (String arg : call.argv()) {
      if ((arg.startsWith("-") || arg.startsWith("/")) && arg.length() > 1) {
        String option = arg.substring(1).toLowerCase(Locale.ROOT);
        if (option.equals("f")) {
          force = true;
        } else if ((option.equals("encode") || option.equals("decode")) && verb == null) {
          verb = option;
        } else {
          throw new NotEmulatedException(call.commandText());
        }
      } else {
        params.add(arg);
      }
    }
    if (verb == null || params.size() != 2) {
      throw new NotEmulatedException(call.commandText());
    }
    CmdSession s = call.session();
    Sink out = call.io().out();
    OsVersion os = s.host.os;
    String in = s.fullPath(params.get(0));
    String target = s.fullPath(params.get(1));
    byte[] input;
    try {
      input = s.fs().read(in);
    } catch (Win32Exception e) {
      return fail(out, os, verb, "DecodeFile", e.error());
    }
    out.println("Input Length = " + input.length);
    byte[] output;
    if (verb.equals("encode")) {
      output = encode(input);
    } else {
      output = decode(input);
      if (output == null) {
        return fail(out, os, verb, "DecodeFile", Win32Error.INVALID_DATA);
      }
    }
    if (!force && s.fs().exists(target)) {
      return fail(out, os, verb, "EncodeToFile", Win32Error.FILE_EXISTS);
    }
    try {
      s.fs().write(target, output);
    } catch (Win32Exception e) {
      return fail(out, os, verb, "EncodeToFile", e.error());
    }
    out.println("Output Length = " + output.length);
    out.println("CertUtil: -" + verb + " command completed successfully.");
    return 0;
  }

  private static int fail(Sink out, OsVersion os, String verb, String function, Win32Error error) {
    String code = "0x" + error.hresultHex() + " (WIN32: " + error.code()
        + (os.certutilNamesErrors() ? " " + error.symbol() : "") + ")";
    out.println(function + " returned " + error.message() + " " + code);
    out.println("CertUtil: -" + verb + " command FAILED: " + code);
    out.println("CertUtil: " + error.message());
    return error.hresult();
  }

  static byte[] encode(byte[] input) {
    String b64 = Base64.getEncoder().encodeToString(input);
    StringBuilder text = new StringBuilder("-----BEGIN CERTIFICATE-----\r\n");
    for (int i = 0; i < b64.length(); i += 64) {
      text.append(b64, i, Math.min(b64.length(), i + 64)).append("\r\n");
    }
    text.append("-----END CERTIFICATE-----\r\n");
    return text.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** Decodes PEM-wrapped or bare base64; null when the data is not base64. */
  static byte[] decode(byte[] input) {
    String text = new String(input, StandardCharsets.ISO_8859_1);
    int begin = text.indexOf("-----BEGIN ");
    if (begin >= 0) {
      int headerEnd = text.indexOf("-----", begin + 11);
      int end = text.indexOf("-----END ", begin);
      if (headerEnd < 0 || end < 0 || end < headerEnd) {
        return null;
      }
      text = text.substring(headerEnd + 5, end);
    }
    ByteArrayOutputStream clean = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        continue;
      }
      if (!(Character.isLetterOrDigit(c) && c < 128) && c != '+' && c != '/' && c != '=') {
        return null;
      }
      clean.write(c);
    }
    try {
      return Base64.getDecoder().decode(clean.toByteArray());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
