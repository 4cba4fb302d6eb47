package io.iisfarm.operator.simulator.windows;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds and runs external programs the way cmd.exe searches for them: the current directory, then
 * each %PATH% directory, trying the name as given and with each %PATHEXT% extension. A program that
 * does not exist gives cmd's {@code 'X' is not recognized as an internal or external command,} message
 * and ERRORLEVEL 9009; a directory part that does not exist gives {@code The system cannot find the
 * path specified.} and ERRORLEVEL 3. A program that exists but is not emulated fails loudly.
 */
final class Programs {
  /** One program run: its resolved path, argument text and handles. */
  record Call(CmdSession session, String programPath, String args, String commandText, CommandIo io) {
    List<String> argv() {
      return ArgvParser.split(args);
    }

    HostRuntime host() {
      return session.host;
    }
  }

  /** An emulated program. Returns the process exit code. */
  @FunctionalInterface
  interface Tool {
    int run(Call call);
  }

  private Programs() {}

  static boolean run(CmdSession s, String text, CommandIo io) {
    String t = text.strip();
    int end;
    if (t.startsWith("\"")) {
      int close = t.indexOf('"', 1);
      end = close < 0 ? t.length() : close + 1;
    } else {
      end = 0;
      while (end < t.length() && !Character.isWhitespace(t.charAt(end)) && t.charAt(end) != '"') {
        end++;
      }
    }
    String typed = t.substring(0, end);
    String program = typed.replace("\"", "");
    String args = t.substring(end);
    String path;
    try {
      path = resolve(s, program);
    } catch (Win32Exception e) {
      io.err().println(s.host.language().message(Win32Error.PATH_NOT_FOUND));
      return s.result(false, 3);
    }
    if (path == null) {
      io.err().println(s.host.language().notRecognized(typed));
      return s.result(false, 9009);
    }
    String fileName = WindowsFileSystem.nameOf(path).toLowerCase(Locale.ROOT);
    Optional<ProgramFaults.ProgramFault> fault = s.host.programFaults().find(fileName, args);
    if (fault.isPresent() && fault.get().blockedBy() != null) {
      // the start itself fails: cmd prints the error's message and the program never runs
      io.err().println(fault.get().blockedBy().message());
      return s.result(false, fault.get().blockedBy().error());
    }
    Tool tool = toolFor(fileName);
    if (tool == null) {
      throw new NotEmulatedException(t);
    }
    if (fault.isPresent()) {
      return s.result(false, faulted(fault.get(), tool, new Call(s, path, args, t, io)));
    }
    int code = tool.run(new Call(s, path, args, t, io));
    return s.result(code == 0, code);
  }

  /** A program that fails on purpose: not at all run, or run with only its first lines of output kept. */
  private static int faulted(ProgramFaults.ProgramFault fault, Tool tool, Call call) {
    if (fault.keepLines() != null) {
      Sink.Console captured = new Sink.Console(call.io().out().charset());
      tool.run(new Call(call.session(), call.programPath(), call.args(), call.commandText(),
          new CommandIo(captured, call.io().err())));
      String[] lines = new String(captured.bytes(), captured.charset()).split("(?<=\n)");
      for (int i = 0; i < Math.min(fault.keepLines(), lines.length); i++) {
        call.io().out().print(lines[i]);
      }
    }
    call.io().out().print(fault.stdout());
    call.io().err().print(fault.stderr());
    return fault.exitCode();
  }

  private static Tool toolFor(String fileName) {
    return switch (fileName) {
      case "cmd.exe" -> Programs::nestedCmd;
      case "certutil.exe" -> CertUtilTool::run;
      case "appcmd.exe" -> AppCmdTool::run;
      case "cscript.exe" -> CscriptHost::run;
      case "hostname.exe" -> Programs::hostname;
      case "nlb.exe", "wlbs.exe" -> NlbTool::run;
      default -> null;
    };
  }

  /**
   * The full path of the program cmd would start, or null when there is none.
   *
   * @throws Win32Exception PATH_NOT_FOUND when the name has a directory part that does not exist
   */
  static String resolve(CmdSession s, String program) {
    if (program.isEmpty()) {
      return null;
    }
    WindowsFileSystem fs = s.fs();
    List<String> extensions = new ArrayList<>();
    String pathext = s.env.get("PATHEXT");
    for (String e : (pathext == null ? ".COM;.EXE;.BAT;.CMD" : pathext).split(";")) {
      if (!e.isBlank()) {
        extensions.add(e);
      }
    }
    boolean hasDirectory = program.contains("\\") || program.contains("/") || program.contains(":");
    List<String> dirs = new ArrayList<>();
    String name;
    if (hasDirectory) {
      String full = s.fullPath(program);
      String dir = WindowsFileSystem.parentOf(full);
      if (!fs.isDirectory(dir)) {
        throw new Win32Exception(Win32Error.PATH_NOT_FOUND);
      }
      dirs.add(dir);
      name = WindowsFileSystem.nameOf(full);
    } else {
      dirs.add(s.cwd);
      String path = s.env.get("PATH");
      for (String d : (path == null ? "" : path).split(";")) {
        if (!d.isBlank()) {
          dirs.add(WindowsFileSystem.fullPath(d, s.cwd));
        }
      }
      name = program;
    }
    boolean hasExtension = name.lastIndexOf('.') > 0;
    for (String dir : dirs) {
      if (hasExtension && fs.isFile(dir + "\\" + name)) {
        return fs.storedCase(dir + "\\" + name);
      }
      for (String ext : extensions) {
        if (fs.isFile(dir + "\\" + name + ext)) {
          return fs.storedCase(dir + "\\" + name + ext);
        }
      }
    }
    return null;
  }

  /** {@code cmd /c ...} started from a command line: a child cmd.exe with its own percent expansion. */
  private static int nestedCmd(Call call) {
    CmdSession child = call.session().child();
    String command = CmdExe.commandString(call.args(), inner -> {
      try {
        return resolve(child, inner) != null;
      } catch (Win32Exception e) {
        return false;
      }
    });
    return child.runLine(command, call.io());
  }

  /** hostname.exe prints the computer name (Microsoft Learn, "hostname"). */
  private static int hostname(Call call) {
    if (!call.args().isBlank()) {
      throw new NotEmulatedException(call.commandText());
    }
    call.io().out().println(call.host().hostname);
    return 0;
  }
}
