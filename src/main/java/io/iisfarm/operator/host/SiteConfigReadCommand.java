package io.iisfarm.operator.host;

import io.iisfarm.operator.model.ObservedSite;
import io.iisfarm.operator.model.SiteWebConfig;
import io.iisfarm.operator.winrm.WinRmProtocolException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The second read, only when asked: each site's own web.config (in its root physical path) as certutil
 * base64, to report a {@code <machineKey>} or {@code <sessionState>} that overrides the machine level.
 * Sites sharing a folder are read once. Normally one command line; split only when the paths of very many
 * sites would pass cmd's limit.
 */
final class SiteConfigReadCommand {

  /** A site's web.config to read. */
  record Target(String site, String path) {}

  private SiteConfigReadCommand() {}

  static List<Target> targets(List<ObservedSite> sites) {
    Map<String, Target> byPath = new LinkedHashMap<>();
    for (ObservedSite site : sites) {
      String root = site.physicalPath();
      if (root == null || root.isBlank() || root.indexOf('"') >= 0) {
        continue;
      }
      String path = (root.endsWith("\\") ? root : root + "\\") + "web.config";
      byPath.putIfAbsent(path.toLowerCase(Locale.ROOT), new Target(site.name(), path));
    }
    return new ArrayList<>(byPath.values());
  }

  static String part(int index) {
    return "siteconfig:" + index;
  }

  /** Command lines covering every target, each under cmd's limit; parts are numbered across them. */
  static List<String> build(List<Target> targets, String tempFile) {
    List<String> pieces = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      pieces.add(Sections.echo(part(i)) + " & " + Cmd.printFileBase64(targets.get(i).path(), tempFile));
    }
    return Cmd.pack(pieces, Sections.echo(HostReadCommand.END));
  }

  /** Parses the outputs of {@link #build} in order; sites without a web.config are left out. */
  static List<SiteWebConfig> parse(String host, List<Target> targets, List<String> outputs) {
    Map<String, String> parts = new LinkedHashMap<>();
    for (String output : outputs) {
      Map<String, String> split = Sections.split(output);
      if (!split.containsKey(HostReadCommand.END)) {
        throw new WinRmProtocolException(host, "siteconfig", "the site web.config read was cut short", null);
      }
      parts.putAll(split);
    }
    List<SiteWebConfig> configs = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      Target target = targets.get(i);
      String text = parts.get(part(i));
      if (text == null) {
        throw new WinRmProtocolException(host, part(i), "the site web.config read lacks the part for " + target.site(), null);
      }
      if (text.isBlank()) {
        continue;
      }
      String partName = "web.config of site " + target.site();
      ConfigXml.Parsed parsed = HostReadCommand.parsePart(host, partName,
          () -> ConfigXml.parse(CertutilBase64.decode(text)));
      configs.add(new SiteWebConfig(target.site(), target.path(), parsed.machineKey(), parsed.sessionState()));
    }
    return configs;
  }
}
