package io.iisfarm.operator.transcript;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the names an anonymized transcript must not show, in what the read's programs print: the host name
 * ({@code hostname}), sites, bindings and physical paths (appcmd's XML on IIS7+, adsutil's metabase on IIS6), and
 * in config files the servers and users of connection strings, state servers, identities and the shared
 * configuration store.
 */
final class Discovery {
  private static final Pattern HOSTNAME = Pattern.compile("==iisfarm:hostname==\\r?\\n([^\\r\\n=]+)");
  private static final Pattern ATTRIBUTE = Pattern.compile("([\\w.:-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");
  private static final Pattern ADSUTIL = Pattern.compile("(?m)^(\\w+)\\s*: \\((STRING|EXPANDSZ|LIST)\\)\\s?(.*)$");
  private static final Pattern ITEM = Pattern.compile("^\\s+\"(.*)\"\\s*$");
  private static final Set<String> ADSUTIL_USERS = Set.of("anonymoususername", "wamusername", "uncusername",
      "logonuser");

  private Discovery() {}

  /** What a console output names. */
  static void console(String text, Anonymizer names) {
    Matcher host = HOSTNAME.matcher(text);
    while (host.find()) {
      names.dns(host.group(1).strip());
    }
    Matcher a = ATTRIBUTE.matcher(text);
    while (a.find()) {
      String value = XmlRewrite.unescape(a.group(2) != null ? a.group(2) : a.group(3));
      switch (a.group(1)) {
        case "SITE.NAME" -> names.site(value);
        case "bindings" -> bindings(value, names);
        case "physicalPath" -> names.path(value);
        default -> { }
      }
    }
    String list = null;
    for (String line : text.split("\r?\n")) {
      Matcher p = ADSUTIL.matcher(line);
      if (p.matches()) {
        String property = p.group(1).toLowerCase(Locale.ROOT);
        list = p.group(2).equals("LIST") ? property : null;
        String value = unquote(p.group(3));
        if (value != null) {
          adsutilProperty(property, value, names);
        }
        continue;
      }
      Matcher item = ITEM.matcher(line);
      if (list != null && item.matches()) {
        adsutilProperty(list, item.group(1), names);
      } else if (!line.isBlank()) {
        list = null;
      }
    }
  }

  private static void adsutilProperty(String property, String value, Anonymizer names) {
    switch (property) {
      case "servercomment" -> names.site(value);
      case "path" -> names.path(value);
      case "serverbindings", "securebindings" -> binding(value, names);
      case "defaultlogondomain" -> names.dns(value);
      default -> {
        if (ADSUTIL_USERS.contains(property)) {
          names.user(value);
        }
      }
    }
  }

  /** What a config file names (its text, decoded). */
  static void config(String xml, Anonymizer names) {
    Matcher a = ATTRIBUTE.matcher(xml);
    while (a.find()) {
      String name = a.group(1).toLowerCase(Locale.ROOT);
      String value = XmlRewrite.unescape(a.group(2) != null ? a.group(2) : a.group(3));
      switch (name) {
        case "stateconnectionstring" -> {
          String v = value.replaceFirst("(?i)^\\s*tcpip\\s*=\\s*", "");
          int colon = v.lastIndexOf(':');
          names.dns(colon > 0 && !v.endsWith("]") ? v.substring(0, colon) : v);
        }
        case "sqlconnectionstring", "connectionstring" -> connectionString(value, names);
        case "username" -> names.user(value);
        case "path" -> {
          if (value.startsWith("\\\\")) {
            names.path(value);
          }
        }
        default -> { }
      }
    }
  }

  private static void connectionString(String value, Anonymizer names) {
    for (String pair : value.split(";")) {
      int eq = pair.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String v = pair.substring(eq + 1).strip();
      switch (key) {
        case "data source", "server", "address", "addr", "network address" -> {
          String server = v.replaceFirst("(?i)^(tcp|np|lpc):", "");
          int comma = server.indexOf(',');
          if (comma >= 0) {
            server = server.substring(0, comma);
          }
          int backslash = server.indexOf('\\');
          if (backslash >= 0) {
            server = server.substring(0, backslash);
          }
          if (!server.equals(".") && !server.equalsIgnoreCase("(local)")) {
            names.dns(server);
          }
        }
        case "user id", "uid", "user" -> names.user(v);
        default -> { }
      }
    }
  }

  /** appcmd's {@code http/*:80:shop.example.com,https/10.0.0.5:443:} */
  private static void bindings(String value, Anonymizer names) {
    for (String binding : value.split(",")) {
      int slash = binding.indexOf('/');
      binding(slash >= 0 ? binding.substring(slash + 1) : binding, names);
    }
  }

  /** {@code ip:port:host} (IIS6's ServerBindings, or the information of an http binding). */
  private static void binding(String information, Anonymizer names) {
    String ip;
    String rest;
    if (information.startsWith("[")) {
      int close = information.indexOf(']');
      if (close < 0) {
        return;
      }
      ip = information.substring(1, close);
      rest = information.substring(close + 1);
    } else {
      int colon = information.indexOf(':');
      ip = colon < 0 ? information : information.substring(0, colon);
      rest = colon < 0 ? "" : information.substring(colon);
    }
    names.dns(ip);
    String[] parts = rest.split(":", 3);
    if (parts.length == 3) {
      names.dns(parts[2]);
    }
  }

  private static String unquote(String value) {
    String v = value.strip();
    return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : null;
  }
}
