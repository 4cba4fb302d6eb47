package io.iisfarm.operator.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iisfarm.operator.simulator.wsman.HostFaults;
import io.iisfarm.operator.simulator.wsman.WsmanOperation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Farm-file reading: the farm's own keys, defaults, durations and fault names. */
class FarmFileTest {
  @Test
  void separatesTheFarmKeysFromTheWindowsKeys() {
    List<FarmFile.HostEntry> hosts = FarmFile.parse("""
        hosts:
          - name: web01
            os: server2019
            sites: [{name: Shop, id: 2}]
            winrm: {transport: http, port: 15985, auth: [basic, ntlm], username: deploy,
                    password: pw, maxShellsPerUser: 5, tlsProtocols: [TLSv1.2]}
            faults: {latency: 50ms, hang: true}
            drift:
              - {afterCommands: 3, change: {kind: siteState, site: Shop, state: Stopped}}
          - name: web02
        """);

    FarmFile.HostEntry web01 = hosts.get(0);
    assertThat(web01.name()).isEqualTo("web01");
    assertThat(web01.windowsKeys().fieldNames()).toIterable()
        .containsExactly("name", "os", "sites");
    assertThat(web01.winrm().https()).isFalse();
    assertThat(web01.winrm().portOrZero()).isEqualTo(15985);
    assertThat(web01.winrm().basic()).isTrue();
    assertThat(web01.winrm().ntlm()).isTrue();
    assertThat(web01.winrm().maxShellsPerUser()).isEqualTo(5);
    assertThat(web01.faults().latency()).isEqualTo("50ms");
    assertThat(web01.drift()).singleElement().satisfies(step -> {
      assertThat(step.afterCommands()).isEqualTo(3);
      assertThat(step.change().get("kind").asText()).isEqualTo("siteState");
    });
    FarmFile.HostEntry web02 = hosts.get(1);
    // Windows' defaults: HTTPS, Negotiate (NTLM) on, Basic off
    assertThat(web02.winrm().https()).isTrue();
    assertThat(web02.winrm().basic()).isFalse();
    assertThat(web02.winrm().ntlm()).isTrue();
    assertThat(web02.faults()).isNull();
    assertThat(web02.drift()).isEmpty();
  }

  @Test
  void settingsNeverShowThePassword() {
    WinRmSettings settings = new WinRmSettings("https", 0, null, "u", "Sup3r-Secret", null, null, null, null, null, null, null, null);
    assertThat(settings.toString()).doesNotContain("Sup3r-Secret");
  }

  @Test
  void rejectsUnknownValuesNamingThem() {
    assertThatThrownBy(() -> FarmFile.parse("hosts:\n  - name: a\n    winrm: {transport: ftp}\n")
        .get(0).winrm().https()).hasMessageContaining("ftp");
    assertThatThrownBy(() -> FarmFile.parse("hosts:\n  - name: a\n    winrm: {auth: [kerberos]}\n")
        .get(0).winrm().basic()).hasMessageContaining("kerberos");
    assertThatThrownBy(() -> FarmFile.parse("hosts:\n  - name: b\n    faults: {slow: 1s}\n"))
        .hasMessageContaining("host b faults").hasMessageContaining("slow");
    assertThatThrownBy(() -> FarmFile.parse("nothing: here\n")).hasMessageContaining("hosts");
    assertThatThrownBy(() -> FarmFile.parse("hosts: [")).hasMessageContaining("YAML");
  }

  @Test
  void durationsAreKubernetesStyle() {
    assertThat(FarmDurations.parse("50ms")).isEqualTo(Duration.ofMillis(50));
    assertThat(FarmDurations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(FarmDurations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(FarmDurations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(FarmDurations.parse("0")).isZero();
    assertThatThrownBy(() -> FarmDurations.parse("5 minutes"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FarmDurations.parse("s")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void faultSettingsMapOntoHostFaults() {
    FaultSettings settings = new FaultSettings("2s", null, true, null,
        new FaultSettings.OperationFault("receive", "TimedOut"),
        new FaultSettings.Drop(2, "afterRun"),
        List.of(new FaultSettings.FailingCommand("^appcmd set", 5, "denied")), null);
    HostFaults faults = new HostFaults();

    settings.applyTo(faults);

    assertThat(faults.latency()).isEqualTo(Duration.ofSeconds(2));
    assertThat(faults.alwaysUnauthorized()).isTrue();
    assertThat(faults.hangs()).isFalse();
    assertThat(faults.failingCommands()).singleElement()
        .satisfies(f -> assertThat(f.exitCode()).isEqualTo(5));
    assertThat(FaultSettings.upperSnake("AccessDenied")).isEqualTo("ACCESS_DENIED");
    assertThat(FaultSettings.upperSnake("beforeRun")).isEqualTo("BEFORE_RUN");
    assertThat(WsmanOperation.fromName("Command")).isEqualTo(WsmanOperation.COMMAND);
  }

  @Test
  void driftStepNeedsExactlyOneTrigger() {
    var change = FarmFile.YAML.createObjectNode().put("kind", "siteState");
    assertThatThrownBy(() -> new DriftStep(null, null, change))
        .hasMessageContaining("exactly one");
    assertThatThrownBy(() -> new DriftStep("5s", 2, change)).hasMessageContaining("exactly one");
    assertThatThrownBy(() -> new DriftStep(null, 0, change)).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> new DriftStep("5s", null, null)).hasMessageContaining("change");
  }
}
