package io.iisfarm.operator.host;

import io.iisfarm.operator.api.ClrRuntime;
import io.iisfarm.operator.model.Bitness;
import io.iisfarm.operator.model.ConfigFile;
import io.iisfarm.operator.model.ConfigKind;
import io.iisfarm.operator.model.ConfigLocation;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.IisVersion;
import io.iisfarm.operator.model.ObservedSite;
import io.iisfarm.operator.winrm.WinRmProtocolException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one command line that reads a whole host, and the parser of its output. Parts, each after a marker
 * line: {@code ver}, {@code hostname}, which IIS tools exist, appcmd's sites and virtual directories (IIS7+)
 * or adsutil's metabase dump (IIS6), which runtime/bitness pairs are installed, and each machine.config and
 * root web.config as certutil base64. Its length does not depend on the number of sites.
 */
final class HostReadCommand {

  static final String VER = "ver";
  static final String HOSTNAME = "hostname";
  static final String TOOLS = "tools";
  static final String SITES = "sites";
  static final String VDIRS = "vdirs";
  static final String METABASE = "metabase";
  static final String RUNTIMES = "runtimes";
  /** IIS7+ Shared Configuration: redirection.config (it holds no key; only enabled and path are kept). */
  static final String REDIRECTION = "redirection";
  /** The marker of each config file, in the order of {@link #allLocations()}. */
  static final String FILE = "file";
  static final String END = "end";
  /** The console code page the read's output is written and decoded in: what the transport's shell asks for. */
  static final int CONSOLE_CODE_PAGE = 437;

  private HostReadCommand() {}

  /** Every machine-level config location, in a fixed order. */
  static List<ConfigLocation> allLocations() {
    List<ConfigLocation> locations = new ArrayList<>();
    for (ClrRuntime runtime : ClrRuntime.values()) {
      for (Bitness bitness : Bitness.values()) {
        for (ConfigKind kind : ConfigKind.values()) {
          locations.add(new ConfigLocation(runtime, bitness, kind));
        }
      }
    }
    return locations;
  }

  /** {@code %windir%\Microsoft.NET\...\CONFIG\machine.config}: as cmd expands it on the host. */
  static String path(ConfigLocation location) {
    return "%windir%\\" + location.relativePath();
  }

  /** The name a config file's part goes by in messages, e.g. {@code file:v4.0/64/machine.config}. */
  static String filePart(ConfigLocation location) {
    return "file:" + location.runtime().wireName() + "/" + location.bitness().bits() + "/" + location.kind().fileName();
  }

  static String runtimeLabel(ClrRuntime runtime, Bitness bitness) {
    return runtime.wireName() + "/" + bitness.bits();
  }

  /**
   * The read; every program in it reports its exit code as a status of its part ({@link Sections#exitCode}), and
   * a file that does not exist says so ({@code @absent}), so that a failed or blocked program never looks like
   * an empty answer.
   */
  static String build(boolean readConfigs, String tempFile) {
    List<String> parts = new ArrayList<>();
    parts.add(Sections.echo(VER));
    parts.add("ver");
    parts.add(Sections.echo(HOSTNAME));
    parts.add("hostname");
    parts.add(Sections.exitCode(HOSTNAME));
    parts.add(Sections.echo(TOOLS));
    parts.add("(if exist " + Cmd.APPCMD + " echo appcmd)");
    parts.add("(if exist " + Cmd.ADSUTIL + " echo adsutil)");
    parts.add("(if exist " + Cmd.METABASE_XML + " echo metabase)");
    parts.add(Sections.echo(SITES));
    parts.add("(if exist " + Cmd.APPCMD + " (" + Cmd.appcmd("list site /xml") + " & " + Sections.exitCode("appcmd") + "))");
    parts.add(Sections.echo(VDIRS));
    parts.add("(if exist " + Cmd.APPCMD + " (" + Cmd.appcmd("list vdir /xml") + " & " + Sections.exitCode("appcmd") + "))");
    parts.add(Sections.echo(METABASE));
    parts.add("(if not exist " + Cmd.APPCMD + " if exist " + Cmd.ADSUTIL + " (" + Cmd.adsutil("ENUM_ALL W3SVC") + " & "
        + Sections.exitCode("cscript") + "))");
    parts.add(Sections.echo(RUNTIMES));
    for (ClrRuntime runtime : ClrRuntime.values()) {
      for (Bitness bitness : Bitness.values()) {
        String machineConfig = path(new ConfigLocation(runtime, bitness, ConfigKind.MACHINE_CONFIG));
        parts.add("(if exist " + Cmd.quote(machineConfig) + " echo " + runtimeLabel(runtime, bitness) + ")");
      }
    }
    parts.add(Sections.echo(REDIRECTION));
    parts.add(Cmd.printFileBase64(RedirectionConfig.PATH, tempFile));
    if (readConfigs) {
      parts.add(Cmd.printFilesBase64(allLocations().stream().map(HostReadCommand::path).toList(), tempFile, FILE));
    }
    parts.add(Sections.echo(END));
    return Cmd.checked(Cmd.join(parts));
  }

