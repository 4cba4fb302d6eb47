package io.iisfarm.operator.simulator.windows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Windows wildcard matching: {@code *} and {@code ?}, case-insensitive; {@code *.*} matches every name. */
final class Wildcards {
  private Wildcards() {}

  static boolean hasWildcard(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
  }

  static boolean matches(String pattern, String name) {
    if (pattern.equals("*") || pattern.equals("*.*")) {
      return true;
    }
    String p = pattern.toUpperCase(Locale.ROOT);
    String n = name.toUpperCase(Locale.ROOT);
    if (p.endsWith(".") && !p.endsWith("..")) {
      // "*." means names without an extension
      return n.indexOf('.') < 0 && glob(p.substring(0, p.length() - 1), 0, n, 0);
    }
    return glob(p, 0, n, 0);
  }

  private static boolean glob(String p, int pi, String n, int ni) {
    while (pi < p.length()) {
      char c = p.charAt(pi);
      if (c == '*') {
        for (int k = ni; k <= n.length(); k++) {
          if (glob(p, pi + 1, n, k)) {
            return true;
          }
        }
        return false;
      }
      if (ni >= n.length() || (c != '?' && c != n.charAt(ni))) {
        return false;
      }
      pi++;
      ni++;
    }
    return ni == n.length();
  }

  /** Entries of {@code dir} whose names match, in name order as NTFS returns them. */
  static List<WindowsFileSystem.Entry> list(WindowsFileSystem fs, String dir, String pattern) {
    List<WindowsFileSystem.Entry> out = new ArrayList<>();
    for (WindowsFileSystem.Entry e : fs.list(dir)) {
      if (matches(pattern, e.name())) {
        out.add(e);
      }
    }
    out.sort(Comparator.comparing(e -> e.name().toUpperCase(Locale.ROOT)));
    return out;
  }
}
