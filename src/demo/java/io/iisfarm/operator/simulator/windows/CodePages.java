package io.iisfarm.operator.simulator.windows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Windows code page numbers and the Java charsets that encode them (Microsoft Learn, "Code Page Identifiers"). */
public final class CodePages {
  public static final int OEM_US = 437;
  public static final int UTF8 = 65001;

  private CodePages() {}

  /**
   * @throws IllegalArgumentException for a code page this JVM cannot encode
   */
  public static Charset charset(int codePage) {
    return find(codePage).orElseThrow(() -> new IllegalArgumentException("code page " + codePage
        + " is not one the simulator can encode"));
  }

  public static Optional<Charset> find(int codePage) {
    String name = switch (codePage) {
      case UTF8 -> StandardCharsets.UTF_8.name();
      case 932 -> "windows-31j";
      case 936 -> "GBK";
      case 1200 -> "UTF-16LE";
      default -> null;
    };
    for (String candidate : name != null ? new String[] {name}
        : new String[] {"IBM" + codePage, "windows-" + codePage, "x-IBM" + codePage}) {
      if (Charset.isSupported(candidate)) {
        return Optional.of(Charset.forName(candidate));
      }
    }
    return Optional.empty();
  }
}
