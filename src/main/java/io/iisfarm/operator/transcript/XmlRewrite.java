package io.iisfarm.operator.transcript;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites attribute values, text and comments of XML, or of text with XML in it (appcmd's output between marker
 * lines), and leaves every other character as it was: element and attribute names, quotes, spacing, declarations
 * and anything that is not markup. A {@code <} that starts no markup is text.
 */
final class XmlRewrite {
  private static final Pattern START = Pattern.compile(
      "<([A-Za-z_][\\w.:-]*)((?:\\s+[^\\s=/>\"']+\\s*=\\s*(?:\"[^\"]*\"|'[^']*'))*)(\\s*/?>)");
  private static final Pattern END = Pattern.compile("</\\s*([A-Za-z_][\\w.:-]*)\\s*>");
  private static final Pattern ATTRIBUTE = Pattern.compile("(\\s+)([^\\s=/>\"']+)(\\s*=\\s*)(?:\"([^\"]*)\"|'([^']*)')");

  /** What to put in place of each piece; return the piece itself to keep it. */
  interface Rules {
    /** @param raw the value as written between its quotes (entities not resolved) */
    String attribute(String element, String name, String raw, char quote);

    /** @param element the innermost open element, or null outside any */
    String text(String element, String text);

    String comment(String text);
  }

  private XmlRewrite() {}

  static String apply(String input, Rules rules) {
    StringBuilder out = new StringBuilder(input.length());
    StringBuilder text = new StringBuilder();
    Deque<String> open = new ArrayDeque<>();
    int i = 0;
    int n = input.length();
    while (i < n) {
      char c = input.charAt(i);
      if (c != '<') {
        text.append(c);
        i++;
        continue;
      }
      int end;
      if (input.startsWith("<!--", i) && (end = input.indexOf("-->", i + 4)) >= 0) {
        flush(out, text, open, rules);
        out.append("<!--").append(rules.comment(input.substring(i + 4, end))).append("-->");
        i = end + 3;
      } else if (input.startsWith("<![CDATA[", i) && (end = input.indexOf("]]>", i + 9)) >= 0) {
        flush(out, text, open, rules);
        out.append("<![CDATA[").append(rules.text(open.peek(), input.substring(i + 9, end))).append("]]>");
        i = end + 3;
      } else if ((input.startsWith("<?", i) && (end = input.indexOf("?>", i + 2)) >= 0)) {
        flush(out, text, open, rules);
        out.append(input, i, end + 2);
        i = end + 2;
      } else if (input.startsWith("<!", i) && (end = input.indexOf('>', i + 2)) >= 0) {
        flush(out, text, open, rules);
        out.append(input, i, end + 1);
        i = end + 1;
      } else {
        Matcher close = END.matcher(input).region(i, n);
        Matcher start = START.matcher(input).region(i, n);
        if (close.lookingAt()) {
          flush(out, text, open, rules);
          String name = close.group(1).toLowerCase(Locale.ROOT);
          while (!open.isEmpty() && !open.pop().equals(name)) {
            // an end tag closes whatever was left open inside it
          }
          out.append(close.group());
          i = close.end();
        } else if (start.lookingAt()) {
          flush(out, text, open, rules);
          String element = start.group(1);
          out.append('<').append(element).append(attributes(element, start.group(2), rules)).append(start.group(3));
          if (!start.group(3).endsWith("/>")) {
            open.push(element.toLowerCase(Locale.ROOT));
          }
          i = start.end();
        } else {
          text.append(c);
          i++;
        }
      }
    }
    flush(out, text, open, rules);
    return out.toString();
  }

  private static String attributes(String element, String attributes, Rules rules) {
    Matcher m = ATTRIBUTE.matcher(attributes);
    StringBuilder out = new StringBuilder(attributes.length());
    int last = 0;
    while (m.find()) {
      out.append(attributes, last, m.start());
      char quote = m.group(4) != null ? '"' : '\'';
      String raw = m.group(4) != null ? m.group(4) : m.group(5);
      out.append(m.group(1)).append(m.group(2)).append(m.group(3)).append(quote)
          .append(rules.attribute(element, m.group(2), raw, quote)).append(quote);
      last = m.end();
    }
    return out.append(attributes, last, attributes.length()).toString();
  }

  private static void flush(StringBuilder out, StringBuilder text, Deque<String> open, Rules rules) {
    if (text.length() > 0) {
      out.append(rules.text(open.peek(), text.toString()));
      text.setLength(0);
    }
  }

  /** The value with the five predefined entities and character references resolved. */
  static String unescape(String raw) {
    if (raw.indexOf('&') < 0) {
      return raw;
    }
    Matcher m = Pattern.compile("&(#x[0-9A-Fa-f]+|#\\d+|amp|lt|gt|quot|apos);").matcher(raw);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String e = m.group(1);
      String value = switch (e) {
        case "amp" -> "&";
        case "lt" -> "<";
        case "gt" -> ">";
        case "quot" -> "\"";
        case "apos" -> "'";
        default -> new String(Character.toChars(e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16)
            : Integer.parseInt(e.substring(1))));
      };
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** {@code value} as an attribute value between {@code quote}s. */
  static String escape(String value, char quote) {
    String out = value.replace("&", "&amp;").replace("<", "&lt;");
    return quote == '"' ? out.replace("\"", "&quot;") : out.replace("'", "&apos;");
  }
}
