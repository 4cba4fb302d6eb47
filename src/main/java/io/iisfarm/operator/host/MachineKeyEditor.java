package io.iisfarm.operator.host;

import io.iisfarm.operator.api.ClrRuntime;
import io.iisfarm.operator.model.KeyAttribute;
import io.iisfarm.operator.model.MachineKeySetting;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Sets the machine-level {@code <machineKey>} of a config file and changes no other byte: the JDK's
 * StAX parser finds the element (line and column), the change is made to that element's start tag only (or
 * a new element is inserted under {@code <system.web>}, created if missing), and the bytes are spliced, so
 * encoding, byte order mark, line endings, comments, attribute order and whitespace elsewhere stay as they were.
 */
final class MachineKeyEditor {

  /** The attributes the operator manages, in the order it writes them. */
  static final List<String> MANAGED = List.of("validationKey", "decryptionKey", "validation", "decryption",
      "compatibilityMode");

  private static final String[] CONFIGURATION_PATH = {"configuration"};
  private static final String[] SYSTEM_WEB_PATH = {"configuration", "system.web"};

  private static final Pattern ATTRIBUTE = Pattern.compile("(\\s+)([^\\s=/>]+)(\\s*=\\s*)(\"[^\"]*\"|'[^']*')");

  private MachineKeyEditor() {}

  /** As {@link #apply(byte[], MachineKeySetting, ClrRuntime)} for a v4.0 file. */
  static byte[] apply(byte[] original, MachineKeySetting desired) {
    return apply(original, desired, ClrRuntime.V4_0);
  }

  /**
   * Edits the machine-level {@code <machineKey>} where it is: directly under {@code <system.web>} or inside a
   * {@code <location>} of the file's own level (such as {@code <location path="." allowOverride="false">}, the
   * documented lock), so a locked key stays locked and no second element is ever added. Without one, a new
   * element goes under the first top-level {@code <system.web>}.
   *
   * @param runtime whose configuration system reads the file: the result must hold nothing it rejects
   * @throws IllegalArgumentException when the file cannot be edited safely (several machine-level elements, an
   *     encrypted element, a result the runtime would reject); the message never quotes the file
   */
  static byte[] apply(byte[] original, MachineKeySetting desired, ClrRuntime runtime) {
    XmlBytes xml = XmlBytes.decode(original);
    String text = xml.text();
    Positions p = locate(text);
    if (p.machineKeys > 1) {
      throw new IllegalArgumentException("the file holds " + p.machineKeys + " machine-level <machineKey> elements,"
          + " which ASP.NET rejects; remove all but one by hand");
    }
    if (p.encrypted) {
      throw new IllegalArgumentException("its <machineKey> is encrypted (configProtectionProvider); decrypt it"
          + " with aspnet_regiis -pd (or -pdf) first, or manage that file's key by hand");
    }
    String lb = xml.lineBreak();
    String element = newElement(desired);
    int start;
    int end;
    String replacement;
    if (p.machineKeyTagEnd >= 0) {
      start = tagStart(text, p.machineKeyTagEnd, "<machineKey");
      end = p.machineKeyTagEnd;
      replacement = rewriteStartTag(text.substring(start, end), desired);
    } else if (p.systemWebTagEnd >= 0) {
      int sysStart = tagStart(text, p.systemWebTagEnd, "<system.web");
      String sysIndent = indentBefore(text, sysStart);
      String unit = sysIndent.isEmpty() ? "    " : sysIndent;
      String childIndent = p.systemWebFirstChildTagEnd >= 0 && ownLine(text, p.systemWebFirstChildStart(text))
          ? indentBefore(text, p.systemWebFirstChildStart(text)) : sysIndent + unit;
      boolean empty = text.charAt(p.systemWebTagEnd - 2) == '/';
      if (empty) {
        start = sysStart;
        end = p.systemWebTagEnd;
        String open = text.substring(start, end).replaceFirst("\\s*/>$", ">");
        replacement = open + lb + childIndent + element + lb + sysIndent + "</system.web>";
      } else {
        start = p.systemWebTagEnd;
        end = start;
        replacement = lb + childIndent + element;
      }
    } else {
      if (p.configurationEndTagEnd < 0) {
        throw new IllegalArgumentException("no <configuration> element");
      }
      int endTag = text.lastIndexOf("</", p.configurationEndTagEnd - 1);
      String unit = p.configurationFirstChildTagEnd >= 0
          ? indentBefore(text, tagStart(text, p.configurationFirstChildTagEnd, "<")) : "";
      unit = unit.isEmpty() ? "    " : unit;
      String block = unit + "<system.web>" + lb + unit + unit + element + lb + unit + "</system.web>" + lb;
      if (ownLine(text, endTag)) {
        start = endTag - indentBefore(text, endTag).length();
        replacement = block;
      } else {
        start = endTag;
        replacement = lb + block;
      }
      end = start;
    }
    byte[] result = splice(xml, start, end, replacement);
    ConfigXml.Parsed check;
    try {
      check = ConfigXml.parse(result, runtime);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the edited file would not be well-formed");
    }
    if (!desired.equals(check.machineKey())) {
      throw new IllegalArgumentException("the edited file would not hold the desired machineKey");
    }
    if (check.machineKeyElement().rejected()) {
      throw new IllegalArgumentException("the .NET " + runtime.wireName() + " configuration system would reject"
          + " the edited element: " + String.join("; ", check.machineKeyElement().problems()));
    }
    return result;
  }

