package io.iisfarm.operator.simulator.windows;

import io.iisfarm.operator.simulator.windows.CmdNode.Block;
import io.iisfarm.operator.simulator.windows.CmdNode.Conditional;
import io.iisfarm.operator.simulator.windows.CmdNode.Empty;
import io.iisfarm.operator.simulator.windows.CmdNode.For;
import io.iisfarm.operator.simulator.windows.CmdNode.If;
import io.iisfarm.operator.simulator.windows.CmdNode.Pipe;
import io.iisfarm.operator.simulator.windows.CmdNode.Redirect;
import io.iisfarm.operator.simulator.windows.CmdNode.Sequence;
import io.iisfarm.operator.simulator.windows.CmdNode.Simple;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One cmd.exe process: its environment, current directory and ERRORLEVEL. A command line is run as
 * cmd does: percent expansion over the whole line first, then parsing, then execution.
 *
 * <p>ERRORLEVEL and the success that {@code &&} and {@code ||} test are kept apart, as cmd keeps
 * them: ECHO succeeds without touching ERRORLEVEL, and a failed redirection fails the command
 * while ERRORLEVEL stays as it was (Wine's cmd conformance tests, test_builtins.bat, record the
 * native behaviour).
 */
final class CmdSession {
  /** Thrown by EXIT to end the cmd process. */
  static final class ExitException extends RuntimeException {
    final int code;

    ExitException(int code) {
      super(null, null, false, false);
      this.code = code;
    }
  }

  static final int MAX_LINE = 8191;

  final HostRuntime host;
  final EnvironmentBlock env;
  String cwd;
  int errorlevel;

  CmdSession(HostRuntime host, EnvironmentBlock env, String cwd) {
    this.host = host;
    this.env = env;
    this.cwd = cwd;
  }

  /** A child cmd.exe, as {@code cmd /c} or FOR /F start one: same environment and directory. */
  CmdSession child() {
    return new CmdSession(host, new EnvironmentBlock(env), cwd);
  }

  WindowsFileSystem fs() { return host.fs; }

  RunContext context() { return host.context(); }

  String fullPath(String path) {
    return WindowsFileSystem.fullPath(path, cwd);
  }

  /**
   * Runs one command line and returns the process exit code. Only the first line counts, as for
   * {@code cmd /c}. Syntax errors print cmd's message and give 255, the exit code cmd.exe returns when
   * it cannot parse its command line.
   */
  int runLine(String line, CommandIo io) {
    int newline = line.indexOf('\n');
    String first = newline < 0 ? line : line.substring(0, newline);
    if (first.endsWith("\r")) {
      first = first.substring(0, first.length() - 1);
    }
    // KB 830473: cmd rejects lines over 8191 characters, before and after variable expansion
    if (first.length() > MAX_LINE) {
      io.err().println("The command line is too long.");
      return 1;
    }
    String expanded = EnvironmentBlock.expand(first, this::variable);
    if (expanded.length() > MAX_LINE) {
      io.err().println("The command line is too long.");
      return 1;
    }
    CmdNode node;
    try {
      node = CmdParser.parse(expanded);
    } catch (CmdSyntaxException e) {
      io.err().println(e.getMessage());
      return 255;
    }
    try {
      exec(node, io);
    } catch (ExitException e) {
      errorlevel = e.code;
    }
    return errorlevel;
  }

  /** Variable lookup for percent expansion, including cmd's dynamic variables. */
  String variable(String name) {
    String value = env.get(name);
    if (value != null) {
      return value;
    }
    return switch (name.toUpperCase(Locale.ROOT)) {
      case "ERRORLEVEL" -> String.valueOf(errorlevel);
      case "CD" -> cwd;
      case "RANDOM" -> String.valueOf(ThreadLocalRandom.current().nextInt(32768));
      case "DATE" -> DateTimeFormatter.ofPattern("EEE MM/dd/yyyy", Locale.US)
          .format(host.clock.instant().atOffset(ZoneOffset.UTC));
      case "TIME" -> DateTimeFormatter.ofPattern("H:mm:ss.SS", Locale.US)
          .format(host.clock.instant().atOffset(ZoneOffset.UTC));
      default -> null;
    };
  }

