package io.iisfarm.operator.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iisfarm.operator.simulator.windows.CommandResult;
import io.iisfarm.operator.simulator.windows.SiteStateListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small stand-in for the Windows emulation in farm tests: sites that appcmd starts and stops,
 * and drift that stops or starts one ({@code change: {stopSite: Shop}}).
 */
final class ScriptedBackend implements HostBackend {
  private static final Pattern SITE = Pattern.compile("/site\\.name:\"?([^\"]+)\"?");

  private final String hostname;
  private final String iis;
  private final String os;
  private final Map<String, Boolean> sites = new ConcurrentHashMap<>();
  private final List<SiteStateListener> listeners = new CopyOnWriteArrayList<>();

  ScriptedBackend(ObjectNode keys) {
    this.hostname = keys.path("name").asText();
    this.iis = keys.path("iis").asText("10.0");
    this.os = keys.path("os").asText("Windows Server 2019");
    keys.path("sites").forEach(site ->
        sites.put(site.path("name").asText(), !"Stopped".equals(site.path("state").asText())));
  }

  static HostBackendFactory factory() {
    return ScriptedBackend::new;
  }

  @Override
  public CommandResult run(String commandLine) {
    if (commandLine.equals("ver")) {
      return new CommandResult(0, "\r\nMicrosoft Windows [Version 10.0.17763.3650]\r\n", "", false);
    }
    if (commandLine.startsWith("appcmd list site")) {
      StringBuilder out = new StringBuilder();
      sites.forEach((name, started) -> out.append("SITE \"").append(name).append("\" (state:")
          .append(started ? "Started" : "Stopped").append(")\r\n"));
      return new CommandResult(0, out.toString(), "", false);
    }
    Matcher m = SITE.matcher(commandLine);
    if (commandLine.startsWith("appcmd stop site") && m.find()) {
      setState(m.group(1), false);
      return new CommandResult(0, "\"" + m.group(1) + "\" successfully stopped.\r\n", "", true);
    }
    if (commandLine.startsWith("appcmd start site") && m.find()) {
      setState(m.group(1), true);
      return new CommandResult(0, "\"" + m.group(1) + "\" successfully started.\r\n", "", true);
    }
    return new CommandResult(9009, "", "'" + commandLine.split(" ")[0] + "' is not recognized as "
        + "an internal or external command,\r\noperable program or batch file.\r\n", false);
  }

  private void setState(String site, boolean started) {
    sites.put(site, started);
    listeners.forEach(l -> l.siteStateChanged(hostname, site, started));
  }

  @Override
  public String hostname() {
    return hostname;
  }

  @Override
  public String iisVersion() {
    return iis;
  }

  @Override
  public String osName() {
    return os;
  }

  @Override
  public void addSiteStateListener(SiteStateListener listener) {
    listeners.add(listener);
  }

  @Override
  public Runnable drift(JsonNode change) {
    if (change.has("stopSite")) {
      String site = change.get("stopSite").asText();
      return () -> setState(site, false);
    }
    if (change.has("startSite")) {
      String site = change.get("startSite").asText();
      return () -> setState(site, true);
    }
    throw new IllegalArgumentException("unknown drift change " + change.fieldNames().next());
  }

  @Override
  public boolean siteStarted(String siteName) {
    return sites.getOrDefault(siteName, false);
  }

  @Override
  public List<String> siteNames() {
    return List.copyOf(sites.keySet());
  }
}
