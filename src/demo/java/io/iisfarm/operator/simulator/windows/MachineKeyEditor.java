package io.iisfarm.operator.simulator.windows;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits the {@code <machineKey>} element of a config file the way an admin with a text editor would:
 * the given attributes are replaced or added, everything else (BOM, line ends, other elements) stays.
 * Without an element, one is added to the last {@code <system.web>} section.
 */
final class MachineKeyEditor {
  private static final Pattern ELEMENT = Pattern.compile("<machineKey\\b([^>]*?)\\s*/>", Pattern.CASE_INSENSITIVE);
  private static final Pattern ATTRIBUTE = Pattern.compile("([A-Za-z]+)\\s*=\\s*\"([^\"]*)\"");

  private MachineKeyEditor() {}

  static byte[] apply(byte[] file, Map<String, String> changes) {
    boolean bom = file.length >= 3 && (file[0] & 0xFF) == 0xEF && (file[1] & 0xFF) == 0xBB && (file[2] & 0xFF) == 0xBF;
    String text = new String(file, bom ? 3 : 0, file.length - (bom ? 3 : 0), StandardCharsets.UTF_8);
    String eol = text.contains("\r\n") ? "\r\n" : "\n";
    Matcher m = ELEMENT.matcher(text);
    String result;
    if (m.find()) {
      Map<String, String> attrs = new LinkedHashMap<>();
      Matcher a = ATTRIBUTE.matcher(m.group(1));
      while (a.find()) {
        attrs.put(a.group(1), a.group(2));
      }
      attrs.putAll(changes);
      result = text.substring(0, m.start()) + element(attrs) + text.substring(m.end());
    } else {
      int close = text.lastIndexOf("</system.web>");
      if (close < 0) {
        throw new IllegalArgumentException("the file has no <system.web> section");
      }
      int lineStart = text.lastIndexOf('\n', close) + 1;
      String indent = text.substring(lineStart, close) + "    ";
      result = text.substring(0, lineStart) + indent + element(new LinkedHashMap<>(changes)) + eol
          + text.substring(lineStart);
    }
    byte[] body = result.getBytes(StandardCharsets.UTF_8);
    if (!bom) {
      return body;
    }
    byte[] out = new byte[body.length + 3];
    out[0] = (byte) 0xEF;
    out[1] = (byte) 0xBB;
    out[2] = (byte) 0xBF;
    System.arraycopy(body, 0, out, 3, body.length);
    return out;
  }

  private static String element(Map<String, String> attrs) {
    StringBuilder e = new StringBuilder("<machineKey");
    attrs.forEach((k, v) -> e.append(' ').append(k).append("=\"").append(v).append('"'));
    return e.append(" />").toString();
  }
}
