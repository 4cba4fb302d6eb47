package io.iisfarm.operator.host;

import io.iisfarm.operator.model.IisVersion;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code ver} prints, e.g. {@code Microsoft Windows [Version 10.0.17763.1]}, and the server release and
 * IIS version that go with it. IIS ships with Windows: 6.0 with Server 2003 (5.2), 7.0 with 2008 (6.0),
 * 7.5 with 2008 R2 (6.1), 8.0 with 2012 (6.2), 8.5 with 2012 R2 (6.3), 10.0 from 2016 (10.0)
 * (learn.microsoft.com/iis/get-started/whats-new-in-iis-*, "IIS versions" support lifecycle pages).
 */
record WindowsVersion(String line, int major, int minor, int build) {

  /**
   * The bracketed version, whatever word precedes the numbers: Windows localizes it ({@code [Versión 10.0...]}
   * in Spanish, {@code [version ...]} in French, {@code [Версия ...]} in Russian, {@code [版本 ...]} in Chinese,
   * which a code page 437 shell prints as {@code [?? ...]}); the numbers are the same everywhere.
   */
  private static final Pattern VER = Pattern.compile("\\[[^\\]\\d\\r\\n]*?(\\d+)\\.(\\d+)\\.(\\d+)(?:\\.\\d+)?\\]");

  /**
   * @throws IllegalArgumentException when no version line is found
   */
  static WindowsVersion parse(String verOutput) {
    Matcher m = VER.matcher(verOutput);
    if (!m.find()) {
      throw new IllegalArgumentException("no \"Microsoft Windows [<version> x.y.z]\" line");
    }
    int lineStart = verOutput.lastIndexOf('\n', m.start()) + 1;
    String line = verOutput.substring(lineStart, m.end()).strip();
    return new WindowsVersion(line, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)));
  }

  /** The server release, e.g. {@code Windows Server 2019}; builds from Microsoft's release tables. */
  String serverName() {
    if (major == 5 && minor == 2) {
      return "Windows Server 2003";
    }
    if (major == 6) {
      return switch (minor) {
        case 0 -> "Windows Server 2008";
        case 1 -> "Windows Server 2008 R2";
        case 2 -> "Windows Server 2012";
        case 3 -> "Windows Server 2012 R2";
        default -> "Windows " + major + "." + minor;
      };
    }
    if (major == 10) {
      if (build >= 26100) {
        return "Windows Server 2025";
      }
      if (build >= 20348) {
        return "Windows Server 2022";
      }
      if (build >= 17763) {
        return "Windows Server 2019";
      }
      return "Windows Server 2016";
    }
    return "Windows " + major + "." + minor;
  }

  /** The IIS that comes with this Windows when appcmd is present (IIS7 and later). */
  IisVersion iisWithAppcmd() {
    if (major == 6) {
      return switch (minor) {
        case 0 -> new IisVersion(7, 0);
        case 1 -> new IisVersion(7, 5);
        case 2 -> new IisVersion(8, 0);
        default -> new IisVersion(8, 5);
      };
    }
    return new IisVersion(10, 0);
  }

  /** The IIS that comes with this Windows when only the metabase scripts are present (IIS6 and earlier). */
  IisVersion iisWithMetabase() {
    if (major == 5 && minor < 2) {
      return new IisVersion(5, minor);
    }
    return new IisVersion(6, 0);
  }
}
