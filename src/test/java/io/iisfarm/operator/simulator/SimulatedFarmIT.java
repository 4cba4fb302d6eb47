package io.iisfarm.operator.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The farm runtime: farm file, per-host listeners, faults and drift from YAML, inspection. */
class SimulatedFarmIT {
  private SimulatedFarm farm;

  @TempDir
  Path dir;

  @BeforeEach
  void start() throws Exception {
    String yaml = new String(Objects.requireNonNull(getClass()
        .getResourceAsStream("/simulator/test-farm.yaml")).readAllBytes(), StandardCharsets.UTF_8);
    farm = SimulatedFarm.fromYaml(yaml, ScriptedBackend.factory());
  }

  @AfterEach
  void stop() {
    farm.close();
  }

  @Test
  void exposesEachHostsEndpointCredentialsAndCa() throws Exception {
    SimulatedHost web01 = farm.host("WEB01");
    SimulatedHost web02 = farm.host("web02");
    SimulatedHost iis6 = farm.host("iis6");

    assertThat(farm.hosts()).extracting(SimulatedHost::name)
        .containsExactly("web01", "web02", "iis6", "down01");
    assertThat(web01.endpoint().toString()).isEqualTo("https://127.0.0.1:" + web01.port() + "/wsman");
    assertThat(web02.endpoint().toString()).isEqualTo("http://127.0.0.1:" + web02.port() + "/wsman");
    assertThat(web01.port()).isPositive().isNotEqualTo(web02.port());
    assertThat(web01.username()).isEqualTo("Administrator");
    assertThat(web01.password()).isEqualTo("Web01-P@ss");
    assertThat(web02.username()).isEqualTo("deploy");
    assertThat(iis6.iisVersion()).isEqualTo("6.0");
    assertThat(iis6.legacyTls()).isTrue();
    assertThat(web01.legacyTls()).isFalse();
    assertThat(web01.caPem()).isEqualTo(farm.caPem()).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(Files.readString(farm.writeCaPem(dir.resolve("ca.pem")))).isEqualTo(farm.caPem());
    // a host without a password in the file gets a random one
    assertThat(farm.host("down01").password()).startsWith("Sim-").hasSize(20);
    for (SimulatedHost host : farm.hosts()) {
      assertThat(host.toString()).doesNotContain(host.password());
    }
    assertThat(farm.toString()).doesNotContain("P@ss");
  }

  @Test
  void winrm4jRunsCommandsOnModernAndServer2003Hosts() throws Exception {
    SimulatedHost web01 = farm.host("web01");
    SimulatedHost iis6 = farm.host("iis6");
    try (Winrm4j client = Winrm4j.connect(web01.endpoint(), web01.username(), web01.password(),
        farm.caPem(), Duration.ofSeconds(20));
        Winrm4j legacy = Winrm4j.connectLegacyTls(iis6.endpoint(), iis6.username(),
            iis6.password(), farm.caPem(), Duration.ofSeconds(20))) {
      assertThat(client.run("ver").stdout()).contains("Microsoft Windows");
      assertThat(legacy.run("appcmd list site").stdout()).contains("SITE \"Legacy\" (state:Started)");
    }
    assertThat(web01.journal().commandLines()).containsExactly("ver");
    assertThat(iis6.journal().commandLines()).containsExactly("appcmd list site");
  }

  @Test
  void faultsFromTheFarmFileApply() throws Exception {
    SimulatedHost web02 = farm.host("web02");
    SimulatedHost down = farm.host("down01");

    assertThat(down.port()).isPositive();
    assertThatThrownBy(() -> new Socket("127.0.0.1", down.port()).close())
        .isInstanceOf(ConnectException.class);
    try (Winrm4j client = Winrm4j.connect(web02.endpoint(), web02.username(), web02.password(),
        null, Duration.ofSeconds(20))) {
      Winrm4j.Output start = client.run("appcmd start site /site.name:Shop");
      assertThat(start.exitCode()).isEqualTo(5);
      assertThat(start.stderr()).isEqualTo("ERROR ( message:Access is denied. )\r\n");
    }
    assertThat(web02.journal().changes()).isEmpty();

    down.faults().clear();
    try (Socket socket = new Socket("127.0.0.1", down.port())) {
      assertThat(socket.isConnected()).isTrue();
    }
  }

