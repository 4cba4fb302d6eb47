package io.iisfarm.operator.benchmark;

import io.iisfarm.operator.host.HostReader;
import io.iisfarm.operator.host.ReadOptions;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.winrm.CommandOutput;
import io.iisfarm.operator.winrm.TlsOptions;
import io.iisfarm.operator.winrm.WinRmConnector;
import io.iisfarm.operator.winrm.WinRmCredentials;
import io.iisfarm.operator.winrm.WinRmEndpoint;
import io.iisfarm.operator.winrm.WinRmSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator's read of one big IIS6 host (Windows Server 2003), whose sites come from {@code adsutil.vbs
 * ENUM_ALL W3SVC}: ENUM asks the IIS Admin Service once per property of each key's schema class, so its cost grows
 * with keys times properties. The simulator counts those calls and charges a configurable time per call and per
 * script start (host options {@code adsiCallCost}, {@code scriptStartCost}); the section reads the host with no
 * such cost (what the read costs the operator and the transport), then with assumed costs, and compares a
 * targeted read: {@code adsutil ENUM /P W3SVC} for the keys, then one {@code adsutil GET} per needed property
 * (ServerComment, ServerState, ServerBindings, ROOT/Path, ROOT/AppRoot) of each key, all in one command line.
 */
final class MetabaseReadBench {
  private static final String ADSUTIL = "%SystemDrive%\\Inetpub\\AdminScripts\\adsutil.vbs";
  private static final String PASSWORD = "bench-iis6";

  /**
   * Costs of one simulated host: per call into the IIS Admin Service, and per cscript start; {@code targeted}
   * also times the targeted read on it.
   */
  record Costs(Duration adsiCall, Duration scriptStart, boolean targeted) {
    String label() {
      return adsiCall.isZero() && scriptStart.isZero() ? "no host cost"
          : (adsiCall.toNanos() / 1000) + " µs/call, " + scriptStart.toMillis() + " ms/script";
    }
  }

  private final int sites;
  private final Duration latency;
  private final List<Costs> costs;
  private final int rounds;

  MetabaseReadBench(int sites, Duration latency, List<Costs> costs, int rounds) {
    this.sites = sites;
    this.latency = latency;
    this.costs = costs;
    this.rounds = rounds;
  }

  /** The targeted read: the keys of W3SVC, then five GETs per key, each its own cscript. */
  static String targetedCommand() {
    String get = "cscript //nologo " + ADSUTIL + " GET W3SVC/%k/";
    return "for /f \"tokens=3 delims=/]\" %k in ('cscript //nologo " + ADSUTIL + " ENUM /P W3SVC') do @(echo [%k] & "
        + get + "ServerComment & " + get + "ServerState & " + get + "ServerBindings & " + get + "ROOT/Path & "
        + get + "ROOT/AppRoot)";
  }

  void run(Results results) {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (WinRmConnector connector = new WinRmConnector()) {
      for (Costs c : costs) {
        try (SimulatedFarm sim = SimulatedFarm.fromYaml(farmYaml(c))) {
          SimulatedHost host = sim.hosts().get(0);
          WinRmEndpoint endpoint = WinRmEndpoint.https("127.0.0.1").port(host.port()).auth(WinRmEndpoint.Auth.BASIC)
              .tls(TlsOptions.DEFAULT.withCaPem(sim.caPem()).withAllowLegacyTls(host.legacyTls())).build();
          rows.add(measure(connector, endpoint, host, c));
        }
      }
    }
    Map<String, Object> section = new LinkedHashMap<>();
    section.put("sites", sites);
    section.put("latencyMsPerRequest", latency.toMillis());
    section.put("rounds", rounds);
    section.put("runs", rows);
    results.put("metabaseRead", section);
    for (Map<String, Object> row : rows) {
      String label = (String) row.get("costs");
      results.row("IIS6 read", sites + " sites, " + label + ": operator's read (ENUM_ALL)",
          Results.ms((double) row.get("readMedianMs")), null, null);
      if (row.containsKey("targetedMs")) {
        results.row("IIS6 read", sites + " sites, " + label + ": targeted GETs",
            Results.ms((double) row.get("targetedMs")), null, null);
      }
    }
  }

