package io.iisfarm.operator.host;

import io.iisfarm.operator.model.ObservedSite;
import io.iisfarm.operator.model.SiteWebConfig;
import io.iisfarm.operator.winrm.ReadIncompleteException;
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

  /** The folders to read, sites sharing one read once; folders whose path cannot be sent are left out. */
  static List<Target> targets(List<ObservedSite> sites) {
    Map<String, Target> byFolder = new LinkedHashMap<>();
    for (ObservedSite site : sites) {
      String root = site.physicalPath();
      if (root == null || root.isBlank() || root.indexOf('"') >= 0 || !representable(root)) {
        continue;
      }
      String folder = root.endsWith("\\") ? root.substring(0, root.length() - 1) : root;
      byFolder.putIfAbsent(folder.toLowerCase(Locale.ROOT), new Target(site.name(), folder));
    }
    return new ArrayList<>(byFolder.values());
  }

  /**
   * The sites whose folder cannot be read because its path holds characters the console code page cannot
   * carry: what came back is not the real name, so it is not sent back to the host.
   */
  static List<SiteWebConfig> unrepresentable(List<ObservedSite> sites) {
    List<SiteWebConfig> out = new ArrayList<>();
    for (ObservedSite site : sites) {
      String root = site.physicalPath();
      if (root != null && !root.isBlank() && !representable(root)) {
        out.add(SiteWebConfig.unreadable(site.name(), root + "\\web.config", "its folder's name holds characters"
            + " the WinRM shell's code page " + HostReadCommand.CONSOLE_CODE_PAGE + " cannot carry"));
      }
    }
    return out;
  }

  /** Windows writes {@code ?} for what the console code page lacks; a Windows path never holds one. */
  private static boolean representable(String path) {
    return path.indexOf('?') < 0 && path.indexOf('\uFFFD') < 0;
  }

  /**
   * Command lines covering every target in order, each under cmd's limit:
   * {@code for %p in ("D:\sites\shop" ...) do @(echo ==iisfarm:siteconfig== & (if exist "%~p\web.config" (...)
   * else if exist "%~p\" (echo ==iisfarm:@absent==) else echo ==iisfarm:@nofolder==))}. A folder that cannot be
   * seen (missing, or a UNC share the WinRM session holds no credentials for) is told apart from a folder without
   * a web.config. FOR replaces {@code %~p} (the folder without its quotes) after the line is parsed, so
   * characters such as {@code &} in a folder name stay text; {@code @} keeps cmd from echoing each loop body at
   * the command line (learn.microsoft.com/windows-server/administration/windows-commands/for).
   */
  static List<String> build(List<Target> targets, String tempFile) {
    String file = "\"%~p\\web.config\"";
    String t = Cmd.quote(tempFile);
    String body = ") do @(" + Sections.echo(PART) + " & (if exist " + file + " (certutil -f -encode " + file + " "
        + t + " >nul & " + Sections.exitCode("certutil") + " & type " + t + " & del " + t + ") else if exist"
        + " \"%~p\\\" (" + Sections.status("absent") + ") else " + Sections.status("nofolder") + "))"
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
    List<Sections.Part> found = new ArrayList<>();
    for (String output : outputs) {
      List<Sections.Part> parts = Sections.parts(output);
      if (parts.isEmpty() || !parts.get(parts.size() - 1).name().equals(HostReadCommand.END)) {
        throw new WinRmProtocolException(host, PART, "the site web.config read was cut short", null);
      }
      parts.stream().filter(p -> p.name().equals(PART)).forEach(found::add);
    }
    if (found.size() != targets.size()) {
      throw new WinRmProtocolException(host, PART, "the site web.config read printed " + found.size()
          + " parts for " + targets.size() + " folders", null);
    }
    List<SiteWebConfig> configs = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      Target target = targets.get(i);
      Sections.Part part = found.get(i);
      if (part.has("nofolder")) {
        configs.add(SiteWebConfig.unreadable(target.site(), target.path(), "its folder " + target.folder()
            + " cannot be seen from the WinRM session (missing, or a network share: a WinRM session holds no"
            + " credentials for a second hop)"));
        continue;
      }
      byte[] bytes;
      try {
        bytes = FilePart.read(host, part, target.path());
      } catch (ReadIncompleteException e) {
        configs.add(SiteWebConfig.unreadable(target.site(), target.path(), "certutil failed on it (exit code "
            + e.exitCode() + ")"));
        continue;
      }
      if (bytes == null) {
        continue;
      }
      String partName = "web.config of site " + target.site();
      ConfigXml.Parsed parsed = HostReadCommand.parsePart(host, partName, () -> ConfigXml.parse(bytes));
      configs.add(new SiteWebConfig(target.site(), target.path(), parsed.machineKey(), parsed.sessionState()));
    }
    return configs;
  }
}
