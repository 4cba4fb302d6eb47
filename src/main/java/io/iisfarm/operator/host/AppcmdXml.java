package io.iisfarm.operator.host;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The {@code /xml} output of appcmd: an {@code <appcmd>} root with one element per object, whose attributes
 * are the object's identity ({@code SITE.NAME}, {@code SITE.ID}, {@code VDIR.NAME}, {@code APP.NAME},
 * {@code BACKUP.NAME}) and properties ({@code state}, {@code bindings}, {@code physicalPath}), e.g.
 * {@code <appcmd><SITE SITE.NAME="Default Web Site" SITE.ID="1" bindings="http/*:80:" state="Started" /></appcmd>}
 * (learn.microsoft.com/iis/get-started/getting-started-with-iis/getting-started-with-appcmdexe, "/xml").
 * Bindings may hold commas, so the text form is not parsed.
 */
final class AppcmdXml {

  record Site(String name, long id, String state) {}

  private AppcmdXml() {}

  /**
   * @throws IllegalArgumentException when the text is not appcmd XML
   */
  static List<Site> sites(String xml) {
    List<Site> sites = new ArrayList<>();
    for (Map<String, String> a : objects(xml, "SITE")) {
      String name = a.get("site.name");
      String id = a.get("site.id");
      if (name == null || id == null) {
        throw new IllegalArgumentException("a SITE element lacks SITE.NAME or SITE.ID");
      }
      try {
        sites.add(new Site(name, Long.parseLong(id.strip()), a.getOrDefault("state", "Unknown")));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("SITE.ID is not a number");
      }
    }
    return sites;
  }

  /**
   * Physical path of each site's root, by site name (lower case): the virtual directory "/" of the
   * application "/", which appcmd names {@code <site>/} in both VDIR.NAME and APP.NAME.
   */
  static Map<String, String> rootPhysicalPaths(String xml) {
    Map<String, String> paths = new LinkedHashMap<>();
    for (Map<String, String> a : objects(xml, "VDIR")) {
      String vdir = a.get("vdir.name");
      String app = a.get("app.name");
      String path = a.get("physicalpath");
      if (vdir != null && vdir.endsWith("/") && vdir.indexOf('/') == vdir.length() - 1 && vdir.equals(app)
          && path != null) {
        paths.put(vdir.substring(0, vdir.length() - 1).toLowerCase(Locale.ROOT), path);
      }
    }
    return paths;
  }

  static List<String> backups(String xml) {
    List<String> names = new ArrayList<>();
    for (Map<String, String> a : objects(xml, "BACKUP")) {
      if (a.get("backup.name") != null) {
        names.add(a.get("backup.name"));
      }
    }
    return names;
  }

  /** The attributes (names lower-cased) of every {@code element} under the {@code <appcmd>} root. */
  private static List<Map<String, String>> objects(String xml, String element) {
    int start = xml.indexOf('<');
    if (start < 0) {
      throw new IllegalArgumentException("no XML in appcmd's output");
    }
    List<Map<String, String>> objects = new ArrayList<>();
    try {
      XMLStreamReader reader = ConfigXml.newFactory().createXMLStreamReader(new StringReader(xml.substring(start)));
      int depth = 0;
      boolean rootSeen = false;
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          depth++;
          if (depth == 1) {
            if (!"appcmd".equalsIgnoreCase(reader.getLocalName())) {
              throw new IllegalArgumentException("the root element is not <appcmd>");
            }
            rootSeen = true;
          } else if (depth == 2 && element.equalsIgnoreCase(reader.getLocalName())) {
            Map<String, String> a = new LinkedHashMap<>();
            for (int i = 0; i < reader.getAttributeCount(); i++) {
              a.put(reader.getAttributeLocalName(i).toLowerCase(Locale.ROOT), reader.getAttributeValue(i));
            }
            objects.add(a);
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
          if (depth == 0) {
            break;
          }
        }
      }
      if (!rootSeen) {
        throw new IllegalArgumentException("no <appcmd> element");
      }
    } catch (XMLStreamException e) {
      throw new IllegalArgumentException("appcmd's output is not well-formed XML");
    }
    return objects;
  }
}