  @Test
  void driftAfterCommandsAppliesBeforeTheNextCommand() throws Exception {
    SimulatedHost web01 = farm.host("web01");
    try (Winrm4j client = Winrm4j.connect(web01.endpoint(), web01.username(), web01.password(),
        farm.caPem(), Duration.ofSeconds(20))) {
      assertThat(client.run("appcmd list site").stdout()).contains("\"Shop\" (state:Started)");
      assertThat(web01.driftsApplied()).isZero();
      client.run("ver");
      assertThat(web01.driftsApplied()).isEqualTo(1);
      assertThat(client.run("appcmd list site").stdout()).contains("\"Shop\" (state:Stopped)");
    }
    assertThat(web01.journal().changes()).isEmpty();
  }

  @Test
  void timedDriftAndDisruptionAcrossHosts() throws Exception {
    SimulatedHost web02 = farm.host("web02");
    await().atMost(Duration.ofSeconds(10)).until(() -> web02.driftsApplied() == 1);
    assertThat(web02.backend().siteStarted("Shop")).isFalse();
    assertThat(farm.disruptedHostsNow()).isEqualTo(1);

    SimulatedHost web01 = farm.host("web01");
    try (Winrm4j client = Winrm4j.connect(web01.endpoint(), web01.username(), web01.password(),
        farm.caPem(), Duration.ofSeconds(20))) {
      client.run("appcmd stop site /site.name:Api");
      client.run("appcmd stop site /site.name:Shop");
      assertThat(farm.disruptedHostsNow()).isEqualTo(2);
      client.run("appcmd start site /site.name:Api");
      assertThat(farm.disruptedHostsNow()).isEqualTo(2);
      client.run("appcmd start site /site.name:Shop");
    }
    assertThat(farm.disruptedHostsNow()).isEqualTo(1);
    assertThat(farm.maxDisruptedHosts()).isEqualTo(2);

    farm.resetInspection();
    assertThat(farm.maxDisruptedHosts()).isEqualTo(1);
    assertThat(web01.journal().entries()).isEmpty();
    assertThat(web01.counters().commandRequests()).isZero();
  }

  @Test
  void siteStoppedAtTheStartDoesNotCountAsDisruption() throws Exception {
    SimulatedHost iis6 = farm.host("iis6");
    try (Winrm4j client = Winrm4j.connectLegacyTls(iis6.endpoint(), iis6.username(),
        iis6.password(), farm.caPem(), Duration.ofSeconds(20))) {
      client.run("appcmd start site /site.name:Parked");
      client.run("appcmd stop site /site.name:Parked");
    }
    assertThat(farm.maxDisruptedHosts()).isLessThanOrEqualTo(1);
    assertThat(farm.disruptedHostsNow()).isLessThanOrEqualTo(1);
    assertThat(iis6.journal().changes()).hasSize(2);
  }

  @Test
  void badFarmFilesAreRejectedNamingTheHost() {
    assertThatThrownBy(() -> SimulatedFarm.fromYaml("hosts:\n  - name: x1\n    winrm: {prot: 1}\n",
        ScriptedBackend.factory()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x1 winrm");
    assertThatThrownBy(() -> SimulatedFarm.fromYaml("hosts:\n  - name: x2\n    drift:\n"
        + "      - {after: 5s, afterCommands: 2, change: {stopSite: A}}\n",
        ScriptedBackend.factory()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x2 drift");
    assertThatThrownBy(() -> SimulatedFarm.fromYaml("hosts:\n  - name: x3\n    faults:\n"
        + "      wsmanFault: {operation: Command, fault: Teapot}\n", ScriptedBackend.factory()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SimulatedFarm.fromYaml("hosts: []\n", ScriptedBackend.factory()))
        .hasMessageContaining("hosts");
  }

  @Test
  void closeStopsEveryListener() throws IOException {
    int port = farm.host("web01").port();
    farm.close();
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class);
  }
}
