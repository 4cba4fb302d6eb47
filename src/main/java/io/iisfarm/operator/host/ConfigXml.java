package io.iisfarm.operator.host;

import io.iisfarm.operator.api.ClrRuntime;
import io.iisfarm.operator.model.KeyAttribute;
import io.iisfarm.operator.model.MachineKeyElement;
import io.iisfarm.operator.model.MachineKeySetting;
import io.iisfarm.operator.model.SessionStateSetting;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the {@code <machineKey>} and {@code <sessionState>} of a machine.config or web.config: the elements
 * under {@code configuration/system.web}, which is where the .NET configuration system reads them
 * (machineKey element: learn.microsoft.com/previous-versions/dotnet/netframework-4.0/w8h3skw9(v=vs.100);
 * sessionState element: .../h6bb9cz9(v=vs.100)), also inside a {@code <location>} that applies to the file's own
 * level (no path, {@code ""} or {@code "."}), the documented way to lock a setting in machine.config. Locations
 * naming a site or folder are not machine-level settings and are left out.
 */
final class ConfigXml {

  /** What one config file says; null fields mean the element is absent (or, for machineKey, unreadable). */
  record Parsed(MachineKeySetting machineKey, SessionStateSetting sessionState, MachineKeyElement machineKeyElement) {}

  static final String[] MACHINE_KEY_PATH = {"configuration", "system.web", "machineKey"};
  static final String[] SESSION_STATE_PATH = {"configuration", "system.web", "sessionState"};

  private ConfigXml() {}

  /** As {@link #parse(byte[], ClrRuntime)} for a file whose runtime is not known (a site's web.config). */
  static Parsed parse(byte[] bytes) {
    return parse(bytes, ClrRuntime.V4_0);
  }

  /**
   * @param runtime whose configuration system reads the file: decides which machineKey attributes it knows
   * @throws IllegalArgumentException when the bytes are not well-formed XML; the message never quotes them
   */
  static Parsed parse(byte[] bytes, ClrRuntime runtime) {
    XmlBytes xml = XmlBytes.decode(bytes);
    Map<String, String> machineKey = null;
    Map<String, String> sessionState = null;
    int machineKeys = 0;
    boolean inLocation = false;
    boolean locked = false;
    try {
      XMLStreamReader reader = newFactory().createXMLStreamReader(new StringReader(xml.text()));
      Scopes scopes = new Scopes();
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          scopes.enter(reader);
          if (scopes.isMachineLevel("machineKey")) {
            machineKeys++;
            if (machineKey == null) {
              machineKey = attributes(reader);
              inLocation = scopes.inLocation();
              locked = scopes.locked();
            }
          } else if (sessionState == null && scopes.isMachineLevel("sessionState")) {
            sessionState = attributes(reader);
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          scopes.leave();
        }
      }
    } catch (XMLStreamException e) {
      throw new IllegalArgumentException("not well-formed XML at line "
          + (e.getLocation() == null ? "?" : e.getLocation().getLineNumber()));
    }
    SessionStateSetting session = sessionState == null ? null : sessionState(sessionState);
    if (machineKey == null) {
      return new Parsed(null, session, null);
    }
    String provider = machineKey.get("configProtectionProvider");
    List<String> problems = new ArrayList<>(MachineKeySchema.problems(machineKey, runtime));
    if (machineKeys > 1) {
      problems.add(0, machineKeys + " machine-level <machineKey> elements (at the top of <system.web> and in"
          + " <location path=\".\">): ASP.NET allows one per file and rejects the file (\"Sections must only"
          + " appear once per config file\")");
    }
    MachineKeyElement element = new MachineKeyElement(machineKeys, inLocation, locked, provider, problems);
    boolean readable = machineKeys == 1 && provider == null;
    return new Parsed(readable ? machineKey(machineKey) : null, session, element);
  }

  /**
   * The element path while reading, with whether it runs through a {@code <location>} of the file's own level
   * (no path, {@code path=""} or {@code path="."}) and whether that location locks its settings.
   */
  static final class Scopes {
    private final Deque<String> path = new ArrayDeque<>();
    private int machineLocationDepth = -1;
    private boolean locked;

    void enter(XMLStreamReader reader) {
      path.addLast(reader.getLocalName());
      if (path.size() == 2 && reader.getLocalName().equals("location")) {
        String where = reader.getAttributeValue(null, "path");
        if (where == null || where.isBlank() || where.strip().equals(".")) {
          machineLocationDepth = 2;
          locked = "false".equalsIgnoreCase(strip(reader.getAttributeValue(null, "allowOverride")))
              || "Deny".equalsIgnoreCase(strip(reader.getAttributeValue(null, "overrideMode")));
        }
      }
    }

    void leave() {
      if (path.size() == machineLocationDepth) {
        machineLocationDepth = -1;
        locked = false;
      }
      path.removeLast();
    }

    boolean inLocation() {
      return machineLocationDepth > 0;
    }

    Deque<String> path() {
      return path;
    }

    boolean locked() {
      return locked;
    }

    /** {@code configuration/system.web/<name>}, or the same inside a location of the file's own level. */
    boolean isMachineLevel(String name) {
      List<String> p = List.copyOf(path);
      if (p.size() == 3) {
        return p.get(0).equals("configuration") && p.get(1).equals("system.web") && p.get(2).equals(name);
      }
      return p.size() == 4 && inLocation() && p.get(0).equals("configuration") && p.get(2).equals("system.web")
          && p.get(3).equals(name);
    }

    private static String strip(String s) {
      return s == null ? null : s.strip();
    }
  }

  /** A StAX factory of the JDK (not whichever one the classpath brings) with DTDs and external entities off. */
  static XMLInputFactory newFactory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return factory;
  }

  static boolean matches(Deque<String> path, String[] expected) {
    if (path.size() != expected.length) {
      return false;
    }
    int i = 0;
    for (String name : path) {
      if (!name.equals(expected[i++])) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, String> attributes(XMLStreamReader reader) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      String prefix = reader.getAttributePrefix(i);
      String name = reader.getAttributeLocalName(i);
      attributes.put(prefix == null || prefix.isEmpty() ? name : prefix + ":" + name, reader.getAttributeValue(i));
    }
    return attributes;
  }

  static MachineKeySetting machineKey(Map<String, String> a) {
    return new MachineKeySetting(
        keyAttribute(a.get("validationKey")),
        keyAttribute(a.get("decryptionKey")),
        a.get("validation"),
        a.get("decryption"),
        a.get("compatibilityMode"));
  }

  private static KeyAttribute keyAttribute(String raw) {
    return raw == null || raw.isBlank() ? null : KeyAttribute.parse(raw);
  }

  static SessionStateSetting sessionState(Map<String, String> a) {
    return new SessionStateSetting(a.get("mode"), a.get("stateConnectionString"),
        sqlDataSource(a.get("sqlConnectionString")));
  }

  /**
   * The server of a SQL connection string, and nothing else: the string may carry a password. Keywords per
   * SqlConnection.ConnectionString: "Data Source", "Server", "Address", "Addr", "Network Address".
   */
  static String sqlDataSource(String connectionString) {
    if (connectionString == null) {
      return null;
    }
    for (String part : connectionString.split(";")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
      if (key.equals("data source") || key.equals("server") || key.equals("address") || key.equals("addr")
          || key.equals("network address")) {
        String value = part.substring(eq + 1).strip();
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
            || value.startsWith("'") && value.endsWith("'"))) {
          value = value.substring(1, value.length() - 1);
        }
        return value;
      }
    }
    return null;
  }
}
