package io.iisfarm.operator.simulator.windows;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the arguments of a cmd built-in the way the built-ins read them: whitespace separates,
 * double quotes protect spaces and are removed, and a word starting with {@code /} outside quotes
 * is a switch even when glued to the next one ({@code /b/o:-n} is two switches).
 */
final class ArgTokens {
  record Token(String text, boolean isSwitch) {}

  private ArgTokens() {}

  static List<Token> split(String raw) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (c == '/') {
        int end = i + 1;
        while (end < raw.length() && !Character.isWhitespace(raw.charAt(end)) && raw.charAt(end) != '/'
            && raw.charAt(end) != '"') {
          end++;
        }
        out.add(new Token(raw.substring(i, end), true));
        i = end;
        continue;
      }
      StringBuilder word = new StringBuilder();
      boolean quoted = false;
      while (i < raw.length()) {
        c = raw.charAt(i);
        if (c == '"') {
          quoted = !quoted;
          i++;
          continue;
        }
        if (!quoted && (Character.isWhitespace(c) || c == '/')) {
          break;
        }
        word.append(c);
        i++;
      }
      out.add(new Token(word.toString(), false));
    }
    return out;
  }
}
