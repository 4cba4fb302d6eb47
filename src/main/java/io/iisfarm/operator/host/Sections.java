package io.iisfarm.operator.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marker lines that split one command's output into named parts, {@code echo ==iisfarm:<part>==}, and the
 * status lines a part carries, {@code ==iisfarm:@<status>==}: a program's exit code
 * ({@code call echo ==iisfarm:@certutil:%^errorlevel%==}) or a fact such as {@code ==iisfarm:@absent==}. Status
 * lines belong to the part they appear in and are not part of its text.
 */
final class Sections {
  private static final Pattern MARKER = Pattern.compile("==iisfarm:([^=\\r\\n]+)==\\r?\\n?");
  private static final Pattern EXIT = Pattern.compile("([A-Za-z0-9_.-]+):(-?\\d+)");

  /** One part: its text without status lines, and the statuses printed in it, in order. */
  record Part(String name, String text, List<String> statuses) {

    /** The exit code {@link #exitCode(String)} echoed for {@code program}, if it did. */
    OptionalInt exitCode(String program) {
      for (String status : statuses) {
        Matcher m = EXIT.matcher(status);
        if (m.matches() && m.group(1).equalsIgnoreCase(program)) {
          try {
            return OptionalInt.of(Integer.parseInt(m.group(2)));
          } catch (NumberFormatException e) {
            return OptionalInt.empty();
          }
        }
      }
      return OptionalInt.empty();
    }

    boolean has(String status) {
      return statuses.contains(status);
    }
  }

  private Sections() {}

  static String echo(String part) {
    return "echo ==iisfarm:" + part + "==";
  }

  /** Prints a status line in the current part. */
  static String status(String status) {
    return "echo ==iisfarm:@" + status + "==";
  }

  /**
   * Prints the exit code of the program that ran just before, as a status of the current part. {@code CALL}
   * expands {@code %errorlevel%} when it runs: at the command line {@code %^errorlevel%} is no variable and
   * survives the line's percent expansion, and the escape removes the caret before CALL's own expansion
   * (cmd's parsing phases as described in "How does the Windows Command Interpreter (CMD.EXE) parse scripts?",
   * Stack Overflow; Microsoft Learn, "call"). {@code %errorlevel%} itself would be expanded once, before
   * anything on the line ran.
   */
  static String exitCode(String program) {
    return "call echo ==iisfarm:@" + program + ":%^errorlevel%==";
  }

  /** The text after each marker up to the next one, by part name, in order; status lines removed. */
  static Map<String, String> split(String stdout) {
    Map<String, String> parts = new LinkedHashMap<>();
    parts(stdout).forEach(part -> parts.put(part.name(), part.text()));
    return parts;
  }

  /** Each part by name (the last one of a repeated name wins). */
  static Map<String, Part> byName(String stdout) {
    Map<String, Part> parts = new LinkedHashMap<>();
    parts(stdout).forEach(part -> parts.put(part.name(), part));
    return parts;
  }

  /** As {@link #split}, keeping every part even when a name repeats (a marker printed in a loop). */
  static List<Map.Entry<String, String>> list(String stdout) {
    return parts(stdout).stream().map(p -> Map.entry(p.name(), p.text())).toList();
  }

  /** Every part in order, with its statuses. Text before the first marker is dropped. */
  static List<Part> parts(String stdout) {
    List<Part> parts = new ArrayList<>();
    Matcher m = MARKER.matcher(stdout);
    String current = null;
    StringBuilder text = new StringBuilder();
    List<String> statuses = new ArrayList<>();
    int from = 0;
    while (m.find()) {
      if (current != null) {
        text.append(stdout, from, m.start());
      }
      from = m.end();
      String name = m.group(1);
      if (name.startsWith("@")) {
        statuses.add(name.substring(1));
        continue;
      }
      if (current != null) {
        parts.add(new Part(current, text.toString(), List.copyOf(statuses)));
      }
      current = name;
      text.setLength(0);
      statuses.clear();
    }
    if (current != null) {
      text.append(stdout, from, stdout.length());
      parts.add(new Part(current, text.toString(), List.copyOf(statuses)));
    }
    return parts;
  }
}
