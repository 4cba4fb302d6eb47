package io.iisfarm.operator.simulator.windows;

import io.iisfarm.operator.simulator.windows.CmdNode.For;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * FOR over a set (wildcards expand to files) and FOR /F over a command's output, a string or files,
 * with the options {@code eol= skip= delims= tokens= usebackq} as {@code for /?} documents them. At the
 * command line a FOR variable is written {@code %i}; the batch-file form {@code %%i} is rejected by
 * the parser with cmd's {@code %%i was unexpected at this time.}
 */
final class ForRunner {
  private ForRunner() {}

  static boolean run(CmdSession s, For node, CommandIo io) {
    return node.fileMode() ? runF(s, node, io) : runSet(s, node, io);
  }

  private static boolean runSet(CmdSession s, For node, CommandIo io) {
    boolean ok = true;
    for (String item : items(node.set())) {
      String name = IfCondition.unquote(item);
      if (Wildcards.hasWildcard(name)) {
        String full = s.fullPath(name);
        String dir = WindowsFileSystem.parentOf(full);
        if (!s.fs().isDirectory(dir)) {
          continue;
        }
        int slash = Math.max(name.lastIndexOf('\\'), name.lastIndexOf('/'));
        String prefix = slash < 0 ? "" : name.substring(0, slash + 1);
        for (WindowsFileSystem.Entry e : Wildcards.list(s.fs(), dir, WindowsFileSystem.nameOf(full))) {
          if (!e.directory()) {
            ok = body(s, node, Map.of(node.variable(), prefix + e.name()), io);
          }
        }
      } else {
        ok = body(s, node, Map.of(node.variable(), item), io);
      }
    }
    return ok;
  }

