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
 * Sites sharing a folder are read once. One cmd {@code for} loop walks the folders, so a site costs only its
 * quoted folder on the command line: one line for a few hundred sites, more only past cmd's length limit.
 */
final class SiteConfigReadCommand {

  /** A site's web.config to read, in {@code folder}. */
  record Target(String site, String folder) {
    String path() {
      return folder + "\\web.config";
    }
  }

  static final String PART = "siteconfig";

  private SiteConfigReadCommand() {}

  static List<Target> targets(List<ObservedSite> sites) {
    Map<String, Target> byFolder = new LinkedHashMap<>();
    for (ObservedSite site : sites) {
      String root = site.physicalPath();
      if (root == null || root.isBlank() || root.indexOf('"') >= 0) {
        continue;
      }
      String folder = root.endsWith("\\") ? root.substring(0, root.length() - 1) : root;
      byFolder.putIfAbsent(folder.toLowerCase(Locale.ROOT), new Target(site.name(), folder));
    }
    return new ArrayList<>(byFolder.values());
  }

  /**
   * Command lines covering every target in order, each under cmd's limit:
   * {@code for %p in ("D:\sites\shop" ...) do @(echo ==iisfarm:siteconfig== & (if exist "%~p\web.config" (...)))}.
   * FOR replaces {@code %~p} (the folder without its quotes) after the line is parsed, so characters such as
   * {@code &} in a folder name stay text; {@code @} keeps cmd from echoing each loop body at the command line
   * (learn.microsoft.com/windows-server/administration/windows-commands/for).
   */
  static List<String> build(List<Target> targets, String tempFile) {
    String file = "\"%~p\\web.config\"";
    String body = ") do @(" + Sections.echo(PART) + " & (if exist " + file + " (certutil -f -encode " + file + " "
        + Cmd.quote(tempFile) + " >nul & type " + Cmd.quote(tempFile) + " & del " + Cmd.quote(tempFile) + ")))"
        + " & " + Sections.echo(HostReadCommand.END);
    List<String> lines = new ArrayList<>();
    List<String> folders = new ArrayList<>();
    for (Target target : targets) {
      folders.add(Cmd.quote(target.folder()));
      if (folders.size() > 1 && !Cmd.fits(loop(folders, body))) {
        folders.remove(folders.size() - 1);
        lines.add(Cmd.checked(loop(folders, body)));
        folders = new ArrayList<>(List.of(Cmd.quote(target.folder())));
      }
    }
    if (!folders.isEmpty()) {
      lines.add(Cmd.checked(loop(folders, body)));
    }
    return lines;
  }

  private static String loop(List<String> folders, String body) {
    return "for %p in (" + String.join(" ", folders) + body;
  }

  /**
   * Parses the outputs of {@link #build} in order: the loop prints one part per folder, in the order given;
   * sites without a web.config are left out.
   */
  static List<SiteWebConfig> parse(String host, List<Target> targets, List<String> outputs) {
    List<String> texts = new ArrayList<>();
    for (String output : outputs) {
      List<Map.Entry<String, String>> parts = Sections.list(output);
      if (parts.isEmpty() || !parts.get(parts.size() - 1).getKey().equals(HostReadCommand.END)) {
        throw new WinRmProtocolException(host, PART, "the site web.config read was cut short", null);
      }
      parts.stream().filter(p -> p.getKey().equals(PART)).forEach(p -> texts.add(p.getValue()));
    }
    if (texts.size() != targets.size()) {
      throw new WinRmProtocolException(host, PART, "the site web.config read printed " + texts.size()
          + " parts for " + targets.size() + " folders", null);
    }
    List<SiteWebConfig> configs = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      Target target = targets.get(i);
      String text = texts.get(i);
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
