package io.iisfarm.operator.simulator.windows;

import java.util.List;

/**
 * Writes a W3SVC tree in the shape of IIS 6.0's MetaBase.xml (one element per key, named after its
 * KeyType, with a Location attribute and one attribute per property), for iisback's backup files.
 */
final class MetabaseXml {
  private MetabaseXml() {}

  static String render(Metabase.Key root, Metabase.Key w3svc) {
    StringBuilder x = new StringBuilder("<?xml version =\"1.0\"?>\r\n");
    x.append("<configuration xmlns=\"urn:microsoft-catalog:XML_Metabase_V64_0\">\r\n<MBProperty>\r\n");
    key(x, "/LM/W3SVC", w3svc);
    x.append("</MBProperty>\r\n</configuration>\r\n");
    return x.toString();
  }

  private static void key(StringBuilder x, String location, Metabase.Key key) {
    String type = key.keyType() == null ? "IIsConfigObject" : key.keyType();
    x.append('\t').append('<').append(type).append("\tLocation =\"").append(location).append('"');
    for (Metabase.Property p : key.props.values()) {
      if (p.name().equals("KeyType")) {
        continue;
      }
      x.append("\r\n\t\t").append(p.name()).append("=\"").append(AppCmdTool.xml(value(p))).append('"');
    }
    x.append("\r\n\t>\r\n\t</").append(type).append(">\r\n");
    for (Metabase.Key child : key.children) {
      key(x, location + "/" + child.name, child);
    }
  }

  @SuppressWarnings("unchecked")
  private static String value(Metabase.Property p) {
    if (p.value() instanceof List<?> list) {
      return String.join("\n", (List<String>) list);
    }
    if (p.value() instanceof Boolean b) {
      return b ? "TRUE" : "FALSE";
    }
    return String.valueOf(p.value());
  }
}
