package io.iisfarm.operator.simulator.windows;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Environment variables as Windows keeps them: names compared case-insensitively, stored as first written. */
final class EnvironmentBlock {
  private final Map<String, String[]> vars = new LinkedHashMap<>();

  EnvironmentBlock() {}

  EnvironmentBlock(EnvironmentBlock other) {
    other.vars.forEach((k, v) -> vars.put(k, v.clone()));
  }

  void put(String name, String value) {
    String key = name.toUpperCase(Locale.ROOT);
    String[] existing = vars.get(key);
    vars.put(key, new String[] {existing == null ? name : existing[0], value});
  }

  String get(String name) {
    String[] entry = vars.get(name.toUpperCase(Locale.ROOT));
    return entry == null ? null : entry[1];
  }

  /** Name to value, with names in their stored case. */
  Map<String, String> asMap() {
    Map<String, String> out = new LinkedHashMap<>();
    vars.values().forEach(e -> out.put(e[0], e[1]));
    return Collections.unmodifiableMap(out);
  }

  /**
   * Replaces {@code %NAME%} with the variable's value as cmd.exe does at the command line: a name
   * that is not defined is left as written, and {@code %%} stays {@code %%}.
   */
  String expand(String text) {
    return expand(text, this::get);
  }

  /** As {@link #expand(String)}, looking names up through {@code lookup} (null means undefined). */
  static String expand(String text, java.util.function.Function<String, String> lookup) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '%') {
        out.append(c);
        i++;
        continue;
      }
      int end = text.indexOf('%', i + 1);
      if (end < 0) {
        out.append(text, i, text.length());
        break;
      }
      String name = text.substring(i + 1, end);
      String value = name.isEmpty() ? null : lookup.apply(name);
      if (value != null) {
        out.append(value);
        i = end + 1;
      } else {
        // not a variable: keep the first % and rescan from the second, which may open a real one
        out.append('%');
        i = i + 1;
        if (name.isEmpty()) {
          out.append('%');
          i = end + 1;
        }
      }
    }
    return out.toString();
  }
}
