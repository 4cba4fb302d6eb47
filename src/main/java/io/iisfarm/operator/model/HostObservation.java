package io.iisfarm.operator.model;

import io.iisfarm.operator.api.ClrRuntime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything one read of a host returned.
 *
 * @param hostname the computer name the host reports
 * @param osVersion the {@code ver} line, e.g. {@code Microsoft Windows [Version 5.2.3790]}
 * @param osName a friendly name derived from it, e.g. {@code Windows Server 2003}
 * @param installed the runtime and bitness pairs whose CONFIG folder exists
 * @param configsRead false when config files were deliberately not read (plain http without
 *     allowKeyTransferOverHttp); {@code configFiles} and {@code siteConfigs} are then empty
 * @param configFiles every machine.config and root web.config present
 * @param siteConfigs machineKey and sessionState found in sites' own web.config files
 * @param sharedConfiguration IIS7+: the UNC path of the IIS Shared Configuration store the host reads its
 *     configuration from (redirection.config enabled), whose site IDs are those of every host sharing it; null
 *     when the host keeps its own configuration
 * @param consoleCodePage the code page the host's output was written and decoded in (437): a name or path with
 *     characters it cannot carry cannot be read or named reliably
 */
public record HostObservation(
    String hostname,
    String osVersion,
    String osName,
    IisVersion iisVersion,
    List<ObservedSite> sites,
    List<RuntimeInstall> installed,
    boolean configsRead,
    List<ConfigFile> configFiles,
    List<SiteWebConfig> siteConfigs,
    Instant observedAt,
    String sharedConfiguration,
    int consoleCodePage) {

  /** The code page every read asks for: 437, the OEM code page of en-US Windows. */
  public static final int DEFAULT_CONSOLE_CODE_PAGE = 437;

  public HostObservation {
    sites = List.copyOf(sites);
    installed = List.copyOf(installed);
    configFiles = List.copyOf(configFiles);
    siteConfigs = List.copyOf(siteConfigs);
  }

  /** A host that keeps its own IIS configuration, read in code page 437. */
  public HostObservation(String hostname, String osVersion, String osName, IisVersion iisVersion,
      List<ObservedSite> sites, List<RuntimeInstall> installed, boolean configsRead, List<ConfigFile> configFiles,
      List<SiteWebConfig> siteConfigs, Instant observedAt) {
    this(hostname, osVersion, osName, iisVersion, sites, installed, configsRead, configFiles, siteConfigs, observedAt,
        null, DEFAULT_CONSOLE_CODE_PAGE);
  }

  /** A runtime and bitness whose CONFIG folder exists on the host. */
  public record RuntimeInstall(ClrRuntime runtime, Bitness bitness) {}

  /** Site lookup by name, case-insensitively as IIS compares names. Several matches are possible on IIS6. */
  public List<ObservedSite> sitesNamed(String name) {
    return sites.stream().filter(s -> s.name().equalsIgnoreCase(name)).toList();
  }

  /**
   * Whether {@code text} passes through the console code page unchanged: a name that does not cannot be told
   * apart from others on this host (Windows writes {@code ?} or a look-alike for what the code page lacks).
   */
  public boolean representable(String text) {
    java.nio.charset.Charset charset = consoleCodePage == 65001 ? java.nio.charset.StandardCharsets.UTF_8
        : java.nio.charset.Charset.forName("IBM" + consoleCodePage);
    return charset.newEncoder().canEncode(text) && text.indexOf('?') < 0;
  }

  public Optional<ConfigFile> configFile(ConfigLocation location) {
    return configFiles.stream().filter(f -> f.location().equals(location)).findFirst();
  }
}
