package io.iisfarm.operator.simulator.windows;

import io.iisfarm.operator.simulator.windows.CmdNode.If;

/**
 * Evaluates IF conditions as {@code if /?} documents them: EXIST (wildcards allowed, directories
 * count), ERRORLEVEL n (true when ERRORLEVEL is n or more), DEFINED, {@code ==} and the extended
 * comparison operators, which compare numerically when both sides are numbers.
 */
final class IfCondition {
  private IfCondition() {}

  static boolean holds(CmdSession session, If node) {
    boolean result = switch (node.kind()) {
      case EXIST -> exists(session, unquote(node.left()));
      case ERRORLEVEL -> {
        Long n = number(node.left());
        yield n != null && session.errorlevel >= n;
      }
      case DEFINED -> session.env.get(node.left()) != null;
      case COMPARE -> compare(node);
    };
    return node.negate() != result;
  }

  private static boolean exists(CmdSession session, String path) {
    if (path.isEmpty()) {
      return false;
    }
    String full = session.fullPath(path);
    WindowsFileSystem fs = session.fs();
    String name = WindowsFileSystem.nameOf(full);
    if (Wildcards.hasWildcard(name)) {
      String dir = WindowsFileSystem.parentOf(full);
      return fs.isDirectory(dir) && !Wildcards.list(fs, dir, name).isEmpty();
    }
    if (path.endsWith("\\") || path.endsWith("/")) {
      return fs.isDirectory(full);
    }
    return fs.exists(full);
  }

  private static boolean compare(If node) {
    String a = node.left();
    String b = node.right();
    if (node.op().equals("==")) {
      return node.ignoreCase() ? a.equalsIgnoreCase(b) : a.equals(b);
    }
    Long x = number(a);
    Long y = number(b);
    int cmp = (x != null && y != null) ? Long.compare(x, y)
        : (node.ignoreCase() ? a.compareToIgnoreCase(b) : a.compareTo(b));
    return switch (node.op()) {
      case "EQU" -> cmp == 0;
      case "NEQ" -> cmp != 0;
      case "LSS" -> cmp < 0;
      case "LEQ" -> cmp <= 0;
      case "GTR" -> cmp > 0;
      case "GEQ" -> cmp >= 0;
      default -> throw new IllegalStateException(node.op());
    };
  }

  /** Decimal, 0x hex or leading-zero octal, as cmd's numeric comparison reads them. */
  static Long number(String s) {
    try {
      String t = s.trim();
      boolean neg = t.startsWith("-");
      if (neg || t.startsWith("+")) {
        t = t.substring(1);
      }
      long v;
      if (t.regionMatches(true, 0, "0x", 0, 2)) {
        v = Long.parseLong(t.substring(2), 16);
      } else if (t.length() > 1 && t.startsWith("0")) {
        v = Long.parseLong(t.substring(1), 8);
      } else {
        v = Long.parseLong(t);
      }
      return neg ? -v : v;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String unquote(String s) {
    return s.replace("\"", "");
  }
}