  /** Executes a node; returns the success that {@code &&} and {@code ||} test. */
  boolean exec(CmdNode node, CommandIo io) {
    if (node instanceof Sequence seq) {
      boolean ok = true;
      for (CmdNode part : seq.parts()) {
        ok = exec(part, io);
      }
      return ok;
    }
    if (node instanceof Conditional c) {
      boolean left = exec(c.left(), io);
      return left == c.onSuccess() ? exec(c.right(), io) : left;
    }
    if (node instanceof Block block) {
      CommandIo redirected = redirect(block.redirects(), io);
      return redirected != null && exec(block.body(), redirected);
    }
    if (node instanceof Simple simple) {
      CommandIo redirected = redirect(simple.redirects(), io);
      return redirected != null && runSimple(simple.text(), redirected);
    }
    if (node instanceof If ifNode) {
      return IfCondition.holds(this, ifNode) ? exec(ifNode.then(), io)
          : ifNode.otherwise() == null || exec(ifNode.otherwise(), io);
    }
    if (node instanceof For forNode) {
      return ForRunner.run(this, forNode, io);
    }
    if (node instanceof Pipe) {
      throw new NotEmulatedException("| (pipe)");
    }
    if (node instanceof Empty) {
      return true;
    }
    throw new IllegalStateException("unknown node " + node);
  }

  /** Applies redirections left to right; on failure prints cmd's message and returns null. */
  private CommandIo redirect(List<Redirect> redirects, CommandIo io) {
    if (redirects.isEmpty()) {
      return io;
    }
    Sink[] handles = {null, io.out(), io.err()};
    for (Redirect r : redirects) {
      if (r.op().equals("<")) {
        throw new NotEmulatedException("< (input redirection)");
      }
      if (r.handle() != 1 && r.handle() != 2) {
        throw new NotEmulatedException(r.handle() + r.op() + r.target());
      }
      if (r.op().equals(">&")) {
        int source = r.target().charAt(0) - '0';
        if (source != 1 && source != 2) {
          throw new NotEmulatedException(r.handle() + ">&" + r.target());
        }
        handles[r.handle()] = handles[source];
        continue;
      }
      String target = r.target();
      String device = target.endsWith(":") ? target.substring(0, target.length() - 1) : target;
      if (device.equalsIgnoreCase("NUL")) {
        handles[r.handle()] = Sink.NUL;
        continue;
      }
      if (device.toUpperCase(Locale.ROOT).matches("CON|PRN|AUX|COM[1-9]|LPT[1-9]")) {
        throw new NotEmulatedException(r.handle() + r.op() + target);
      }
      try {
        handles[r.handle()] = new Sink.FileSink(host.fs, fullPath(target), r.op().equals(">>"), host.consoleCharset());
      } catch (Win32Exception e) {
        io.err().println(host.language().message(e.error()));
        return null;
      }
    }
    return new CommandIo(handles[1], handles[2]);
  }

  /** Runs one simple command's text (an internal command or a program), as CALL does after its expansion. */
  boolean runCommand(String text, CommandIo io) {
    return runSimple(text, io);
  }

  private boolean runSimple(String text, CommandIo io) {
    String t = text.stripLeading();
    if (t.isEmpty()) {
      return true;
    }
    int i = 0;
    while (i < t.length() && Character.isLetter(t.charAt(i))) {
      i++;
    }
    String word = t.substring(0, i).toLowerCase(Locale.ROOT);
    if (i > 0 && Builtins.isBuiltin(word) && (i == t.length() || Builtins.endsName(t.charAt(i)))) {
      return Builtins.run(this, word, t.substring(i), t, io);
    }
    return Programs.run(this, t, io);
  }

  /** Records an outcome: the new ERRORLEVEL when the command sets one, and its success. */
  boolean result(boolean success, Integer newErrorlevel) {
    if (newErrorlevel != null) {
      errorlevel = newErrorlevel;
    }
    return success;
  }
}
