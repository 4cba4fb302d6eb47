package io.iisfarm.operator.simulator.wsman;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The charset a shell's output is encoded in, from its {@code WINRS_CODEPAGE} option (MS-WSMV
 * 2.2.4.37): 437 is the OEM code page of an en-US Windows console, 65001 is UTF-8. Without the
 * option the host's OEM code page (437) applies.
 */
final class CodePages {
  static final int OEM_US = 437;
  static final int UTF8 = 65001;
  static final Charset OEM = Charset.forName("IBM437");

  private CodePages() {}

  /**
   * The bytes a shell with code page {@code shell} receives for a command's console output. The
   * emulated host hands over console bytes as ISO-8859-1 characters, written in the OEM code page
   * 437 (see {@code CommandResult}); a 437 shell gets them as they are, another code page gets the
   * same text re-encoded. (Real Windows would pass {@code type}'s file bytes through untouched in
   * any code page; the operator only types ASCII, so the difference never shows.)
   */
  static byte[] toShellCodePage(String consoleText, Charset shell) {
    byte[] oem = consoleText.getBytes(StandardCharsets.ISO_8859_1);
    if (shell.equals(OEM)) {
      return oem;
    }
    return new String(oem, OEM).getBytes(shell);
  }

  static Optional<Charset> forCodePage(String value) {
    int codePage;
    try {
      codePage = value == null ? OEM_US : Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (codePage == UTF8) {
      return Optional.of(StandardCharsets.UTF_8);
    }
    for (String name : new String[] {"IBM" + codePage, "windows-" + codePage, "x-IBM" + codePage}) {
      if (Charset.isSupported(name)) {
        return Optional.of(Charset.forName(name));
      }
    }
    return Optional.empty();
  }
}
