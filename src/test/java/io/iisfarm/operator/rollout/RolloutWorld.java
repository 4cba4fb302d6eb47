package io.iisfarm.operator.rollout;

import io.iisfarm.operator.api.InFlightStep;
import io.iisfarm.operator.host.HostReader;
import io.iisfarm.operator.host.HostTarget;
import io.iisfarm.operator.host.ReadOptions;
import io.iisfarm.operator.model.DesiredFarm;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.plan.Hosts;
import io.iisfarm.operator.plan.Planner;
import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.winrm.TlsOptions;
import io.iisfarm.operator.winrm.WinRmConnector;
import io.iisfarm.operator.winrm.WinRmCredentials;
import io.iisfarm.operator.winrm.WinRmEndpoint;
import io.iisfarm.operator.winrm.WinRmSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rollout without Kubernetes against simulated hosts over real WinRM: the farm wants Shop on 2, Api on 3 and
 * the test farm key everywhere. The ledger and the listener record what happened, in order.
 */
final class RolloutWorld implements AutoCloseable {
  final SimulatedFarm sim;
  final WinRmConnector connector = new WinRmConnector();
  final HostReader reader = new HostReader();
  final Planner planner = new Planner();
  final DesiredFarm desired = Hosts.farm(Hosts.everywhere(Hosts.farmKey()), Hosts.want("Shop", 2),
      Hosts.want("Api", 3));
  final Ledger ledger = new Ledger();
  final Events events = new Events();

  private RolloutWorld(SimulatedFarm sim) {
    this.sim = sim;
  }

  static RolloutWorld nlbFarm() {
    try (InputStream in = RolloutWorld.class.getResourceAsStream("/simulator/nlb-farm.yaml")) {
      return new RolloutWorld(SimulatedFarm.fromYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RolloutWorld of(String yaml) {
    return new RolloutWorld(SimulatedFarm.fromYaml(yaml));
  }

  SimulatedHost host(String name) {
    return sim.host(name);
  }

  HostTarget target(String name) {
    SimulatedHost host = sim.host(name);
    WinRmEndpoint endpoint = WinRmEndpoint.https("127.0.0.1").port(host.port()).auth(WinRmEndpoint.Auth.BASIC)
        .tls(TlsOptions.DEFAULT.withCaPem(sim.caPem()).withAllowLegacyTls(host.legacyTls())).build();
    return new HostTarget(name, endpoint, WinRmCredentials.of(host.username(), host.password()),
        new ReadOptions(false, false));
  }

  /** The host read and planned now, as a reconcile hands it to the rollout. */
  HostChange change(String name) {
    return change(name, null);
  }

  HostChange change(String name, InFlightStep unfinished) {
    HostTarget target = target(name);
    HostObservation observation;
    try (WinRmSession session = connector.open(target.endpoint(), target.credentials())) {
      observation = reader.read(session, target.options());
    }
    return new HostChange(target, planner.planHost(desired, name, observation), unfinished,
        new SiteEndpoint("127.0.0.1", sim.host(name).httpPorts()), observation);
  }

  Map<String, HostOutcome> run(RolloutSettings settings, String... hosts) {
    return run(settings, Clock.systemUTC(), hosts);
  }

  Map<String, HostOutcome> run(RolloutSettings settings, Clock clock, String... hosts) {
    List<HostChange> changes = new ArrayList<>();
    for (String host : hosts) {
      changes.add(change(host));
    }
    return new Rollout(connector, reader, planner, clock).run(desired, changes, settings, ledger, events);
  }

  static RolloutSettings settings(DrainSettings drain, HealthSettings health, StepAdmission admission) {
    return new RolloutSettings(1, 5, false, drain, health, admission);
  }

  static DrainSettings nlb() {
    return new DrainSettings(new DrainSettings.Nlb(Duration.ofSeconds(30), Duration.ofMillis(200)), null,
        Duration.ZERO);
  }

  static HealthSettings.SiteCheck check(String site, String hostHeader) {
    return new HealthSettings.SiteCheck(site, "/health", hostHeader, false, null, null);
  }

  static HealthSettings health(HealthSettings.SiteCheck... checks) {
    return new HealthSettings(List.of(checks), Duration.ofSeconds(5), 2, Duration.ofMillis(200), null);
  }

  @Override
  public void close() {
    connector.close();
    sim.close();
  }

  /** Keeps every write in order, and the steps on record now. */
  static final class Ledger implements InFlightLedger {
    final List<InFlightStep> writes = Collections.synchronizedList(new ArrayList<>());
    final Map<String, InFlightStep> current = Collections.synchronizedMap(new LinkedHashMap<>());

    @Override
    public void begin(InFlightStep step) {
      writes.add(step);
      current.put(step.host(), step);
    }

    @Override
    public void end(String host) {
      current.remove(host);
    }
  }

  /** What the rollout told, one line per event, e.g. {@code web06 drained nlb}. */
  static final class Events implements RolloutListener {
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Override public void phase(String host, RolloutPhase phase) { lines.add(host + " phase " + phase.wireName()); }
    @Override public void drained(String host, String method, Duration took) { lines.add(host + " drained " + method); }
    @Override public void drainNote(String host, String note) { lines.add(host + " note " + note); }
    @Override public void applied(String host, io.iisfarm.operator.plan.Step step) { lines.add(host + " applied"); }
    @Override public void verified(String host) { lines.add(host + " verified"); }
    @Override public void healthChecked(String host, String site, String answer, boolean healthy,
        boolean beforeChange, Duration took) {
      lines.add(host + " health " + site + " " + (healthy ? "healthy" : "unhealthy") + (beforeChange ? " before" : "")
          + " " + answer);
    }
    @Override public void restored(String host, String method, Duration took) { lines.add(host + " restored " + method); }
    @Override public void restoreFailed(String host, String why) { lines.add(host + " restoreFailed " + why); }
    @Override public void rolledBack(String host, String why) { lines.add(host + " rolledBack " + why); }
    @Override public void failed(String host, String why) { lines.add(host + " failed " + why); }
    @Override public void deferred(String host, String why) { lines.add(host + " deferred " + why); }

    /** Asserts that lines starting with {@code prefixes} came in this order (others may come between). */
    void assertInOrder(String host, String... prefixes) {
      List<String> lines = of(host);
      int at = 0;
      for (String prefix : prefixes) {
        while (at < lines.size() && !lines.get(at).startsWith(prefix)) {
          at++;
        }
        if (at == lines.size()) {
          throw new AssertionError(host + ": no '" + prefix + "' after the earlier ones in " + lines);
        }
        at++;
      }
    }

    List<String> of(String host) {
      synchronized (lines) {
        return lines.stream().filter(l -> l.startsWith(host + " ")).map(l -> l.substring(host.length() + 1)).toList();
      }
    }
  }
}
