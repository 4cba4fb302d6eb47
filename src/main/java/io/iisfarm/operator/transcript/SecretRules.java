package io.iisfarm.operator.transcript;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secrets a transcript never shows, and their stand-ins: machineKey values, cipher values, password attributes,
 * connection-string passwords and the WinRM password, in attribute values or written as text. Counts what it
 * replaced, by part.
 */
final class SecretRules {
  private static final Pattern KEY_ATTRIBUTE =
      Pattern.compile("(?i)((?:validationKey|decryptionKey)\\s*=\\s*)([\"'])(.*?)\\2");
  private static final Pattern PASSWORD_ATTRIBUTE = Pattern.compile("(?i)(\\bpassword\\s*=\\s*)([\"'])(.*?)\\2");
  private static final Pattern CIPHER_VALUE = Pattern.compile("(?is)(<CipherValue>)(.*?)(</CipherValue>)");
  private static final Pattern CONNECTION_PASSWORD =
      Pattern.compile("(?i)((?:^|;)\\s*(?:password|pwd)\\s*=\\s*)('[^']*'|\"[^\"]*\"|[^;]*)");
  private static final Pattern ENCRYPTED = Pattern.compile("(?i)^(\\[enc:[^:]*:)(.*)(:enc\\])$");
  private static final Pattern KEYWORD = Pattern.compile("(?i)AutoGenerate|IsolateApps|IsolateByAppId");

  private final StandIns standIns;
  private final List<String> passwords;

  SecretRules(StandIns standIns, List<String> passwords) {
    this.standIns = standIns;
    this.passwords = passwords.stream().filter(p -> p != null && p.length() >= 3).toList();
  }

  /** Replacements counted by where and what, for the transcript's header. */
  static final class Tally {
    final int command;
    final String stream;
    final Map<List<String>, Integer> counts = new LinkedHashMap<>();

    Tally(int command, String stream) {
      this.command = command;
      this.stream = stream;
    }

    void add(String where, String what) {
      counts.merge(List.of(where, what), 1, Integer::sum);
    }

    List<Transcript.Redaction> items() {
      List<Transcript.Redaction> items = new ArrayList<>();
      counts.forEach((k, n) -> items.add(new Transcript.Redaction(command, stream, k.get(0), k.get(1), n)));
      return items;
    }
  }

  String attribute(String name, String raw, String part, Tally tally) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("validationkey") || lower.equals("decryptionkey")) {
      String replaced = key(raw);
      if (!replaced.equals(raw)) {
        tally.add(part, "machineKey " + name);
      }
      return replaced;
    }
    if (lower.equals("password")) {
      if (raw.isEmpty() || raw.equalsIgnoreCase("AutoGenerate")) {
        return raw;
      }
      tally.add(part, "password attribute");
      Matcher enc = ENCRYPTED.matcher(raw);
      return enc.matches() ? enc.group(1) + standIns.mask(enc.group(2)) + enc.group(3) : standIns.mask(raw);
    }
    return connectionPasswords(raw, part, tally);
  }

  /** Each explicit key of a {@code validationKey}/{@code decryptionKey} value; the keywords stay. */
  String key(String raw) {
    String[] tokens = raw.split(",", -1);
    for (int i = 0; i < tokens.length; i++) {
      String t = tokens[i].strip();
      if (!t.isEmpty() && !KEYWORD.matcher(t).matches()) {
        tokens[i] = tokens[i].replace(t, standIns.key(t));
      }
    }
    return String.join(",", tokens);
  }

  String connectionPasswords(String raw, String part, Tally tally) {
    Matcher m = CONNECTION_PASSWORD.matcher(raw);
    StringBuilder out = new StringBuilder();
    boolean found = false;
    while (m.find()) {
      if (m.group(2).isEmpty()) {
        continue;
      }
      found = true;
      tally.add(part, "connection string password");
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + standIns.mask(m.group(2))));
    }
    if (!found) {
      return raw;
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Keys, cipher values and passwords written as text (a comment, an escaped element, a tool's message). */
  String inText(String text, String part, Tally tally) {
    String out = replaceAll(KEY_ATTRIBUTE, text, m -> {
      tally.add(part, "machineKey value in text");
      return m.group(1) + m.group(2) + key(m.group(3)) + m.group(2);
    });
    out = replaceAll(CIPHER_VALUE, out, m -> {
      tally.add(part, "CipherValue");
      return m.group(1) + standIns.cipher(m.group(2)) + m.group(3);
    });
    return replaceAll(PASSWORD_ATTRIBUTE, out, m -> {
      if (m.group(3).isEmpty() || m.group(3).equalsIgnoreCase("AutoGenerate")) {
        return m.group();
      }
      tally.add(part, "password in text");
      return m.group(1) + m.group(2) + standIns.mask(m.group(3)) + m.group(2);
    });
  }

  String maskPasswords(String text, Charset view, String part, Tally tally) {
    String out = text;
    for (String password : passwords) {
      String seen = view == null ? password : new String(password.getBytes(view), StandardCharsets.ISO_8859_1);
      if (out.contains(seen)) {
        tally.add(part, "WinRM password");
        out = out.replace(seen, standIns.mask(seen));
      }
    }
    return out;
  }

  interface Replacer {
    String replace(Matcher m);
  }


  static String replaceAll(Pattern pattern, String text, Replacer replacer) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    do {
      m.appendReplacement(out, Matcher.quoteReplacement(replacer.replace(m)));
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }
}
