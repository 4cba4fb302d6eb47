package io.iisfarm.operator.host;

import java.io.StringReader;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * IIS Shared Configuration: {@code %windir%\system32\inetsrv\config\redirection.config} and its
 * {@code <configurationRedirection enabled="true" path="\\server\share" .../>}
 * (learn.microsoft.com/iis/configuration/configurationredirection). With it, IIS reads applicationHost.config
 * from the store, so a site ID changed on one host changes on every host that shares the store. The file also
 * holds the share's user name and (encrypted) password: only {@code enabled} and {@code path} are read, and the
 * bytes are not kept.
 */
final class RedirectionConfig {
  static final String PATH = "%windir%\\system32\\inetsrv\\config\\redirection.config";

  private RedirectionConfig() {}

  /**
   * The UNC path of the shared store, or null when there is no redirection.config (IIS6), redirection is off,
   * or it points at a folder of the host itself (then nothing is shared with other hosts).
   *
   * @param bytes the file's bytes, or null when it does not exist
   * @throws IllegalArgumentException when the file is not XML
   */
  static String sharedStore(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    XmlBytes xml = XmlBytes.decode(bytes);
    try {
      XMLStreamReader reader = ConfigXml.newFactory().createXMLStreamReader(new StringReader(xml.text()));
      while (reader.hasNext()) {
        if (reader.next() == XMLStreamConstants.START_ELEMENT
            && reader.getLocalName().equalsIgnoreCase("configurationRedirection")) {
          String enabled = attribute(reader, "enabled");
          String path = attribute(reader, "path");
          boolean on = enabled != null && enabled.strip().equalsIgnoreCase("true");
          return on && path != null && path.strip().startsWith("\\\\") ? path.strip() : null;
        }
      }
      return null;
    } catch (XMLStreamException e) {
      throw new IllegalArgumentException("redirection.config is not well-formed XML at line "
          + (e.getLocation() == null ? "?" : e.getLocation().getLineNumber()));
    }
  }

  private static String attribute(XMLStreamReader reader, String name) {
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      if (reader.getAttributeLocalName(i).equalsIgnoreCase(name)) {
        return reader.getAttributeValue(i);
      }
    }
    return null;
  }
}