  private Map<String, Object> measure(WinRmConnector connector, WinRmEndpoint endpoint, SimulatedHost host, Costs c) {
    HostReader reader = new HostReader();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("costs", c.label());
    row.put("adsiCallCostUs", c.adsiCall().toNanos() / 1000.0);
    row.put("scriptStartCostMs", (double) c.scriptStart().toMillis());
    List<Double> millis = new ArrayList<>();
    try (WinRmSession session = connector.open(endpoint, WinRmCredentials.of(BenchFarmFile.USER, PASSWORD))) {
      // one read to warm up (JIT, TLS, the shell), then the rounds
      check(reader.read(session, ReadOptions.DEFAULT));
      long calls0 = host.windows().adsiCalls();
      host.resetInspection();
      for (int r = 0; r < rounds; r++) {
        long start = System.nanoTime();
        check(reader.read(session, ReadOptions.DEFAULT));
        millis.add((System.nanoTime() - start) / 1e6);
      }
      long calls = (host.windows().adsiCalls() - calls0) / rounds;
      row.put("readMs", millis.stream().map(v -> Results.round(v, 1)).toList());
      row.put("readMedianMs", Results.round(DriftCheckBench.median(millis), 1));
      row.put("adsiCallsPerRead", calls);
      row.put("modeledHostMsPerRead", Results.round(calls * c.adsiCall().toNanos() / 1e6
          + c.scriptStart().toNanos() / 1e6, 1));
      row.put("receiveResponsesPerRead", host.counters().receiveResponses() / (double) rounds);
      row.put("readOutputKiB", Results.round(host.counters().outputBytes() / 1024.0 / rounds, 1));
      if (c.targeted()) {
        long scripts0 = host.windows().scriptStarts();
        long targetedCalls0 = host.windows().adsiCalls();
        long start = System.nanoTime();
        CommandOutput t = session.run(targetedCommand());
        row.put("targetedMs", Results.round((System.nanoTime() - start) / 1e6, 1));
        long comments = t.stdout().lines().filter(l -> l.startsWith("ServerComment")).count();
        if (comments != sites + 1) {
          throw new IllegalStateException("targeted read found " + comments + " site names, not " + (sites + 1));
        }
        row.put("targetedScriptStarts", host.windows().scriptStarts() - scripts0);
        row.put("targetedAdsiCalls", host.windows().adsiCalls() - targetedCalls0);
      }
    }
    System.out.printf("  IIS6 %d sites, %s: %s%n", sites, c.label(), row);
    return row;
  }

  private void check(HostObservation o) {
    if (o.sites().size() != sites + 1) {
      throw new IllegalStateException("read " + o.sites().size() + " sites, not " + (sites + 1));
    }
  }

  private String farmYaml(Costs c) {
    StringBuilder yaml = new StringBuilder("hosts:\n")
        .append("  - name: big6\n")
        .append("    os: server2003\n")
        // TLS 1.2 rather than Server 2003's TLS 1.0, so that the benchmark's JVM keeps TLS 1.0 disabled for the
        // other sections; the handshake is not what this section measures
        .append("    winrm: {transport: https, auth: [basic], tlsProtocols: [TLSv1.2], username: ")
        .append(BenchFarmFile.USER).append(", password: ").append(PASSWORD).append("}\n")
        .append("    faults: {latency: ").append(latency.toMillis()).append("ms}\n")
        .append("    options: {adsiCallCost: ").append(c.adsiCall().toNanos() / 1000).append("us, scriptStartCost: ")
        .append(c.scriptStart().toMillis()).append("ms}\n")
        .append("    frameworks: [{runtime: v2.0, bitness: 32}]\n")
        .append("    sites:\n")
        .append("      - {name: Default Web Site, id: 1, bindings: ['http/*:80:']}\n");
    for (int i = 1; i <= sites; i++) {
      yaml.append("      - {name: Customer Site ").append(i).append(", id: ").append(1000 + i)
          .append(", bindings: ['http/*:80:customer").append(i).append(".example.com'], physicalPath: 'D:\\Sites\\")
          .append("Customer").append(i).append("', appPool: Pool").append(i % 20)
          .append(", applications: [{path: /checkout}]}\n");
    }
    return yaml.toString();
  }
}
