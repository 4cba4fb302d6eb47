package io.iisfarm.operator.host;

import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.SiteWebConfig;
import io.iisfarm.operator.winrm.CommandOutput;
import io.iisfarm.operator.winrm.WinRmSession;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a host: one command for everything (IIS version, sites, runtimes, every machine.config and root
 * web.config), and a second one only when the sites' own web.config files are asked for. Over plain HTTP
 * without {@code allowKeyTransferOverHttp} no config file is read and {@code configsRead} is false.
 */
public final class HostReader {
  private final Clock clock;

  public HostReader() {
    this(Clock.systemUTC());
  }

  public HostReader(Clock clock) {
    this.clock = clock;
  }

  /**
   * @throws io.iisfarm.operator.winrm.WinRmException when the host cannot be read; a
   *     {@link io.iisfarm.operator.winrm.WinRmProtocolException} names the part of the output that is garbage
   */
  public HostObservation read(WinRmSession session, ReadOptions options) {
    boolean configs = mayTransferKeys(session, options.allowKeyTransferOverHttp());
    HostObservation observation = readOnce(session, configs);
    if (options.includeSiteConfigs() && configs && !observation.sites().isEmpty()) {
      List<SiteWebConfig> siteConfigs = readSiteConfigs(session, observation);
      observation = new HostObservation(observation.hostname(), observation.osVersion(), observation.osName(),
          observation.iisVersion(), observation.sites(), observation.installed(), observation.configsRead(),
          observation.configFiles(), siteConfigs, observation.observedAt(), observation.sharedConfiguration(),
          observation.consoleCodePage());
    }
    return observation;
  }

  /** Sites, versions and runtimes without any config file: the read-back after a site change. */
  public HostObservation readSites(WinRmSession session) {
    return readOnce(session, false);
  }

  /** Key material may cross the wire: over HTTPS, or over HTTP when the farm explicitly allows it. */
  public static boolean mayTransferKeys(WinRmSession session, boolean allowKeyTransferOverHttp) {
    return session.endpoint().isHttps() || allowKeyTransferOverHttp;
  }

  private HostObservation readOnce(WinRmSession session, boolean configs) {
    CommandOutput output = session.run(HostReadCommand.build(configs, Cmd.tempFile("read")));
    return HostReadCommand.parse(session.host(), output.stdout(), configs, clock.instant());
  }

  private static List<SiteWebConfig> readSiteConfigs(WinRmSession session, HostObservation observation) {
    List<SiteWebConfig> configs = new ArrayList<>(SiteConfigReadCommand.unrepresentable(observation.sites()));
    List<SiteConfigReadCommand.Target> targets = SiteConfigReadCommand.targets(observation.sites());
    if (targets.isEmpty()) {
      return configs;
    }
    List<String> outputs = new ArrayList<>();
    for (String line : SiteConfigReadCommand.build(targets, Cmd.tempFile("site"))) {
      outputs.add(session.run(line).stdout());
    }
    configs.addAll(SiteConfigReadCommand.parse(session.host(), targets, outputs));
    return configs;
  }
}
