package io.iisfarm.operator.simulator.windows;

import io.iisfarm.operator.simulator.windows.CmdNode.Block;
import io.iisfarm.operator.simulator.windows.CmdNode.Conditional;
import io.iisfarm.operator.simulator.windows.CmdNode.Empty;
import io.iisfarm.operator.simulator.windows.CmdNode.For;
import io.iisfarm.operator.simulator.windows.CmdNode.If;
import io.iisfarm.operator.simulator.windows.CmdNode.IfKind;
import io.iisfarm.operator.simulator.windows.CmdNode.Pipe;
import io.iisfarm.operator.simulator.windows.CmdNode.Redirect;
import io.iisfarm.operator.simulator.windows.CmdNode.Sequence;
import io.iisfarm.operator.simulator.windows.CmdNode.Simple;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Phase two of cmd.exe's line processing (after percent expansion): quotes, the {@code ^} escape,
 * the operators {@code & && || |}, parenthesised blocks, redirections, IF and FOR.
 *
 * <p>Precedence follows cmd: {@code |} binds tightest, then {@code &&} and {@code ||}, then {@code &}.
 * The body of IF, ELSE and FOR DO is either one parenthesised block, which ends at its closing
 * parenthesis, or everything up to the end of the line (or of the enclosing block), operators included.
 * Inside a block an unescaped {@code )} outside quotes ends the block. REM ignores the rest of the line.
 */
final class CmdParser extends CmdScanner {
  private static final Set<String> COMPARE_OPS = Set.of("EQU", "NEQ", "LSS", "LEQ", "GTR", "GEQ");

  private CmdParser(String line) {
    super(line);
  }

  static CmdNode parse(String line) {
    CmdParser p = new CmdParser(line);
    CmdNode node = p.parseSeq();
    p.skipWs();
    if (!p.atEnd()) {
      throw CmdSyntaxException.unexpected(String.valueOf(p.cur()));
    }
    return node;
  }

  private CmdNode parseSeq() {
    List<CmdNode> parts = new ArrayList<>();
    parts.add(parseCond());
    while (true) {
      skipWs();
      if (peek('&') && !peek("&&")) {
        pos++;
        skipWs();
        if (atListEnd()) {
          break;
        }
        parts.add(parseCond());
      } else {
        break;
      }
    }
    return parts.size() == 1 ? parts.get(0) : new Sequence(List.copyOf(parts));
  }

  private CmdNode parseCond() {
    CmdNode left = parsePipe();
    while (true) {
      skipWs();
      boolean and = peek("&&");
      if (!and && !peek("||")) {
        return left;
      }
      String op = and ? "&&" : "||";
      pos += 2;
      skipWs();
      if (atListEnd()) {
        throw CmdSyntaxException.unexpected(op);
      }
      left = new Conditional(left, and, parsePipe());
    }
  }

  private CmdNode parsePipe() {
    CmdNode left = parseCommand();
    skipWs();
    if (peek('|') && !peek("||")) {
      pos++;
      skipWs();
      if (atListEnd()) {
        throw CmdSyntaxException.unexpected("|");
      }
      return new Pipe(left, parsePipe());
    }
    return left;
  }

  private CmdNode parseCommand() {
    skipWs();
    while (peek('@')) {
      pos++;
      skipWs();
    }
    if (atListEnd()) {
      return new Empty();
    }
    if (peek('(')) {
      pos++;
      depth++;
      CmdNode body = parseSeq();
      skipWs();
      if (!peek(')')) {
        throw CmdSyntaxException.incorrect();
      }
      pos++;
      depth--;
      return new Block(body, trailingRedirects());
    }
    if (keyword("if")) {
      return parseIf();
    }
    if (keyword("for")) {
      return parseFor();
    }
    if (keyword("rem")) {
      pos = s.length();
      return new Empty();
    }
    return parseSimple();
  }

  private Simple parseSimple() {
    StringBuilder text = new StringBuilder();
    List<Redirect> redirects = new ArrayList<>();
    boolean quoted = false;
    while (!atEnd()) {
      char c = cur();
      if (quoted) {
        text.append(c);
        quoted = c != '"';
        pos++;
        continue;
      }
      if (c == '"') {
        quoted = true;
        text.append(c);
        pos++;
      } else if (c == '^') {
        pos++;
        if (!atEnd()) {
          text.append(cur());
          pos++;
        }
      } else if (c == '&' || c == '|' || (c == ')' && depth > 0)) {
        break;
      } else if (c == '>' || c == '<') {
        redirects.add(redirect(-1));
      } else if (c >= '0' && c <= '9' && pos + 1 < s.length() && (s.charAt(pos + 1) == '>' || s.charAt(pos + 1) == '<')
          && (text.length() == 0 || Character.isWhitespace(text.charAt(text.length() - 1)))) {
        pos++;
        redirects.add(redirect(c - '0'));
      } else {
        text.append(c);
        pos++;
      }
    }
    return new Simple(text.toString(), List.copyOf(redirects));
  }

