package io.iisfarm.operator.simulator.windows;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a program's argument string as the Microsoft C runtime and CommandLineToArgvW do
 * (Microsoft Learn, "Parsing C command-line arguments"): whitespace separates, double quotes group
 * and are removed, {@code 2n} backslashes before a quote become {@code n} and the quote toggles,
 * {@code 2n+1} backslashes before a quote become {@code n} and a literal quote.
 */
final class ArgvParser {
  private ArgvParser() {}

  static List<String> split(String args) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inArg = false;
    boolean quoted = false;
    int i = 0;
    while (i < args.length()) {
      char c = args.charAt(i);
      if (!quoted && (c == ' ' || c == '\t')) {
        if (inArg) {
          out.add(cur.toString());
          cur.setLength(0);
          inArg = false;
        }
        i++;
        continue;
      }
      inArg = true;
      if (c == '\\') {
        int n = 0;
        while (i < args.length() && args.charAt(i) == '\\') {
          n++;
          i++;
        }
        if (i < args.length() && args.charAt(i) == '"') {
          cur.append("\\".repeat(n / 2));
          if (n % 2 == 1) {
            cur.append('"');
            i++;
          }
        } else {
          cur.append("\\".repeat(n));
        }
        continue;
      }
      if (c == '"') {
        if (quoted && i + 1 < args.length() && args.charAt(i + 1) == '"') {
          cur.append('"');
          i += 2;
          continue;
        }
        quoted = !quoted;
        i++;
        continue;
      }
      cur.append(c);
      i++;
    }
    if (inArg) {
      out.add(cur.toString());
    }
    return out;
  }
}
