package io.iisfarm.operator.simulator.windows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * DIR in its bare form ({@code /b}), with {@code /a} (d, -d) and {@code /o} (n, e, s, d, g and their
 * {@code -} reversals) as {@code dir /?} documents them. Without /o, names come in NTFS order
 * (alphabetical, case-insensitive). No match prints {@code File Not Found} and sets ERRORLEVEL 1;
 * the full listing format (volume serial, sizes, totals) is not emulated.
 */
final class DirCommand {
  private DirCommand() {}

  static boolean run(CmdSession s, String args, String text, CommandIo io) {
    boolean bare = false;
    Boolean directories = null;
    String order = null;
    List<String> paths = new ArrayList<>();
    for (ArgTokens.Token t : ArgTokens.split(args)) {
      if (!t.isSwitch()) {
        paths.add(t.text());
        continue;
      }
      String sw = t.text().substring(1).toLowerCase(Locale.ROOT);
      if (sw.equals("b")) {
        bare = true;
      } else if (sw.startsWith("a")) {
        String attrs = sw.substring(1).replace(":", "");
        switch (attrs) {
          case "" -> directories = null;
          case "d" -> directories = true;
          case "-d" -> directories = false;
          default -> throw new NotEmulatedException(text.strip());
        }
      } else if (sw.startsWith("o")) {
        order = sw.substring(1).replace(":", "");
        if (order.isEmpty()) {
          order = "gn";
        }
        if (!order.matches("(-?[nesdg])+")) {
          throw new NotEmulatedException(text.strip());
        }
      } else {
        throw new NotEmulatedException(text.strip());
      }
    }
    if (!bare) {
      throw new NotEmulatedException(text.strip() + " (only dir /b is emulated)");
    }
    if (paths.isEmpty()) {
      paths.add(".");
    }
    WindowsFileSystem fs = s.fs();
    boolean found = false;
    for (String p : paths) {
      String full = s.fullPath(p);
      String dir = full;
      String pattern = "*";
      if (!fs.isDirectory(full)) {
        dir = WindowsFileSystem.parentOf(full);
        pattern = WindowsFileSystem.nameOf(full);
      }
      if (!fs.isDirectory(dir)) {
        io.err().println(s.host.language().message(Win32Error.PATH_NOT_FOUND));
        continue;
      }
      List<WindowsFileSystem.Entry> entries = new ArrayList<>();
      for (WindowsFileSystem.Entry e : Wildcards.list(fs, dir, pattern)) {
        if (directories == null || directories == e.directory()) {
          entries.add(e);
        }
      }
      if (entries.isEmpty()) {
        io.err().println("File Not Found");
        continue;
      }
      found = true;
      if (order != null) {
        entries.sort(comparator(order));
      }
      for (WindowsFileSystem.Entry e : entries) {
        io.out().println(e.name());
      }
    }
    return s.result(found, found ? 0 : 1);
  }

  private static Comparator<WindowsFileSystem.Entry> comparator(String order) {
    Comparator<WindowsFileSystem.Entry> result = null;
    for (int i = 0; i < order.length(); i++) {
      boolean reverse = order.charAt(i) == '-';
      if (reverse) {
        i++;
      }
      Comparator<WindowsFileSystem.Entry> key = switch (order.charAt(i)) {
        case 'n' -> Comparator.comparing(e -> e.name().toUpperCase(Locale.ROOT));
        case 'e' -> Comparator.comparing(e -> extension(e.name()));
        case 's' -> Comparator.comparingLong(WindowsFileSystem.Entry::size);
        case 'd' -> Comparator.comparing(WindowsFileSystem.Entry::lastWrite);
        case 'g' -> Comparator.comparing(e -> !e.directory());
        default -> throw new IllegalStateException();
      };
      key = reverse ? key.reversed() : key;
      result = result == null ? key : result.thenComparing(key);
    }
    return result;
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toUpperCase(Locale.ROOT);
  }
}
