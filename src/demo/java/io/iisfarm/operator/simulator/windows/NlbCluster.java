package io.iisfarm.operator.simulator.windows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * This host's membership of a Network Load Balancing cluster, as {@code nlb.exe} and {@code wlbs.exe} see it.
 * States and their codes are those of the NLB WMI provider's standard return values (WLBS_STOPPED 1005,
 * WLBS_CONVERGING 1006, WLBS_CONVERGED 1007, WLBS_DEFAULT 1008, WLBS_DRAINING 1009, WLBS_SUSPENDED 1013); a
 * drainstop leaves the host Draining until its connections have ended ({@code drainSeconds} after the command),
 * then Stopped (KB 242242). Used under the owning host's lock.
 */
final class NlbCluster {
  enum State {
    STOPPED(1005, "Stopped"),
    CONVERGING(1006, "Converging"),
    CONVERGED(1007, "Converged"),
    CONVERGED_DEFAULT(1008, "Converged as DEFAULT"),
    DRAINING(1009, "Draining"),
    SUSPENDED(1013, "Suspended");

    final int code;
    private final String displayName;

    State(int code, String displayName) {
      this.code = code;
      this.displayName = displayName;
    }

    /** As KB 242242 names the state. */
    String displayName() {
      return displayName;
    }
  }

  static final int WLBS_OK = 1000;
  static final int WLBS_ALREADY = 1001;

  final int hostId;
  final List<Integer> members;
  final Duration drainTime;
  final boolean stateAsExitCode;
  private final Clock clock;
  private State state;
  private Instant drainedAt;

  NlbCluster(HostDefinition.Nlb settings, Clock clock) {
    this.hostId = settings.effectiveHostId();
    this.members = settings.effectiveMembers();
    this.drainTime = Duration.ofMillis(Math.round(settings.effectiveDrainSeconds() * 1000));
    this.stateAsExitCode = settings.stateAsExitCode();
    this.clock = clock;
    this.state = settings.initialState();
  }

  /** The state now: a drain whose connections have ended is Stopped. */
  State state() {
    if (state == State.DRAINING && !clock.instant().isBefore(drainedAt)) {
      state = State.STOPPED;
    }
    return state;
  }

  /** Returns the WLBS code the WMI DrainStop method documents: OK, or STOPPED/SUSPENDED when nothing to drain. */
  int drainstop() {
    State now = state();
    if (now == State.SUSPENDED) {
      return State.SUSPENDED.code;
    }
    if (now == State.STOPPED) {
      return State.STOPPED.code;
    }
    if (now == State.DRAINING) {
      return WLBS_ALREADY;
    }
    drainedAt = clock.instant().plus(drainTime);
    state = drainTime.isZero() ? State.STOPPED : State.DRAINING;
    return WLBS_OK;
  }

  /** Start (also ends a drain, as KB 242242 says); a suspended host ignores it. */
  int start() {
    State now = state();
    if (now == State.SUSPENDED) {
      return State.SUSPENDED.code;
    }
    if (now == State.CONVERGED || now == State.CONVERGED_DEFAULT) {
      return WLBS_ALREADY;
    }
    state = hostId == members.stream().mapToInt(Integer::intValue).min().orElse(hostId)
        ? State.CONVERGED_DEFAULT : State.CONVERGED;
    return WLBS_OK;
  }

  int stop() {
    State now = state();
    if (now == State.SUSPENDED) {
      return State.SUSPENDED.code;
    }
    if (now == State.STOPPED) {
      return WLBS_ALREADY;
    }
    state = State.STOPPED;
    return WLBS_OK;
  }
}
