package io.iisfarm.operator.status;

import io.iisfarm.operator.rollout.RolloutResult;
import static io.iisfarm.operator.api.ClrRuntime.V2_0;
import static io.iisfarm.operator.api.ClrRuntime.V4_0;
import static io.iisfarm.operator.plan.Hosts.everywhere;
import static io.iisfarm.operator.plan.Hosts.farmKey;
import static io.iisfarm.operator.plan.Hosts.iis10;
import static io.iisfarm.operator.plan.Hosts.iis6;
import static io.iisfarm.operator.plan.Hosts.oldKey;
import static io.iisfarm.operator.plan.Hosts.want;

import io.iisfarm.operator.api.InFlightStep;
import io.iisfarm.operator.model.DesiredFarm;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.MachineKeySetting;
import io.iisfarm.operator.model.SessionStateSetting;
import io.iisfarm.operator.plan.Hosts;
import io.iisfarm.operator.plan.Planner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Farm reports built through the real planner, for status and event tests. */
final class Reports {
  static final Instant CHECKED_AT = Instant.parse("2024-05-01T10:00:05Z");
  static final Instant CHANGED_AT = Instant.parse("2024-05-01T10:00:30Z");
  static final DesiredFarm DESIRED = new DesiredFarm(List.of(want("Shop", 2), want("Api", 3)), everywhere(farmKey()), null);
  static final DesiredFarm NO_KEYS = new DesiredFarm(List.of(want("Shop", 2), want("Api", 3)), null, null);

  private static final Planner PLANNER = new Planner();

  private Reports() {}

  static HostObservation converged() {
    return iis10().site("Shop", 2).site("Api", 3).runtime(V4_0, 64, farmKey()).build();
  }

  static HostObservation convergedIis6() {
    return iis6().site6("Shop", 2, "/LM/W3SVC/2/ROOT").site6("Api", 3, "/LM/W3SVC/3/ROOT")
        .runtime(V2_0, 32, farmKey()).build();
  }

  static HostObservation swapped() {
    return iis10().site("Shop", 3).site("Api", 2).runtime(V4_0, 64, farmKey()).build();
  }

  static HostObservation keyDrift() {
    return iis10().site("Shop", 2).site("Api", 3).runtime(V4_0, 64, oldKey()).build();
  }

  static HostObservation appRootCase() {
    return iis6().site6("Shop", 2, "/LM/W3SVC/2/Root").site6("Api", 3, "/LM/W3SVC/3/ROOT")
        .runtime(V2_0, 32, farmKey()).build();
  }

  static HostObservation conflict() {
    return iis10().site("Shop", 3).site("Legacy", 2).site("Api", 3 + 100).runtime(V4_0, 64, farmKey()).build();
  }

  static HostObservation missing() {
    return iis10().site("Shop", 2).runtime(V4_0, 64, farmKey()).build();
  }

  static HostObservation plainHttp() {
    return iis10().site("Shop", 2).site("Api", 3).configsNotRead().build();
  }

  /** Sites right, and the only managed file's machineKey encrypted with protected configuration. */
  static HostObservation encryptedKey() {
    return iis10().site("Shop", 2).site("Api", 3).installOnly(V4_0, 64).fileWith(
        io.iisfarm.operator.plan.Hosts.machineConfig(V4_0, 64), null, new io.iisfarm.operator.model.MachineKeyElement(
            1, false, false, "RsaProtectedConfigurationProvider", List.of())).build();
  }

  static HostObservation withOverridesAndSession() {
    return iis10().site("Shop", 2).site("Api", 3).runtime(V4_0, 64, farmKey())
        .siteConfig("Shop", oldKey(), new SessionStateSetting("InProc", null, null)).build();
  }

  static HostObservation v2WithKey(MachineKeySetting key) {
    return iis6().site6("Shop", 2, "/LM/W3SVC/2/ROOT").site6("Api", 3, "/LM/W3SVC/3/ROOT").runtime(V2_0, 32, key).build();
  }

  /** Builds a report host by host. */
  static final class Builder {
    private final DesiredFarm desired;
    private EffectiveMode mode = EffectiveMode.ENFORCE;
    private long generation = 3;
    private final List<HostReport> hosts = new ArrayList<>();
    private final List<Blocker> blockers = new ArrayList<>();
    private final List<InFlightStep> inFlight = new ArrayList<>();
    private RolloutGate gate = RolloutGate.OPEN;

    Builder(DesiredFarm desired) {
      this.desired = desired;
    }

    Builder mode(EffectiveMode m) {
      mode = m;
      return this;
    }

    Builder generation(long g) {
      generation = g;
      return this;
    }

    Builder host(String name, HostObservation obs) {
      hosts.add(HostReport.observed(name, name + ".example.com:5986", obs, PLANNER.planHost(desired, name, obs)));
      return this;
    }

    /** The host as its rollout left it: {@code before} was changed into {@code after}. */
    Builder changed(String name, HostObservation before, HostObservation after, RolloutResult result) {
      HostReport report = HostReport.observed(name, name + ".example.com:5986", before,
          PLANNER.planHost(desired, name, before));
      hosts.add(report.afterRollout(after, after == null ? null : PLANNER.planHost(desired, name, after), result));
      return this;
    }

    Builder failed(String name, HostFailure.Kind kind, String message) {
      hosts.add(HostReport.failed(name, name + ".example.com:5986", new HostFailure(kind, message)));
      return this;
    }

    Builder notChecked(String name) {
      hosts.add(HostReport.notChecked(name, name + ".example.com:5986"));
      return this;
    }

    Builder blocker(Blocker.Kind kind, String message) {
      blockers.add(new Blocker(kind, message));
      return this;
    }

    Builder inFlight(InFlightStep step) {
      inFlight.add(step);
      return this;
    }

    Builder gate(RolloutGate g) {
      gate = g;
      return this;
    }

    FarmReport build() {
      return new FarmReport(generation, mode, desired.machineKey() != null, CHECKED_AT, hosts, blockers, inFlight,
          gate);
    }
  }

  static Builder farm() {
    return new Builder(DESIRED);
  }

  static Builder farm(DesiredFarm desired) {
    return new Builder(desired);
  }

  static MachineKeySetting hmacKey() {
    return Hosts.key(Hosts.FARM_VALIDATION_KEY, Hosts.FARM_DECRYPTION_KEY, "HMACSHA256", "AES", null);
  }
}
