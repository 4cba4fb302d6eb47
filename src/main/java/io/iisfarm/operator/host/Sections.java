package io.iisfarm.operator.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Marker lines that split one command's output into named parts: {@code echo ==iisfarm:<part>==}. */
final class Sections {
  private static final Pattern MARKER = Pattern.compile("==iisfarm:([^=\\r\\n]+)==\\r?\\n?");

  private Sections() {}

  static String echo(String part) {
    return "echo ==iisfarm:" + part + "==";
  }

  /** The text after each marker up to the next one, by part name, in order. Text before the first marker is dropped. */
  static Map<String, String> split(String stdout) {
    Map<String, String> parts = new LinkedHashMap<>();
    list(stdout).forEach(part -> parts.put(part.getKey(), part.getValue()));
    return parts;
  }

  /** As {@link #split}, keeping every part even when a name repeats (a marker printed in a loop). */
  static List<Map.Entry<String, String>> list(String stdout) {
    List<Map.Entry<String, String>> parts = new ArrayList<>();
    Matcher m = MARKER.matcher(stdout);
    String current = null;
    int from = 0;
    while (m.find()) {
      if (current != null) {
        parts.add(Map.entry(current, stdout.substring(from, m.start())));
      }
      current = m.group(1);
      from = m.end();
    }
    if (current != null) {
      parts.add(Map.entry(current, stdout.substring(from)));
    }
    return parts;
  }
}
