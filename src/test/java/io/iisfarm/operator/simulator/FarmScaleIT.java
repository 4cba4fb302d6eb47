package io.iisfarm.operator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.simulator.wsman.RawWsman;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 2,000 simulated hosts in one process run on a bounded, host-independent number of threads. */
class FarmScaleIT {
  private static final int HOSTS = 2_000;
  /** Acceptor, I/O loops, command pool, the JDK HTTP client's keep-alive timer, and slack. */
  private static final int MAX_EXTRA_THREADS = 16;

  @Test
  void twoThousandHostsAnswerOnAFewSharedThreads() throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int before = threads.getThreadCount();
    StringBuilder yaml = new StringBuilder("hosts:\n");
    for (int i = 0; i < HOSTS; i++) {
      yaml.append("  - name: web").append(i).append("\n    sites: [{name: Shop}]\n")
          // every 100th host over HTTPS, the rest over HTTP
          .append("    winrm: {transport: ").append(i % 100 == 0 ? "https" : "http")
          .append(", auth: [basic], allowUnencrypted: true, password: pw").append(i).append("}\n");
    }

    try (SimulatedFarm farm = SimulatedFarm.fromYaml(yaml.toString(), ScriptedBackend.factory())) {
      List<SimulatedHost> hosts = farm.hosts();
      assertThat(hosts).hasSize(HOSTS);
      assertThat(hosts.stream().mapToInt(SimulatedHost::port).distinct().count()).isEqualTo(HOSTS);

      for (SimulatedHost host : hosts) {
        if (!host.https()) {
          RawWsman client = new RawWsman(host.endpoint(), host.username(), host.password());
          String shell = client.createShell(437);
          if (host.name().endsWith("7")) {
            client.run(shell, "ver");
          }
        }
      }
      int during = threads.getThreadCount();

      assertThat(during - before).isLessThanOrEqualTo(MAX_EXTRA_THREADS);
      assertThat(hosts.stream().filter(h -> !h.https()))
          .allSatisfy(h -> assertThat(h.counters().shellsOpen()).isEqualTo(1));
      assertThat(farm.host("web1997").journal().commandLines()).containsExactly("ver");
    }
  }
}
