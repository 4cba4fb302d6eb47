package io.iisfarm.operator.host;

import io.iisfarm.operator.model.KeyAttribute;
import io.iisfarm.operator.model.MachineKeySetting;
import io.iisfarm.operator.model.SessionStateSetting;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the {@code <machineKey>} and {@code <sessionState>} of a machine.config or web.config: the elements
 * directly under {@code configuration/system.web}, which is where the .NET configuration system reads them
 * (machineKey element: learn.microsoft.com/previous-versions/dotnet/netframework-4.0/w8h3skw9(v=vs.100);
 * sessionState element: .../h6bb9cz9(v=vs.100)). {@code <location>} blocks are left out.
 */
final class ConfigXml {

  /** What one config file says; null fields mean the element is absent. */
  record Parsed(MachineKeySetting machineKey, SessionStateSetting sessionState) {}

  static final String[] MACHINE_KEY_PATH = {"configuration", "system.web", "machineKey"};
  static final String[] SESSION_STATE_PATH = {"configuration", "system.web", "sessionState"};

  private ConfigXml() {}

  /**
   * @throws IllegalArgumentException when the bytes are not well-formed XML; the message never quotes them
   */
  static Parsed parse(byte[] bytes) {
    XmlBytes xml = XmlBytes.decode(bytes);
    Map<String, String> machineKey = null;
    Map<String, String> sessionState = null;
    try {
      XMLStreamReader reader = newFactory().createXMLStreamReader(new StringReader(xml.text()));
      Deque<String> path = new ArrayDeque<>();
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          path.addLast(reader.getLocalName());
          if (machineKey == null && matches(path, MACHINE_KEY_PATH)) {
            machineKey = attributes(reader);
          } else if (sessionState == null && matches(path, SESSION_STATE_PATH)) {
            sessionState = attributes(reader);
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          path.removeLast();
        }
      }
    } catch (XMLStreamException e) {
      throw new IllegalArgumentException("not well-formed XML at line "
          + (e.getLocation() == null ? "?" : e.getLocation().getLineNumber()));
    }
    return new Parsed(machineKey == null ? null : machineKey(machineKey),
        sessionState == null ? null : sessionState(sessionState));
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
    Map<String, String> attributes = new HashMap<>();
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
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
