package io.iisfarm.operator.simulator.windows;

import java.util.ArrayList;
import java.util.List;

/**
 * COPY, DEL/ERASE and MKDIR/MD. Messages are cmd's: {@code        1 file(s) copied.},
 * {@code Could Not Find <path>}, {@code A subdirectory or file <path> already exists.} DEL of a
 * missing file in an existing directory prints {@code Could Not Find} and still succeeds; a missing
 * directory fails with ERRORLEVEL 1. Anything that would prompt (COPY over an existing file without
 * /Y, DEL of {@code *} or a directory without /Q) is not emulated.
 */
final class FileCommands {
  private FileCommands() {}

  static boolean copy(CmdSession s, String args, String text, CommandIo io) {
    boolean overwrite = false;
    List<String> paths = new ArrayList<>();
    for (ArgTokens.Token t : ArgTokens.split(args)) {
      if (t.isSwitch()) {
        switch (t.text().toLowerCase(java.util.Locale.ROOT)) {
          case "/y" -> overwrite = true;
          case "/-y" -> overwrite = false;
          case "/b", "/v" -> { }
          default -> throw new NotEmulatedException(text.strip());
        }
      } else {
        paths.add(t.text());
      }
    }
    if (paths.isEmpty()) {
      io.err().println("The syntax of the command is incorrect.");
      return s.result(false, 1);
    }
    if (paths.size() > 2 || paths.get(0).contains("+")) {
      throw new NotEmulatedException(text.strip());
    }
    WindowsFileSystem fs = s.fs();
    String source = paths.get(0);
    String sourceFull = s.fullPath(source);
    String sourceDir = WindowsFileSystem.parentOf(sourceFull);
    List<String> sources = new ArrayList<>();
    boolean wildcard = Wildcards.hasWildcard(WindowsFileSystem.nameOf(sourceFull));
    if (wildcard) {
      if (!fs.isDirectory(sourceDir)) {
        return copyFailed(s, io, s.host.language().message(Win32Error.PATH_NOT_FOUND));
      }
      for (WindowsFileSystem.Entry e : Wildcards.list(fs, sourceDir, WindowsFileSystem.nameOf(sourceFull))) {
        if (!e.directory()) {
          sources.add(sourceDir + "\\" + e.name());
        }
      }
      if (sources.isEmpty()) {
        return copyFailed(s, io, s.host.language().message(Win32Error.FILE_NOT_FOUND));
      }
    } else if (fs.isDirectory(sourceFull)) {
      throw new NotEmulatedException(text.strip());
    } else if (!fs.exists(sourceFull)) {
      Win32Error error = fs.isDirectory(sourceDir) ? Win32Error.FILE_NOT_FOUND : Win32Error.PATH_NOT_FOUND;
      return copyFailed(s, io, s.host.language().message(error));
    } else {
      sources.add(sourceFull);
    }
    String dest = paths.size() > 1 ? paths.get(1) : ".";
    String destFull = s.fullPath(dest);
    boolean intoDirectory = fs.isDirectory(destFull) || dest.endsWith("\\") || dest.endsWith("/");
    if (!intoDirectory && sources.size() > 1) {
      throw new NotEmulatedException(text.strip()); // COPY *.x file concatenates
    }
    String typedPrefix = source.contains("\\") || source.contains("/")
        ? source.substring(0, Math.max(source.lastIndexOf('\\'), source.lastIndexOf('/')) + 1) : "";
    int copied = 0;
    for (String from : sources) {
      String to = intoDirectory ? destFull + "\\" + WindowsFileSystem.nameOf(from) : destFull;
      if (fs.storedCase(to).equalsIgnoreCase(fs.storedCase(from))) {
        return copyFailed(s, io, "The file cannot be copied onto itself.", copied);
      }
      if (fs.exists(to) && !overwrite) {
        throw new NotEmulatedException(text.strip() + " (would prompt to overwrite)");
      }
      try {
        fs.write(to, fs.read(from));
      } catch (Win32Exception e) {
        return copyFailed(s, io, s.host.language().message(e.error()), copied);
      }
      if (wildcard) {
        io.out().println(typedPrefix + WindowsFileSystem.nameOf(from));
      }
      copied++;
    }
    io.out().println(String.format("%9d file(s) copied.", copied));
    return s.result(true, 0);
  }

