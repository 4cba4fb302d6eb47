package io.iisfarm.operator.simulator.windows;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * The switches of cmd.exe itself: {@code /c string} and the quote rule {@code cmd /?} describes.
 * {@code /s /q /d} are accepted; other switches (and {@code /k}) are not emulated.
 */
final class CmdExe {
  private CmdExe() {}

  /**
   * Returns the command string that {@code cmd [switches] /c string} runs.
   *
   * <p>The quote rule: if {@code /s} is absent, the string holds exactly two quotes, nothing between
   * them is one of {@code &<>()@^|}, there is whitespace between them and the quoted text names an
   * executable, the quotes are kept; otherwise a leading quote and the last quote are removed.
   */
  static String commandString(String args, Predicate<String> isExecutable) {
    int i = 0;
    boolean sSwitch = false;
    while (true) {
      while (i < args.length() && Character.isWhitespace(args.charAt(i))) {
        i++;
      }
      if (i + 1 >= args.length() || args.charAt(i) != '/') {
        throw new NotEmulatedException("cmd " + args.strip() + " (only cmd /c is emulated)");
      }
      char sw = Character.toLowerCase(args.charAt(i + 1));
      boolean alone = i + 2 >= args.length() || Character.isWhitespace(args.charAt(i + 2)) || args.charAt(i + 2) == '"'
          || args.charAt(i + 2) == '/';
      if (sw == 'c' && alone) {
        return quoteRule(args.substring(i + 2), sSwitch, isExecutable);
      }
      if (!alone || "sqd".indexOf(sw) < 0) {
        throw new NotEmulatedException("cmd " + args.strip());
      }
      sSwitch |= sw == 's';
      i += 2;
    }
  }

  private static String quoteRule(String s, boolean sSwitch, Predicate<String> isExecutable) {
    String t = s.stripLeading();
    if (!t.startsWith("\"")) {
      return t;
    }
    long quotes = t.chars().filter(c -> c == '"').count();
    if (!sSwitch && quotes == 2) {
      String inner = t.substring(1, t.indexOf('"', 1));
      boolean special = inner.chars().anyMatch(c -> "&<>()@^|".indexOf(c) >= 0);
      boolean space = inner.chars().anyMatch(Character::isWhitespace);
      if (!special && space && isExecutable.test(inner)) {
        return t;
      }
    }
    int last = t.lastIndexOf('"');
    return last == 0 ? t.substring(1) : t.substring(1, last) + t.substring(last + 1);
  }

  /** True when {@code line} starts with {@code cmd} or {@code cmd.exe}, possibly with a path, then a switch. */
  static boolean startsWithCmd(String line) {
    String t = line.stripLeading();
    int end = programEnd(t);
    String program = t.substring(0, end).replace("\"", "").toLowerCase(Locale.ROOT);
    String name = program.substring(Math.max(program.lastIndexOf('\\'), program.lastIndexOf('/')) + 1);
    return name.equals("cmd") || name.equals("cmd.exe");
  }

  /** The text after the program name of a line for which {@link #startsWithCmd} holds. */
  static String argsAfterProgram(String line) {
    String t = line.stripLeading();
    return t.substring(programEnd(t));
  }

  /** Where the program name at the start of {@code t} ends: at whitespace outside quotes, or at a switch's slash. */
  private static int programEnd(String t) {
    int end = 0;
    boolean quoted = false;
    while (end < t.length() && (quoted || !Character.isWhitespace(t.charAt(end)))) {
      if (t.charAt(end) == '"') {
        quoted = !quoted;
      }
      if (!quoted && t.charAt(end) == '/' && end > 0) {
        break;
      }
      end++;
    }
    return end;
  }
}
