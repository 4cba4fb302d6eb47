package io.iisfarm.operator.host;

import io.iisfarm.operator.model.ObservedApplication;
import io.iisfarm.operator.model.ObservedSite;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code adsutil.vbs ENUM_ALL <path>} prints (IIS6). For each metabase key it prints {@code [/W3SVC/1]},
 * then the properties set at that key (inherited ones are left out), one per line: the name padded to 32
 * columns, {@code : (STRING) "value"} (or {@code (EXPANDSZ)}, {@code (INTEGER) 2}, {@code (BOOLEAN) True},
 * {@code (LIST) (n Items)} followed by {@code   "item"} lines), then the keys below it. Names of 32 characters
 * or more are followed by {@code  : }. Source: adsutil.vbs (IIS 6.0 AdminScripts), EnumCommand; the
 * Windows Server 2003 docs "Using the Adsutil.vbs Administration Script".
 */
final class AdsutilOutput {

  /** One metabase key and the properties set on it, e.g. {@code /W3SVC/1/ROOT}. */
  record Key(String path, Map<String, String> properties) {}

  private static final Pattern HEADER = Pattern.compile("^\\[(/[^\\]]+)\\]\\s*$");
  private static final Pattern PROPERTY = Pattern.compile("^(\\S+)\\s*:\\s*\\(([A-Z]+)\\)\\s?(.*)$");
  private static final Pattern SITE_KEY = Pattern.compile("^/W3SVC/(\\d+)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern ROOT_KEY = Pattern.compile("^/W3SVC/(\\d+)/ROOT(/.*)?$", Pattern.CASE_INSENSITIVE);

  /** ServerState values (IIS 6.0 metabase reference, ServerState; MD_SERVER_STATE_*). */
  private static final String[] SERVER_STATES = {
      "Unknown", "Starting", "Started", "Stopping", "Stopped", "Pausing", "Paused", "Continuing"};

  private AdsutilOutput() {}

  static List<Key> parse(String text) {
    List<Key> keys = new ArrayList<>();
    Key current = null;
    for (String line : text.split("\r?\n")) {
      Matcher header = HEADER.matcher(line);
      if (header.matches()) {
        current = new Key(header.group(1), new LinkedHashMap<>());
        keys.add(current);
        continue;
      }
      Matcher property = PROPERTY.matcher(line);
      if (current != null && property.matches()) {
        current.properties().put(property.group(1).toLowerCase(Locale.ROOT), value(property.group(2), property.group(3)));
      }
    }
    return keys;
  }

  private static String value(String type, String raw) {
    String v = raw.strip();
    if ((type.equals("STRING") || type.equals("EXPANDSZ")) && v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }

  /**
   * The sites among the keys: {@code /W3SVC/<number>} (AppPools, Filters and Info are not sites), with their
   * ServerComment, state, the ROOT key's Path and AppRoot, and the applications (keys with an AppRoot) below ROOT.
   */
  static List<ObservedSite> sites(List<Key> keys) {
    Map<Long, Key> sites = new LinkedHashMap<>();
    for (Key key : keys) {
      Matcher m = SITE_KEY.matcher(key.path());
      if (m.matches()) {
        sites.put(Long.parseLong(m.group(1)), key);
      }
    }
    List<ObservedSite> result = new ArrayList<>();
    for (Map.Entry<Long, Key> site : sites.entrySet()) {
      long id = site.getKey();
      String physicalPath = null;
      String appRoot = null;
      List<ObservedApplication> applications = new ArrayList<>();
      for (Key key : keys) {
        Matcher m = ROOT_KEY.matcher(key.path());
        if (!m.matches() || Long.parseLong(m.group(1)) != id) {
          continue;
        }
        if (m.group(2) == null) {
          physicalPath = key.properties().get("path");
          appRoot = key.properties().get("approot");
        } else if (key.properties().containsKey("approot")) {
          applications.add(new ObservedApplication(key.path().substring(1), key.properties().get("approot")));
        }
      }
      Map<String, String> p = site.getValue().properties();
      result.add(new ObservedSite(p.getOrDefault("servercomment", ""), id, state(p), physicalPath, appRoot, applications));
    }
    result.sort(Comparator.comparingLong(ObservedSite::id));
    return result;
  }

  /**
   * ServerState when printed (a number, the same in every language); else ServerAutoStart, which IIS sets to
   * False when a site is stopped. VBScript prints Booleans in the user's language, so only True/False and the
   * numbers -1/0 are read; any other word leaves the state Unknown.
   */
  private static String state(Map<String, String> p) {
    String state = p.get("serverstate");
    if (state != null) {
      try {
        int n = Integer.parseInt(state.strip());
        return n > 0 && n < SERVER_STATES.length ? SERVER_STATES[n] : "Unknown";
      } catch (NumberFormatException e) {
        return "Unknown";
      }
    }
    String autoStart = p.get("serverautostart");
    if (autoStart != null) {
      String v = autoStart.strip();
      if (v.equalsIgnoreCase("True") || v.equals("-1")) {
        return "Started";
      }
      if (v.equalsIgnoreCase("False") || v.equals("0")) {
        return "Stopped";
      }
    }
    return "Unknown";
  }
}