  private List<Redirect> trailingRedirects() {
    List<Redirect> redirects = new ArrayList<>();
    while (true) {
      skipWs();
      if (peek('>') || peek('<')) {
        redirects.add(redirect(-1));
      } else if (!atEnd() && cur() >= '0' && cur() <= '9' && pos + 1 < s.length() && s.charAt(pos + 1) == '>') {
        int handle = cur() - '0';
        pos++;
        redirects.add(redirect(handle));
      } else {
        return List.copyOf(redirects);
      }
    }
  }

  private Redirect redirect(int handle) {
    char c = cur();
    pos++;
    if (c == '<') {
      skipWs();
      return new Redirect(handle < 0 ? 0 : handle, "<", target());
    }
    int h = handle < 0 ? 1 : handle;
    boolean append = peek('>');
    if (append) {
      pos++;
    }
    if (peek('&') && pos + 1 < s.length() && Character.isDigit(s.charAt(pos + 1))) {
      pos += 2;
      return new Redirect(h, ">&", String.valueOf(s.charAt(pos - 1)));
    }
    skipWs();
    String target = target();
    if (target.isEmpty()) {
      throw CmdSyntaxException.incorrect();
    }
    return new Redirect(h, append ? ">>" : ">", target);
  }

  private CmdNode parseIf() {
    pos += 2;
    skipWs();
    boolean ignoreCase = false;
    boolean negate = false;
    if (s.regionMatches(true, pos, "/i", 0, 2) && delimiterAt(pos + 2)) {
      ignoreCase = true;
      pos += 2;
      skipWs();
    }
    if (keyword("not")) {
      negate = true;
      pos += 3;
      skipWs();
    }
    IfKind kind;
    String left;
    String op = null;
    String right = null;
    if (keyword("exist")) {
      pos += 5;
      skipWs();
      kind = IfKind.EXIST;
      left = operand();
    } else if (keyword("errorlevel")) {
      pos += 10;
      skipWs();
      kind = IfKind.ERRORLEVEL;
      left = operand();
    } else if (keyword("defined")) {
      pos += 7;
      skipWs();
      kind = IfKind.DEFINED;
      left = operand();
    } else {
      kind = IfKind.COMPARE;
      left = operand();
      skipWs();
      if (peek("==")) {
        while (peek('=')) {
          pos++;
        }
        op = "==";
      } else {
        op = operand().toUpperCase(Locale.ROOT);
        if (!COMPARE_OPS.contains(op)) {
          throw CmdSyntaxException.unexpected(op.isEmpty() ? "else" : op);
        }
      }
      skipWs();
      right = operand();
    }
    if (left.isEmpty() || (kind == IfKind.COMPARE && right.isEmpty())) {
      throw CmdSyntaxException.incorrect();
    }
    skipWs();
    if (atListEnd()) {
      throw CmdSyntaxException.incorrect();
    }
    CmdNode then = body();
    CmdNode otherwise = null;
    if (then instanceof Block) {
      skipWs();
      if (keyword("else")) {
        pos += 4;
        skipWs();
        if (atListEnd()) {
          throw CmdSyntaxException.incorrect();
        }
        otherwise = body();
      }
    }
    return new If(ignoreCase, negate, kind, left, op, right, then, otherwise);
  }

  private CmdNode parseFor() {
    pos += 3;
    skipWs();
    boolean fileMode = false;
    String options = null;
    if (peek('/')) {
      String sw = operand();
      switch (sw.toLowerCase(Locale.ROOT)) {
        case "/f" -> fileMode = true;
        case "/d", "/r", "/l" -> throw new NotEmulatedException("for " + sw);
        default -> throw CmdSyntaxException.unexpected(sw);
      }
      skipWs();
      if (peek('"')) {
        int end = s.indexOf('"', pos + 1);
        if (end < 0) {
          throw CmdSyntaxException.incorrect();
        }
        options = s.substring(pos + 1, end);
        pos = end + 1;
        skipWs();
      }
    }
    String variable = operand();
    if (variable.length() != 2 || variable.charAt(0) != '%' || variable.charAt(1) == '%') {
      throw CmdSyntaxException.unexpected(variable.isEmpty() ? "(" : variable);
    }
    skipWs();
    if (!keyword("in")) {
      throw CmdSyntaxException.unexpected(operand());
    }
    pos += 2;
    skipWs();
    if (!peek('(')) {
      throw CmdSyntaxException.unexpected(operand());
    }
    pos++;
    StringBuilder set = new StringBuilder();
    boolean quoted = false;
    while (!atEnd() && (quoted || cur() != ')')) {
      char c = cur();
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '^' && !quoted) {
        pos++;
        if (atEnd()) {
          break;
        }
        c = cur();
      }
      set.append(c);
      pos++;
    }
    if (atEnd()) {
      throw CmdSyntaxException.incorrect();
    }
    pos++;
    skipWs();
    if (!keyword("do")) {
      throw CmdSyntaxException.unexpected(atEnd() ? ")" : operand());
    }
    pos += 2;
    skipWs();
    if (atListEnd()) {
      throw CmdSyntaxException.incorrect();
    }
    return new For(fileMode, options, variable.charAt(1), set.toString().trim(), body());
  }

  /** The body of IF, ELSE or FOR DO: one block, or the rest of the line. */
  private CmdNode body() {
    return peek('(') ? parseCommand() : parseSeq();
  }

}