  /** The new element, attributes in {@link #MANAGED} order, absent ones left out. */
  static String newElement(MachineKeySetting desired) {
    StringBuilder b = new StringBuilder("<machineKey");
    desiredValues(desired).forEach((name, value) -> {
      if (value != null) {
        b.append(' ').append(name).append("=\"").append(escape(value, '"')).append('"');
      }
    });
    return b.append(" />").toString();
  }

  private static Map<String, String> desiredValues(MachineKeySetting d) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("validationKey", value(d.validationKey()));
    values.put("decryptionKey", value(d.decryptionKey()));
    values.put("validation", d.validation());
    values.put("decryption", d.decryption());
    values.put("compatibilityMode", d.compatibilityMode());
    return values;
  }

  private static String value(KeyAttribute attribute) {
    return attribute == null ? null : attribute.attributeValue();
  }

  /** Changes only the managed attributes of an existing start tag; the rest of the tag stays as written. */
  static String rewriteStartTag(String tag, MachineKeySetting desired) {
    Map<String, String> wanted = desiredValues(desired);
    Matcher m = ATTRIBUTE.matcher(tag);
    StringBuilder out = new StringBuilder();
    int nameEnd = "<machineKey".length();
    out.append(tag, 0, nameEnd);
    int pos = nameEnd;
    List<String> seen = new ArrayList<>();
    while (m.find(pos) && m.start() == pos) {
      String name = m.group(2);
      if (wanted.containsKey(name)) {
        seen.add(name);
        String value = wanted.get(name);
        if (value != null) {
          String quoted = m.group(4);
          char quote = quoted.charAt(0);
          out.append(m.group(1)).append(name).append(m.group(3)).append(quote).append(escape(value, quote)).append(quote);
        }
      } else {
        out.append(m.group());
      }
      pos = m.end();
    }
    for (String name : MANAGED) {
      String value = wanted.get(name);
      if (value != null && !seen.contains(name)) {
        out.append(' ').append(name).append("=\"").append(escape(value, '"')).append('"');
      }
    }
    out.append(tag.substring(pos));
    return out.toString();
  }

  private static String escape(String value, char quote) {
    String s = value.replace("&", "&amp;").replace("<", "&lt;");
    return quote == '"' ? s.replace("\"", "&quot;") : s.replace("'", "&apos;");
  }

  private static byte[] splice(XmlBytes xml, int start, int end, String replacement) {
    int byteStart = xml.byteOffset(start);
    int byteEnd = xml.byteOffset(end);
    byte[] original = xml.bytes();
    Charset charset = xml.charset();
    if (!new String(original, byteStart, byteEnd - byteStart, charset).equals(xml.text().substring(start, end))) {
      throw new IllegalArgumentException("character and byte positions disagree; the file is not edited");
    }
    byte[] middle = xml.encode(replacement);
    byte[] result = Arrays.copyOf(original, byteStart + middle.length + (original.length - byteEnd));
    System.arraycopy(middle, 0, result, byteStart, middle.length);
    System.arraycopy(original, byteEnd, result, byteStart + middle.length, original.length - byteEnd);
    return result;
  }

  private static int tagStart(String text, int tagEnd, String expectedPrefix) {
    int lt = text.lastIndexOf('<', tagEnd - 1);
    if (lt < 0 || !text.startsWith(expectedPrefix, lt) || text.charAt(tagEnd - 1) != '>') {
      throw new IllegalArgumentException("cannot locate the element the parser reported");
    }
    return lt;
  }

  private static String indentBefore(String text, int index) {
    int i = index;
    while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
      i--;
    }
    return text.substring(i, index);
  }

  private static boolean ownLine(String text, int index) {
    int i = index - indentBefore(text, index).length();
    return i == 0 || text.charAt(i - 1) == '\n' || text.charAt(i - 1) == '\r';
  }

  /** Character offsets just past the start tags (and the configuration end tag) the edit needs. */
  private static final class Positions {
    int configurationFirstChildTagEnd = -1;
    int configurationEndTagEnd = -1;
    int systemWebTagEnd = -1;
    int systemWebFirstChildTagEnd = -1;
    int machineKeyTagEnd = -1;
    int machineKeys;
    boolean encrypted;

    int systemWebFirstChildStart(String text) {
      return text.lastIndexOf('<', systemWebFirstChildTagEnd - 1);
    }
  }

  private static Positions locate(String text) {
    int[] lineStarts = lineStarts(text);
    Positions p = new Positions();
    try {
      XMLStreamReader reader = ConfigXml.newFactory().createXMLStreamReader(new StringReader(text));
      ConfigXml.Scopes scopes = new ConfigXml.Scopes();
      Deque<String> path = scopes.path();
      boolean inFirstSystemWeb = false;
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          scopes.enter(reader);
          int at = offset(reader.getLocation(), lineStarts);
          if (path.size() == 2 && p.configurationFirstChildTagEnd < 0) {
            p.configurationFirstChildTagEnd = at;
          }
          if (ConfigXml.matches(path, SYSTEM_WEB_PATH) && p.systemWebTagEnd < 0) {
            p.systemWebTagEnd = at;
            inFirstSystemWeb = true;
          } else if (inFirstSystemWeb && path.size() == 3 && p.systemWebFirstChildTagEnd < 0) {
            p.systemWebFirstChildTagEnd = at;
          }
          if (scopes.isMachineLevel("machineKey")) {
            p.machineKeys++;
            if (p.machineKeyTagEnd < 0) {
              p.machineKeyTagEnd = at;
              p.encrypted = reader.getAttributeValue(null, "configProtectionProvider") != null;
            }
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          if (ConfigXml.matches(path, SYSTEM_WEB_PATH)) {
            inFirstSystemWeb = false;
          }
          if (ConfigXml.matches(path, CONFIGURATION_PATH)) {
            p.configurationEndTagEnd = offset(reader.getLocation(), lineStarts);
          }
          scopes.leave();
        }
      }
    } catch (XMLStreamException e) {
      throw new IllegalArgumentException("not well-formed XML at line "
          + (e.getLocation() == null ? "?" : e.getLocation().getLineNumber()));
    }
    return p;
  }

  /** Line starts as XML counts lines: CR LF, CR and LF each end one. */
  private static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        starts.add(i + 1);
      } else if (c == '\n') {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int offset(Location location, int[] lineStarts) {
    return lineStarts[location.getLineNumber() - 1] + location.getColumnNumber() - 1;
  }
}
