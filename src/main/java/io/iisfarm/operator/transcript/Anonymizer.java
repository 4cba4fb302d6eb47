package io.iisfarm.operator.transcript;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Consistent stand-ins for names: host names, domain names, IP addresses, user names, site names and physical
 * paths, each the same wherever it appears (matched as Windows matches names, ignoring letter case). The names
 * come from what the host printed ({@link Discovery}) and from the farm file; Windows' own defaults (Default Web
 * Site, localhost, loopback, built-in accounts, {@code inetpub\wwwroot}) stay. The mapping is for the user who
 * recorded, never for the transcript.
 */
final class Anonymizer {

  enum Kind {
    HOST, DOMAIN, IP, USER, SITE, PATH;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One name and its stand-in. */
  record Entry(Kind kind, String original, String replacement) {}

  private static final Set<String> KEPT = Set.of("default web site", "localhost", "*", "127.0.0.1", "0.0.0.0", "::1",
      "machine", "system", "localsystem", "network service", "local service", "nt authority", "iusr", "iis_iusrs",
      "applicationpoolidentity", "autogenerate", "%systemdrive%\\inetpub\\wwwroot", "c:\\inetpub\\wwwroot");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern DRIVE = Pattern.compile("^([A-Za-z]:\\\\|%[A-Za-z]+%\\\\)");

  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final Map<Kind, Integer> counters = new EnumMap<>(Kind.class);
  private final Map<String, Pattern> patterns = new HashMap<>();

  /** The names of a mapping file, to look for them. */
  static Anonymizer of(List<MappingFile.Entry> mapping) {
    Anonymizer names = new Anonymizer();
    for (MappingFile.Entry e : mapping) {
      Kind kind = Kind.valueOf(e.kind().toUpperCase(Locale.ROOT));
      names.entries.putIfAbsent(e.original().toLowerCase(Locale.ROOT), new Entry(kind, e.original(), e.replacement()));
    }
    return names;
  }

  synchronized List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  synchronized boolean isEmpty() {
    return entries.isEmpty();
  }

  synchronized void site(String name) {
    add(Kind.SITE, name, () -> "Site" + next(Kind.SITE));
  }

  synchronized void user(String name) {
    int slash = name.indexOf('\\');
    if (slash > 0 && slash < name.length() - 1) {
      String domain = name.substring(0, slash);
      String user = name.substring(slash + 1);
      if (kept(domain) || kept(user)) {
        return;
      }
      netbiosDomain(domain);
      user(user);
      add(Kind.USER, name, () -> replacement(domain) + "\\" + replacement(user));
      return;
    }
    int at = name.indexOf('@');
    if (at > 0 && at < name.length() - 1) {
      dns(name.substring(at + 1));
      user(name.substring(0, at));
      return;
    }
    add(Kind.USER, name, () -> "user" + next(Kind.USER));
  }

  /** A host name, a fully qualified domain name or an IP address. */
  synchronized void dns(String name) {
    String n = name.strip();
    if (n.startsWith("[") && n.endsWith("]")) {
      n = n.substring(1, n.length() - 1);
    }
    if (n.isEmpty() || kept(n)) {
      return;
    }
    if (IPV4.matcher(n).matches()) {
      add(Kind.IP, n, this::nextIpv4);
    } else if (n.contains(":")) {
      add(Kind.IP, n, () -> "2001:db8::" + Integer.toHexString(next(Kind.IP)));
    } else if (n.indexOf('.') < 0) {
      add(Kind.HOST, n, () -> "host" + next(Kind.HOST));
    } else {
      String first = n.substring(0, n.indexOf('.'));
      String domain = n.substring(n.indexOf('.') + 1);
      dns(first);
      add(Kind.DOMAIN, domain, () -> "domain" + next(Kind.DOMAIN) + ".example");
      String fqdn = n;
      add(Kind.HOST, fqdn, () -> replacement(first) + "." + replacement(domain));
    }
  }

