package io.iisfarm.operator.simulator.windows;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A parsed cmd.exe command line. FOR substitutes its variable into an already-parsed body, as cmd
 * does, so a value containing {@code &} never becomes an operator.
 */
sealed interface CmdNode {

  CmdNode substitute(UnaryOperator<String> f);

  /** {@code a & b & c}: run each in turn. */
  record Sequence(List<CmdNode> parts) implements CmdNode {
    @Override
    public CmdNode substitute(UnaryOperator<String> f) {
      return new Sequence(parts.stream().map(p -> p.substitute(f)).toList());
    }
  }

  /** {@code a && b} ({@code onSuccess}) or {@code a || b}. */
  record Conditional(CmdNode left, boolean onSuccess, CmdNode right) implements CmdNode {
    @Override
    public CmdNode substitute(UnaryOperator<String> f) {
      return new Conditional(left.substitute(f), onSuccess, right.substitute(f));
    }
  }

  record Pipe(CmdNode left, CmdNode right) implements CmdNode {
    @Override
    public CmdNode substitute(UnaryOperator<String> f) {
      return new Pipe(left.substitute(f), right.substitute(f));
    }
  }

  /** A parenthesised block with the redirections written after its closing parenthesis. */
  record Block(CmdNode body, List<Redirect> redirects) implements CmdNode {
    @Override
    public CmdNode substitute(UnaryOperator<String> f) {
      return new Block(body.substitute(f), redirects.stream().map(r -> r.substitute(f)).toList());
    }
  }

  /** One command: its text with quotes kept and redirections taken out. */
  record Simple(String text, List<Redirect> redirects) implements CmdNode {
    @Override
    public CmdNode substitute(UnaryOperator<String> f) {
      return new Simple(f.apply(text), redirects.stream().map(r -> r.substitute(f)).toList());
    }
  }

  enum IfKind { EXIST, ERRORLEVEL, DEFINED, COMPARE }

  /**
   * IF. For COMPARE, {@code op} is {@code ==} or one of EQU, NEQ, LSS, LEQ, GTR, GEQ; operands keep
   * their quotes, as cmd compares them.
   */
  record If(boolean ignoreCase, boolean negate, IfKind kind, String left, String op, String right, CmdNode then,
      CmdNode otherwise) implements CmdNode {
    @Override
    public CmdNode substitute(UnaryOperator<String> f) {
      return new If(ignoreCase, negate, kind, f.apply(left), op, right == null ? null : f.apply(right),
          then.substitute(f), otherwise == null ? null : otherwise.substitute(f));
    }
  }

  /** FOR over a set ({@code fileMode} false) or FOR /F with its options string. */
  record For(boolean fileMode, String options, char variable, String set, CmdNode body) implements CmdNode {
    @Override
    public CmdNode substitute(UnaryOperator<String> f) {
      return new For(fileMode, options == null ? null : f.apply(options), variable, f.apply(set), body.substitute(f));
    }
  }

  /** Nothing to run: an empty command or a REM. */
  record Empty() implements CmdNode {
    @Override
    public CmdNode substitute(UnaryOperator<String> f) {
      return this;
    }
  }

  /** {@code >}, {@code >>}, {@code >&} (target is a handle digit) or {@code <} for one handle. */
  record Redirect(int handle, String op, String target) {
    Redirect substitute(UnaryOperator<String> f) {
      return new Redirect(handle, op, f.apply(target));
    }
  }
}
