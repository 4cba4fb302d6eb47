package io.iisfarm.operator.simulator.windows;

/**
 * The lexical side of cmd.exe's parser: position, block depth, quotes, {@code ^} escapes, and the
 * words and redirection targets commands are made of.
 */
abstract class CmdScanner {
  protected final String s;
  protected int pos;
  /** How many parenthesised blocks are open: inside one, an unquoted {@code )} ends the block. */
  protected int depth;

  protected CmdScanner(String line) {
    this.s = line;
  }

  /** A redirection target: quotes allowed and removed. */
  protected String target() {
    StringBuilder t = new StringBuilder();
    boolean quoted = false;
    while (!atEnd()) {
      char c = cur();
      if (c == '"') {
        quoted = !quoted;
        pos++;
        continue;
      }
      if (!quoted && (Character.isWhitespace(c) || c == '&' || c == '|' || c == '<' || c == '>'
          || (c == ')' && depth > 0))) {
        break;
      }
      if (!quoted && c == '^') {
        pos++;
        if (atEnd()) {
          break;
        }
        c = cur();
      }
      t.append(c);
      pos++;
    }
    return t.toString();
  }

  /** A whitespace-delimited word in which quotes protect spaces; quotes are kept. */
  protected String operand() {
    StringBuilder t = new StringBuilder();
    boolean quoted = false;
    while (!atEnd()) {
      char c = cur();
      if (!quoted && (Character.isWhitespace(c) || c == '&' || c == '|' || c == '<' || c == '>' || c == '('
          || (c == ')' && depth > 0) || (c == '=' && peek("==")))) {
        break;
      }
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '^' && !quoted) {
        pos++;
        if (atEnd()) {
          break;
        }
        c = cur();
      }
      t.append(c);
      pos++;
    }
    return t.toString();
  }

  protected boolean keyword(String word) {
    return s.regionMatches(true, pos, word, 0, word.length()) && delimiterAt(pos + word.length());
  }

  protected boolean delimiterAt(int i) {
    if (i >= s.length()) {
      return true;
    }
    char c = s.charAt(i);
    return Character.isWhitespace(c) || c == '(' || c == ',' || c == ';' || c == '=';
  }

  protected boolean atEnd() { return pos >= s.length(); }

  protected boolean atListEnd() { return atEnd() || (depth > 0 && cur() == ')'); }

  protected char cur() { return s.charAt(pos); }

  protected boolean peek(char c) { return pos < s.length() && s.charAt(pos) == c; }

  protected boolean peek(String t) { return s.startsWith(t, pos); }

  protected void skipWs() {
    while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
      pos++;
    }
  }
}