  synchronized void path(String path) {
    String p = path.strip();
    while (p.endsWith("\\") && p.length() > 3) {
      p = p.substring(0, p.length() - 1);
    }
    String lower = p.toLowerCase(Locale.ROOT);
    if (p.length() < 4 || kept(p) || lower.startsWith("%windir%") || lower.startsWith("%systemroot%")
        || lower.startsWith("c:\\windows")) {
      return;
    }
    if (p.startsWith("\\\\")) {
      String rest = p.substring(2);
      int slash = rest.indexOf('\\');
      String server = slash < 0 ? rest : rest.substring(0, slash);
      dns(server);
      String serverName = server;
      add(Kind.PATH, p, () -> "\\\\" + replacement(serverName) + "\\path" + next(Kind.PATH));
      return;
    }
    Matcher drive = DRIVE.matcher(p);
    String prefix = drive.find() ? drive.group(1) : "";
    add(Kind.PATH, p, () -> prefix + "path" + next(Kind.PATH));
  }

  private void netbiosDomain(String domain) {
    add(Kind.DOMAIN, domain, () -> "DOMAIN" + next(Kind.DOMAIN));
  }

  private interface Fresh {
    String get();
  }

  private void add(Kind kind, String original, Fresh fresh) {
    String o = original.strip();
    if (o.length() < 2 || kept(o) || entries.containsKey(o.toLowerCase(Locale.ROOT))) {
      return;
    }
    entries.put(o.toLowerCase(Locale.ROOT), new Entry(kind, o, fresh.get()));
    patterns.clear();
  }

  private String replacement(String original) {
    Entry e = entries.get(original.strip().toLowerCase(Locale.ROOT));
    return e == null ? original : e.replacement();
  }

  private int next(Kind kind) {
    return counters.merge(kind, 1, Integer::sum);
  }

  private String nextIpv4() {
    int n = next(Kind.IP);
    String[] nets = {"192.0.2.", "198.51.100.", "203.0.113."};
    return nets[Math.min(2, (n - 1) / 254)] + ((n - 1) % 254 + 1);
  }

  private static boolean kept(String name) {
    String lower = name.strip().toLowerCase(Locale.ROOT);
    return KEPT.contains(lower) || lower.startsWith("nt authority\\") || lower.startsWith("iis apppool\\");
  }

  /**
   * {@code text} with every name replaced where it stands alone (not inside a longer word or number), longest
   * names first and in one pass, keeping the occurrence's letter case where it is all upper or all lower case.
   *
   * @param view null when {@code text} holds characters; else the charset whose bytes {@code text} holds one per
   *     character (ISO-8859-1), so that names are matched as their bytes in that charset
   */
  synchronized String apply(String text, Charset view) {
    if (entries.isEmpty() || text.isEmpty()) {
      return text;
    }
    Pattern pattern = patterns.computeIfAbsent(view == null ? "" : view.name(), k -> pattern(view));
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    boolean found = false;
    while (m.find()) {
      found = true;
      String occurrence = m.group();
      String original = view == null ? occurrence
          : new String(occurrence.getBytes(StandardCharsets.ISO_8859_1), view);
      Entry e = entries.get(original.toLowerCase(Locale.ROOT));
      m.appendReplacement(out, Matcher.quoteReplacement(e == null ? occurrence : matchCase(e.replacement(), occurrence)));
    }
    if (!found) {
      return text;
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The names of the mapping that {@code text} still holds, standing alone. */
  synchronized List<Entry> remaining(String text) {
    List<Entry> left = new ArrayList<>();
    if (entries.isEmpty()) {
      return left;
    }
    Matcher m = pattern(null).matcher(text);
    while (m.find()) {
      Entry e = entries.get(m.group().toLowerCase(Locale.ROOT));
      if (e != null && !left.contains(e)) {
        left.add(e);
      }
    }
    return left;
  }

  private Pattern pattern(Charset view) {
    List<String> names = entries.values().stream().map(Entry::original)
        .map(o -> view == null ? o : new String(o.getBytes(view), StandardCharsets.ISO_8859_1))
        .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    StringBuilder alternatives = new StringBuilder();
    for (String name : names) {
      alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(name));
    }
    return Pattern.compile("(?<![A-Za-z0-9])(?:" + alternatives + ")(?![A-Za-z0-9])", Pattern.CASE_INSENSITIVE);
  }

  private static String matchCase(String replacement, String occurrence) {
    boolean letters = occurrence.chars().anyMatch(Character::isLetter);
    if (letters && occurrence.equals(occurrence.toUpperCase(Locale.ROOT))) {
      return replacement.toUpperCase(Locale.ROOT);
    }
    if (letters && occurrence.equals(occurrence.toLowerCase(Locale.ROOT))) {
      return replacement.toLowerCase(Locale.ROOT);
    }
    return replacement;
  }
}