  private static List<String> items(String set) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (char c : set.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      }
      if (!quoted && (Character.isWhitespace(c) || c == ',' || c == ';' || c == '=')) {
        if (cur.length() > 0) {
          out.add(cur.toString());
          cur.setLength(0);
        }
      } else {
        cur.append(c);
      }
    }
    if (cur.length() > 0) {
      out.add(cur.toString());
    }
    return out;
  }

  private record Options(char eol, int skip, String delims, List<Integer> tokens, boolean rest, boolean usebackq) {}

  private static Options options(String text) {
    char eol = ';';
    int skip = 0;
    String delims = " \t";
    List<Integer> tokens = List.of(1);
    boolean rest = false;
    boolean usebackq = false;
    String t = text == null ? "" : text;
    int i = 0;
    while (i < t.length()) {
      if (t.charAt(i) == ' ') {
        i++;
        continue;
      }
      String lower = t.substring(i).toLowerCase(Locale.ROOT);
      if (lower.startsWith("usebackq")) {
        usebackq = true;
        i += 8;
      } else if (lower.startsWith("eol=") && i + 4 < t.length()) {
        eol = t.charAt(i + 4);
        i += 5;
      } else if (lower.startsWith("skip=")) {
        int end = next(t, i);
        Long n = IfCondition.number(t.substring(i + 5, end));
        if (n == null) {
          throw CmdSyntaxException.unexpected(t.substring(i, end) + "\"");
        }
        skip = n.intValue();
        i = end;
      } else if (lower.startsWith("delims=")) {
        int end = delimsEnd(t, i + 7);
        delims = t.substring(i + 7, end);
        i = end;
      } else if (lower.startsWith("tokens=")) {
        int end = next(t, i);
        String spec = t.substring(i + 7, end);
        rest = spec.endsWith("*");
        TreeSet<Integer> set = new TreeSet<>();
        for (String part : (rest ? spec.substring(0, spec.length() - 1) : spec).split(",")) {
          if (part.isEmpty()) {
            continue;
          }
          String[] range = part.split("-");
          try {
            int from = Integer.parseInt(range[0]);
            int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
            for (int k = from; k <= to; k++) {
              set.add(k);
            }
          } catch (NumberFormatException e) {
            throw CmdSyntaxException.unexpected(t.substring(i, end) + "\"");
          }
        }
        tokens = List.copyOf(set);
        i = end;
      } else {
        throw CmdSyntaxException.unexpected(t.substring(i) + "\"");
      }
    }
    return new Options(eol, skip, delims, tokens, rest, usebackq);
  }

  private static int next(String t, int from) {
    int space = t.indexOf(' ', from);
    return space < 0 ? t.length() : space;
  }

  /** delims= runs to the next option keyword (so a space can be a delimiter when it comes last). */
  private static int delimsEnd(String t, int from) {
    String lower = t.toLowerCase(Locale.ROOT);
    int end = t.length();
    for (String k : new String[] {" tokens=", " eol=", " skip=", " usebackq"}) {
      int at = lower.indexOf(k, from);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return end;
  }

  private static boolean runF(CmdSession s, For node, CommandIo io) {
    Options o;
    try {
      o = options(node.options());
    } catch (CmdSyntaxException e) {
      io.err().println(e.getMessage());
      return s.result(false, 255);
    }
    String set = node.set();
    List<String> lines = new ArrayList<>();
    char open = set.isEmpty() ? 0 : set.charAt(0);
    char commandQuote = o.usebackq() ? '`' : '\'';
    char stringQuote = o.usebackq() ? '\'' : '"';
    if (open == commandQuote && set.length() > 1 && set.endsWith(String.valueOf(commandQuote))) {
      Sink.Console captured = new Sink.Console(s.host.consoleCharset());
      s.child().runLine(set.substring(1, set.length() - 1), new CommandIo(captured, io.err()));
      lines.addAll(split(new String(captured.bytes(), s.host.consoleCharset())));
    } else if (open == stringQuote && set.length() > 1 && set.endsWith(String.valueOf(stringQuote))) {
      lines.add(set.substring(1, set.length() - 1));
    } else {
      for (String file : items(set)) {
        try {
          lines.addAll(split(new String(s.fs().read(s.fullPath(IfCondition.unquote(file))),
              StandardCharsets.ISO_8859_1)));
        } catch (Win32Exception e) {
          io.err().println("The system cannot find the file " + IfCondition.unquote(file) + ".");
          return s.result(false, 1);
        }
      }
    }
    boolean ok = true;
    int skipped = 0;
    for (String line : lines) {
      if (skipped < o.skip()) {
        skipped++;
        continue;
      }
      if (line.isEmpty() || line.charAt(0) == o.eol()) {
        continue;
      }
      Map<Character, String> values = tokens(line, o, node.variable());
      if (!values.isEmpty()) {
        ok = body(s, node, values, io);
      }
    }
    return ok;
  }

  private static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      out.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
    if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  /** Splits a line into the requested tokens and names them %x, %y, ... from the FOR variable on. */
  private static Map<Character, String> tokens(String line, Options o, char first) {
    List<int[]> spans = new ArrayList<>();
    int i = 0;
    while (i < line.length()) {
      while (i < line.length() && o.delims().indexOf(line.charAt(i)) >= 0) {
        i++;
      }
      if (i >= line.length()) {
        break;
      }
      int start = i;
      while (i < line.length() && o.delims().indexOf(line.charAt(i)) < 0) {
        i++;
      }
      spans.add(new int[] {start, i});
    }
    Map<Character, String> values = new LinkedHashMap<>();
    char var = first;
    int last = 0;
    for (int n : o.tokens()) {
      if (n >= 1 && n <= spans.size()) {
        int[] span = spans.get(n - 1);
        values.put(var, line.substring(span[0], span[1]));
      }
      last = n;
      var++;
    }
    if (o.rest() && last < spans.size()) {
      values.put(var, line.substring(spans.get(last)[0]));
    }
    return values;
  }

  private static boolean body(CmdSession s, For node, Map<Character, String> values, CommandIo io) {
    Map<Character, String> vars = new HashMap<>(values);
    return s.exec(node.body().substitute(text -> substitute(text, vars, s)), io);
  }

  /** Replaces %x and %~[modifiers]x for the loop variables; other text is left alone. */
  static String substitute(String text, Map<Character, String> vars, CmdSession s) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '%' && i + 1 < text.length()) {
        char n = text.charAt(i + 1);
        if (vars.containsKey(n)) {
          out.append(vars.get(n));
          i += 2;
          continue;
        }
        if (n == '~') {
          int e = i + 2;
          while (e < text.length() && "fdpnxs".indexOf(Character.toLowerCase(text.charAt(e))) >= 0) {
            e++;
          }
          int varAt = e < text.length() && vars.containsKey(text.charAt(e)) ? e
              : (e > i + 2 && vars.containsKey(text.charAt(e - 1)) ? e - 1 : -1);
          if (varAt >= 0) {
            out.append(modify(vars.get(text.charAt(varAt)), text.substring(i + 2, varAt).toLowerCase(Locale.ROOT), s));
            i = varAt + 1;
            continue;
          }
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static String modify(String value, String mods, CmdSession s) {
    String v = IfCondition.unquote(value);
    if (mods.isEmpty()) {
      return v;
    }
    String full = s.fs().storedCase(s.fullPath(v));
    if (mods.contains("f") || mods.contains("s")) {
      return full;
    }
    String name = WindowsFileSystem.nameOf(full);
    int dot = name.lastIndexOf('.');
    StringBuilder out = new StringBuilder();
    if (mods.contains("d")) {
      out.append(full, 0, 2);
    }
    if (mods.contains("p")) {
      String parent = full.substring(2, full.length() - name.length());
      out.append(parent);
    }
    if (mods.contains("n")) {
      out.append(dot < 0 ? name : name.substring(0, dot));
    }
    if (mods.contains("x") && dot >= 0) {
      out.append(name.substring(dot));
    }
    return out.toString();
  }
}