  private static boolean copyFailed(CmdSession s, CommandIo io, String message) {
    return copyFailed(s, io, message, 0);
  }

  private static boolean copyFailed(CmdSession s, CommandIo io, String message, int copied) {
    io.err().println(message);
    io.out().println(String.format("%9d file(s) copied.", copied));
    return s.result(false, 1);
  }

  static boolean delete(CmdSession s, String args, String text, CommandIo io) {
    boolean quiet = false;
    List<String> names = new ArrayList<>();
    for (ArgTokens.Token t : ArgTokens.split(args)) {
      if (t.isSwitch()) {
        switch (t.text().toLowerCase(java.util.Locale.ROOT)) {
          case "/q" -> quiet = true;
          case "/f" -> { }
          default -> throw new NotEmulatedException(text.strip());
        }
      } else {
        names.add(t.text());
      }
    }
    if (names.isEmpty()) {
      io.err().println("The syntax of the command is incorrect.");
      return s.result(false, 1);
    }
    WindowsFileSystem fs = s.fs();
    boolean failed = false;
    for (String name : names) {
      String full = s.fullPath(name);
      String dir = WindowsFileSystem.parentOf(full);
      String pattern = WindowsFileSystem.nameOf(full);
      if (Wildcards.hasWildcard(pattern)) {
        if (!fs.isDirectory(dir)) {
          io.err().println(s.host.language().message(Win32Error.PATH_NOT_FOUND));
          failed = true;
          continue;
        }
        if (!quiet && (pattern.equals("*") || pattern.equals("*.*"))) {
          throw new NotEmulatedException(text.strip() + " (would ask 'Are you sure (Y/N)?')");
        }
        List<String> matches = new ArrayList<>();
        for (WindowsFileSystem.Entry e : Wildcards.list(fs, dir, pattern)) {
          if (!e.directory()) {
            matches.add(dir + "\\" + e.name());
          }
        }
        if (matches.isEmpty()) {
          io.err().println("Could Not Find " + full);
        }
        matches.forEach(fs::delete);
      } else if (fs.isDirectory(full)) {
        if (!quiet) {
          throw new NotEmulatedException(text.strip() + " (would ask 'Are you sure (Y/N)?')");
        }
        for (WindowsFileSystem.Entry e : fs.list(full)) {
          if (!e.directory()) {
            fs.delete(full + "\\" + e.name());
          }
        }
      } else if (!fs.exists(full)) {
        if (fs.isDirectory(dir)) {
          io.err().println("Could Not Find " + full);
        } else {
          io.err().println(s.host.language().message(Win32Error.PATH_NOT_FOUND));
          failed = true;
        }
      } else {
        fs.delete(full);
      }
    }
    return s.result(!failed, failed ? 1 : 0);
  }

  static boolean mkdir(CmdSession s, String args, CommandIo io) {
    List<ArgTokens.Token> tokens = ArgTokens.split(args);
    if (tokens.isEmpty()) {
      io.err().println("The syntax of the command is incorrect.");
      return s.result(false, 1);
    }
    boolean failed = false;
    for (ArgTokens.Token t : tokens) {
      if (t.isSwitch()) {
        throw new NotEmulatedException("mkdir " + args.strip());
      }
      String full = s.fullPath(t.text());
      try {
        s.fs().mkdirs(full);
      } catch (Win32Exception e) {
        failed = true;
        io.err().println(e.error() == Win32Error.ALREADY_EXISTS
            ? "A subdirectory or file " + t.text() + " already exists." : s.host.language().message(e.error()));
      }
    }
    return s.result(!failed, failed ? 1 : 0);
  }
}
