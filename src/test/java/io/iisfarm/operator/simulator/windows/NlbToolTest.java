package io.iisfarm.operator.simulator.windows;

import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** nlb.exe and wlbs.exe on a cluster host: query, drainstop, start, stop, their states and exit codes. */
class NlbToolTest {
  private static final String NLB = "%windir%\\system32\\nlb.exe ";
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T22:00:00Z"));

  private WindowsHost host(String base, String nlb) {
    return WindowsHost.create(HostDefinition.fromYaml(base + "nlb: " + nlb + "\n"), clock);
  }

  @Test
  void aConvergedHostDrainsWhileItsConnectionsEndThenStops() {
    WindowsHost host = host(TestHosts.IIS10, "{hostId: 2, members: [1, 2, 3], drainSeconds: 30}");

    CommandResult before = host.run(NLB + "query");
    CommandResult drainstop = host.run(NLB + "drainstop");
    CommandResult draining = host.run(NLB + "query");
    clock.advance(Duration.ofSeconds(31));
    CommandResult stopped = host.run(NLB + "query");

    assertThat(before.stdout()).isEqualTo("Host 2 converged with the following host(s) as part of the cluster:\r\n"
        + "1, 2, 3\r\n");
    assertThat(before.exitCode()).isEqualTo(1007);
    assertThat(before.changedHost()).isFalse();
    assertThat(drainstop.exitCode()).isEqualTo(1000);
    assertThat(drainstop.changedHost()).isTrue();
    assertThat(draining.stdout()).contains("draining");
    assertThat(draining.exitCode()).isEqualTo(1009);
    assertThat(stopped.stdout()).contains("stopped");
    assertThat(stopped.exitCode()).isEqualTo(1005);
    assertThat(host.nlbState()).contains("Stopped");
  }

  @Test
  void startPutsAStoppedHostBackAndTheLowestPriorityConvergesAsDefault() {
    WindowsHost host = host(TestHosts.IIS6, "{state: stopped, hostId: 1, members: [1, 2]}");

    CommandResult start = host.run(NLB + "start");
    CommandResult again = host.run(NLB + "start");
    CommandResult query = host.run(NLB + "query");

    assertThat(start.exitCode()).isEqualTo(1000);
    assertThat(again.exitCode()).isEqualTo(1001);
    assertThat(again.changedHost()).isFalse();
    assertThat(query.stdout()).startsWith("Host 1 converged as DEFAULT");
    assertThat(query.exitCode()).isEqualTo(1008);
  }

  @Test
  void wlbsIsTheSameProgramAndASuspendedHostIgnoresControlCommands() {
    WindowsHost host = host(TestHosts.IIS6, "{state: suspended}");

    CommandResult drainstop = host.run("wlbs drainstop");
    CommandResult query = host.run("wlbs.exe query");

    assertThat(drainstop.exitCode()).isEqualTo(1013);
    assertThat(drainstop.changedHost()).isFalse();
    assertThat(query.stdout()).contains("suspended");
    assertThat(host.nlbState()).contains("Suspended");
  }

  @Test
  void hostsWithZeroExitCodesAnswerTheSameText() {
    WindowsHost host = host(TestHosts.IIS10, "{exitCodes: zero}");

    CommandResult query = host.run(NLB + "query");
    host.run(NLB + "drainstop");

    assertThat(query.exitCode()).isZero();
    assertThat(query.stdout()).contains("converged as DEFAULT");
    assertThat(host.run(NLB + "query").stdout()).contains("stopped");
  }

  @Test
  void withoutTheNlbFeatureThereIsNoSuchProgram() {
    CommandResult result = TestHosts.iis10().run("nlb query");

    assertThat(result.exitCode()).isEqualTo(9009);
    assertThat(result.stderr()).startsWith("'nlb' is not recognized");
  }

  @Test
  void remoteControlAndOtherCommandsAreNotEmulated() {
    WindowsHost host = host(TestHosts.IIS10, "{}");

    assertThat(host.run(NLB + "query cluster1:web10").stderr()).contains("simulator: not emulated");
    assertThat(host.run(NLB + "suspend").stderr()).contains("simulator: not emulated");
  }
}