  /**
   * @throws WinRmProtocolException naming the part that is missing or cannot be read
   * @throws io.iisfarm.operator.winrm.ReadIncompleteException naming the part whose program failed or was blocked
   */
  static HostObservation parse(String host, String stdout, boolean readConfigs, Instant observedAt) {
    Map<String, Sections.Part> sections = Sections.byName(stdout);
    Map<String, String> parts = Sections.split(stdout);
    List<String> required = new ArrayList<>(List.of(VER, HOSTNAME, TOOLS, SITES, VDIRS, METABASE, RUNTIMES,
        REDIRECTION, END));
    for (String part : required) {
      if (!parts.containsKey(part)) {
        throw new WinRmProtocolException(host, part, "the read's output lacks its \"" + part
            + "\" part (output cut short or not from cmd.exe)", null);
      }
    }
    List<Sections.Part> fileParts = Sections.parts(stdout).stream().filter(p -> p.name().equals(FILE)).toList();
    List<ConfigLocation> locations = allLocations();
    if (readConfigs && fileParts.size() != locations.size()) {
      String part = filePart(locations.get(Math.min(fileParts.size(), locations.size() - 1)));
      throw new WinRmProtocolException(host, part, "the read's output has " + fileParts.size() + " config file parts, not "
          + locations.size() + " (output cut short or not from cmd.exe)", null);
    }
    WindowsVersion windows = parsePart(host, VER, () -> WindowsVersion.parse(parts.get(VER)));
    PartChecks.requireSuccess(host, sections.get(HOSTNAME), HOSTNAME, "hostname");
    String hostname = parts.get(HOSTNAME).strip();
    if (hostname.isEmpty() || hostname.contains("\n")) {
      throw new WinRmProtocolException(host, HOSTNAME, "hostname printed no single name", null);
    }
    List<String> tools = parts.get(TOOLS).lines().map(l -> l.strip().toLowerCase(Locale.ROOT)).toList();
    IisVersion iis = null;
    List<ObservedSite> sites = List.of();
    if (tools.contains("appcmd")) {
      iis = windows.iisWithAppcmd();
      PartChecks.requireSuccess(host, sections.get(SITES), "appcmd", "appcmd list site");
      PartChecks.requireSuccess(host, sections.get(VDIRS), "appcmd", "appcmd list vdir");
      sites = parsePart(host, SITES, () -> appcmdSites(parts.get(SITES), parts.get(VDIRS)));
    } else if (tools.contains("adsutil")) {
      iis = windows.iisWithMetabase();
      List<AdsutilOutput.Key> keys = PartChecks.metabase(host, sections.get(METABASE));
      sites = parsePart(host, METABASE, () -> AdsutilOutput.sites(keys));
    } else if (tools.contains("metabase")) {
      throw PartChecks.adminScriptsMissing(host);
    }
    List<HostObservation.RuntimeInstall> installed = new ArrayList<>();
    for (ClrRuntime runtime : ClrRuntime.values()) {
      for (Bitness bitness : Bitness.values()) {
        if (parts.get(RUNTIMES).lines().anyMatch(l -> l.strip().equals(runtimeLabel(runtime, bitness)))) {
          installed.add(new HostObservation.RuntimeInstall(runtime, bitness));
        }
      }
    }
    List<ConfigFile> files = new ArrayList<>();
    if (readConfigs) {
      for (int i = 0; i < locations.size(); i++) {
        ConfigLocation location = locations.get(i);
        Sections.Part part = fileParts.get(i);
        byte[] bytes = FilePart.read(host, new Sections.Part(filePart(location), part.text(), part.statuses()),
            path(location));
        if (bytes != null) {
          files.add(parsePart(host, filePart(location), () -> configFile(location, bytes)));
        }
      }
    }
    byte[] redirection = FilePart.read(host, sections.get(REDIRECTION), RedirectionConfig.PATH);
    String shared = parsePart(host, REDIRECTION, () -> RedirectionConfig.sharedStore(redirection));
    return new HostObservation(hostname, windows.line(), windows.serverName(), iis, sites, installed, readConfigs,
        files, List.of(), observedAt, shared, CONSOLE_CODE_PAGE);
  }

  static ConfigFile configFile(ConfigLocation location, byte[] bytes) {
    ConfigXml.Parsed parsed = ConfigXml.parse(bytes, location.runtime());
    return new ConfigFile(location, path(location), bytes, parsed.machineKey(), parsed.sessionState(),
        parsed.machineKeyElement());
  }

  private static List<ObservedSite> appcmdSites(String sitesXml, String vdirsXml) {
    Map<String, String> roots = AppcmdXml.rootPhysicalPaths(vdirsXml);
    List<ObservedSite> sites = new ArrayList<>();
    for (AppcmdXml.Site s : AppcmdXml.sites(sitesXml)) {
      sites.add(new ObservedSite(s.name(), s.id(), s.state(), roots.get(s.name().toLowerCase(Locale.ROOT)), null, List.of()));
    }
    return sites;
  }

  interface PartParser<T> {
    T parse();
  }

  /** Runs a parser; its failure becomes a protocol error naming the part (and never quoting the output). */
  static <T> T parsePart(String host, String part, PartParser<T> parser) {
    try {
      return parser.parse();
    } catch (IllegalArgumentException e) {
      throw new WinRmProtocolException(host, part, "cannot read the \"" + part + "\" part: " + e.getMessage(), null);
    }
  }
}
