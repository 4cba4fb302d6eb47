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

  private CodePages() {}

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
