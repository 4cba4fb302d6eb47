package io.iisfarm.operator.simulator.windows;

import java.util.List;
import java.util.Set;

/**
 * cmd.exe's internal commands. ECHO, TYPE, VER, CD, EXIT here; COPY, DEL, MKDIR in {@link FileCommands};
 * DIR in {@link DirCommand}. Every other internal command exists on Windows but is not emulated.
 * Messages and ERRORLEVELs follow cmd's documentation (Microsoft Learn, "Windows commands") and the
 * native results recorded in Wine's cmd conformance tests.
 */
final class Builtins {
  private static final Set<String> ALL = Set.of("assoc", "break", "call", "cd", "chdir", "cls", "color", "copy",
      "date", "del", "dir", "echo", "endlocal", "erase", "exit", "for", "ftype", "goto", "if", "md", "mkdir",
      "mklink", "move", "path", "pause", "popd", "prompt", "pushd", "rd", "rem", "ren", "rename", "rmdir", "set",
      "setlocal", "shift", "start", "time", "title", "type", "ver", "verify", "vol");

  private Builtins() {}

  static boolean isBuiltin(String word) {
    return ALL.contains(word);
  }

  /** Characters that end an internal command's name: {@code echo.}, {@code dir/b}, {@code cd..}. */
  static boolean endsName(char c) {
    return Character.isWhitespace(c) || ".:/\\(\"+=,;[]".indexOf(c) >= 0;
  }

  static boolean run(CmdSession s, String name, String args, String text, CommandIo io) {
    return switch (name) {
      case "echo" -> echo(args, text, io);
      case "type" -> type(s, args, text, io);
      case "ver" -> ver(s, args, io);
      case "cd", "chdir" -> cd(s, args, text, io);
      case "exit" -> exit(s, args, text);
      case "copy" -> FileCommands.copy(s, args, text, io);
      case "del", "erase" -> FileCommands.delete(s, args, text, io);
      case "md", "mkdir" -> FileCommands.mkdir(s, args, io);
      case "dir" -> DirCommand.run(s, args, text, io);
      case "call" -> call(s, args, text, io);
      default -> throw new NotEmulatedException(text.strip());
    };
  }

  /**
   * ECHO: one delimiter after the name is dropped and the rest printed as is, trailing spaces
   * included; {@code echo.} (and {@code echo:} etc.) print an empty line; no text prints the echo
   * state, which is on in {@code cmd /c}. ERRORLEVEL is left alone.
   */
  private static boolean echo(String args, String text, CommandIo io) {
    if (args.isBlank()) {
      io.out().println("ECHO is on.");
      return true;
    }
    String rest = args.substring(1);
    if (Character.isWhitespace(args.charAt(0))) {
      String word = rest.strip();
      if (word.equalsIgnoreCase("on") || word.equalsIgnoreCase("off")) {
        return true;
      }
      if (word.equals("/?")) {
        throw new NotEmulatedException(text.strip());
      }
    }
    io.out().println(rest);
    return true;
  }

  private static boolean type(CmdSession s, String args, String text, CommandIo io) {
    List<ArgTokens.Token> tokens = ArgTokens.split(args);
    if (tokens.isEmpty()) {
      io.err().println("The syntax of the command is incorrect.");
      return s.result(false, 1);
    }
    if (tokens.size() > 1 || tokens.get(0).isSwitch() || Wildcards.hasWildcard(tokens.get(0).text())) {
      throw new NotEmulatedException(text.strip());
    }
    String path = tokens.get(0).text();
    if (path.equalsIgnoreCase("nul")) {
      return s.result(true, 0);
    }
    try {
      io.out().write(s.fs().read(s.fullPath(path)));
      return s.result(true, 0);
    } catch (Win32Exception e) {
      io.err().println(s.host.language().message(e.error()));
      return s.result(false, 1);
    }
  }

  /**
   * CALL with a command (not a label): the command text goes through percent expansion a second time, now, as
   * it runs, then runs as a simple command (dbenham, "How does the Windows Command Interpreter (CMD.EXE) parse
   * scripts?", phase 6; Microsoft Learn, "call"). {@code call echo %^errorlevel%} at the command line thus prints
   * the ERRORLEVEL of the command before it. Labels, and operators or carets in the expanded text (CALL doubles
   * carets), are not emulated.
   */
  private static boolean call(CmdSession s, String args, String text, CommandIo io) {
    String command = args.strip();
    if (command.isEmpty() || command.startsWith(":")) {
      throw new NotEmulatedException(text.strip());
    }
    String expanded = EnvironmentBlock.expand(command, s::variable);
    if (expanded.chars().anyMatch(c -> "^&|<>()".indexOf(c) >= 0)) {
      throw new NotEmulatedException(text.strip());
    }
    return s.runCommand(expanded, io);
  }

  /** VER prints a blank line, then the version line. */
  private static boolean ver(CmdSession s, String args, CommandIo io) {
    if (args.strip().startsWith("/")) {
      io.err().println("The syntax of the command is incorrect.");
      return s.result(false, 1);
    }
    io.out().print("\r\n" + s.host.language().verLine(s.host.os.version()) + "\r\n");
    return s.result(true, 0);
  }

  private static boolean cd(CmdSession s, String args, String text, CommandIo io) {
    List<ArgTokens.Token> tokens = ArgTokens.split(args);
    boolean changeDrive = false;
    String target = null;
    for (ArgTokens.Token t : tokens) {
      if (t.isSwitch() && t.text().equalsIgnoreCase("/d")) {
        changeDrive = true;
      } else if (t.isSwitch() || target != null) {
        throw new NotEmulatedException(text.strip());
      } else {
        target = t.text();
      }
    }
    if (target == null) {
      io.out().println(s.cwd);
      return s.result(true, 0);
    }
    String full = s.fullPath(target);
    if (Character.toUpperCase(full.charAt(0)) != Character.toUpperCase(s.cwd.charAt(0)) && !changeDrive) {
      throw new NotEmulatedException(text.strip());
    }
    if (!s.fs().exists(full)) {
      io.err().println(s.host.language().message(Win32Error.PATH_NOT_FOUND));
      return s.result(false, 1);
    }
    if (!s.fs().isDirectory(full)) {
      io.err().println("The directory name is invalid.");
      return s.result(false, 1);
    }
    s.cwd = s.fs().storedCase(full);
    return s.result(true, 0);
  }

  /** EXIT [/B] [code] ends the cmd process; without a code the current ERRORLEVEL is kept. */
  private static boolean exit(CmdSession s, String args, String text) {
    List<ArgTokens.Token> tokens = ArgTokens.split(args);
    int code = s.errorlevel;
    for (ArgTokens.Token t : tokens) {
      if (t.isSwitch() && t.text().equalsIgnoreCase("/b")) {
        continue;
      }
      Long n = IfCondition.number(t.text());
      if (t.isSwitch() || n == null) {
        throw new NotEmulatedException(text.strip());
      }
      code = n.intValue();
    }
    throw new CmdSession.ExitException(code);
  }
}
