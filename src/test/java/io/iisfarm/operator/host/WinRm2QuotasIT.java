package io.iisfarm.operator.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.simulator.Pywinrm;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.winrm.WinRmCredentials;
import io.iisfarm.operator.winrm.WinRmSession;
import io.iisfarm.operator.winrm.WinRmTimeoutException;
import io.iisfarm.operator.winrm.WsManFaultException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WinRM 2.0 service of Server 2003 (with WMF 2.0) and 2008 R2 and its lower quotas (MaxShellsPerUser 5,
 * MaxConcurrentUsers 5, MaxEnvelopeSizekb 150; MaxTimeoutms 60000 everywhere), on simulated hosts over real
 * WinRM: the faults a client meets, and a client that leaves nothing behind.
 */
class WinRm2QuotasIT {
  @RegisterExtension
  static final SecretScan SECRETS = new SecretScan();
  private static final int SITES = 120;

  private static WindowsVariantsFarm farm;

  @BeforeAll
  static void start() {
    StringBuilder yaml = new StringBuilder("""
        hosts:
          - name: r2
            os: server2008r2
            winrm: {auth: [basic], username: farmadmin, password: Sim-R2-Pa55word,
                    otherAccounts: {u2: Sim-U2-pw, u3: Sim-U3-pw, u4: Sim-U4-pw, u5: Sim-U5-pw, u6: Sim-U6-pw}}
            frameworks:
              - runtime: v4.0
                bitness: 64
                machineConfig: {machineKey: {validationKey: 5C1E2A3B4D5F60718293A4B5C6D7E8F90123456789ABCDEF0123456789ABCDEF,
                    decryptionKey: 00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF}}
            sites: [{name: Shop, id: 2, physicalPath: 'D:\\Sites\\Shop'}]
          - name: ws2019
            os: server2019
            winrm: {auth: [basic]}
            frameworks: [{runtime: v4.0, bitness: 64}]
            sites: [{name: Shop, id: 2, physicalPath: 'D:\\Sites\\Shop'}]
          - name: big6
            os: server2003
            winrm: {auth: [basic]}
            frameworks: [{runtime: v2.0, bitness: 32}]
            sites:
        """);
    for (int i = 1; i <= SITES; i++) {
      yaml.append("      - {name: Customer Site ").append(i).append(", id: ").append(1000 + i)
          .append(", bindings: [\"http/*:80:customer").append(i).append(".example.com\"], physicalPath: 'D:\\Sites\\")
          .append("Customer Site ").append(i).append("', applications: [{path: /checkout}, {path: /api}]}\n");
    }
    farm = new WindowsVariantsFarm(yaml.toString(), SECRETS);
    List.of("Sim-U2-pw", "Sim-U3-pw", "Sim-U4-pw", "Sim-U5-pw", "Sim-U6-pw").forEach(SECRETS::password);
  }

  @AfterAll
  static void stop() {
    farm.close();
  }

  @Test
  void aSixthShellOfOneUserIsRefusedWithWinrm2sQuotaFault() {
    List<WinRmSession> open = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        open.add(farm.open("r2"));
      }
      Throwable thrown = SECRETS.thrownBy(() -> farm.open("r2"));
      assertThat(thrown).isInstanceOfSatisfying(WsManFaultException.class, e -> {
        assertThat(e.code()).isEqualTo("2150859173");
        assertThat(e.reason()).contains("maximum number of concurrent shells");
        assertThat(e.getMessage()).contains("MaxShellsPerUser", "5 on Windows Server 2003 and 2008 R2");
      });
      open.remove(0).close();
      try (WinRmSession again = farm.open("r2")) {
        assertThat(again.run("ver").exitCode()).isZero();
      }
    } finally {
      open.forEach(WinRmSession::close);
    }
    assertThat(farm.host("r2").openShells()).isZero();
    // Server 2019's WinRM allows 30
    List<WinRmSession> six = new ArrayList<>();
    try {
      for (int i = 0; i < 6; i++) {
        six.add(farm.open("ws2019"));
      }
    } finally {
      six.forEach(WinRmSession::close);
    }
  }

  @Test
  void aSixthConcurrentUserIsRefusedWithItsOwnFault() {
    List<WinRmSession> open = new ArrayList<>();
    try {
      open.add(farm.open("r2"));
      for (int i = 2; i <= 5; i++) {
        open.add(farm.connector().open(farm.endpoint("r2").build(), WinRmCredentials.of("u" + i, "Sim-U" + i + "-pw")));
      }
      Throwable thrown = SECRETS.thrownBy(() -> farm.connector().open(farm.endpoint("r2").build(),
          WinRmCredentials.of("u6", "Sim-U6-pw")));
      assertThat(thrown).isInstanceOfSatisfying(WsManFaultException.class, e -> {
        assertThat(e.code()).isEqualTo("2150859179");
        assertThat(e.getMessage()).contains("MaxConcurrentUsers");
      });
    } finally {
      open.forEach(WinRmSession::close);
    }
  }

  @Test
  void anOperationTimeoutAboveMaxTimeoutmsIsRefusedButTheOperatorCapsItsOwn(@TempDir Path tmp) throws Exception {
    // the operator, told to wait 5 minutes per request, sends 60 s, which the host accepts
    try (WinRmSession session = farm.connector().open(farm.endpoint("r2").operationTimeout(Duration.ofMinutes(5))
        .build(), WinRmCredentials.of(farm.host("r2").username(), farm.host("r2").password()))) {
      assertThat(session.run("ver").stdout()).contains("[Version 6.1.7601]");
    }
    // an independent client that asks for 70 s meets the fault
    Pywinrm.requireInstalled();
    SimulatedHost host = farm.host("r2");
    Path ca = Files.writeString(tmp.resolve("ca.pem"), farm.farm.caPem());
    Throwable thrown = SECRETS.thrownBy(() -> Pywinrm.run(host.endpoint().toString(), host.username(),
        host.password(), ca, 437, "basic", 70, List.of("ver")));
    assertThat(thrown).isInstanceOf(Pywinrm.PywinrmFailed.class).hasMessageContaining("2150858881");
  }

  @Test
  void aCommandThatOutlivesTheCommandTimeoutLeavesNoCommandAndNoShellBehind() {
    SimulatedHost host = farm.host("r2");
    host.faults().slowCommands("echo slow", Duration.ofSeconds(20));
    try {
      try (WinRmSession session = farm.connector().open(farm.endpoint("r2").operationTimeout(Duration.ofSeconds(2))
          .commandTimeout(Duration.ofSeconds(1)).build(), WinRmCredentials.of(host.username(), host.password()))) {
        Throwable thrown = SECRETS.thrownBy(() -> session.run("echo slow"));
        assertThat(thrown).isInstanceOfSatisfying(WinRmTimeoutException.class,
            e -> assertThat(e.phase()).isEqualTo(WinRmTimeoutException.Phase.COMMAND));
        assertThat(host.commandsHeld()).as("the command was ended with a terminate Signal").isZero();
      }
      assertThat(host.openShells()).as("the shell was deleted").isZero();
    } finally {
      host.faults().clear();
    }
  }

  @Test
  void aReadOfA120SiteIis6HostThatExceedsOneEnvelopeArrivesWhole() {
    SimulatedHost host = farm.host("big6");
    host.resetInspection();
    try (WinRmSession session = farm.open("big6")) {
      String output = session.run(HostReadCommand.build(true, Cmd.tempFile("read"))).stdout();
      assertThat(output.length()).as("larger than WinRM 2.0's 150 KB envelope").isGreaterThan(153_600);
      assertThat(host.counters().receiveResponses()).as("several Receive responses").isGreaterThan(1);
      HostObservation o = HostReadCommand.parse(session.host(), output, true, java.time.Instant.now());
      assertThat(o.sites()).hasSize(SITES);
      assertThat(o.sites()).allSatisfy(s -> assertThat(s.applications()).hasSize(2));
    }
  }

  @Test
  void pywinrmReadsTheSameLargeOutputOverSeveralReceives(@TempDir Path tmp) throws Exception {
    Pywinrm.requireInstalled();
    SimulatedHost host = farm.host("big6");
    Path ca = Files.writeString(tmp.resolve("ca.pem"), farm.farm.caPem());
    String enumAll = "cscript //nologo %SystemDrive%\\Inetpub\\AdminScripts\\adsutil.vbs ENUM_ALL W3SVC";
    host.resetInspection();
    Pywinrm.Result result = Pywinrm.run(host.endpoint().toString(), host.username(), host.password(), ca, 437,
        "basic", List.of(enumAll)).results().get(0);
    assertThat(host.counters().receiveResponses()).isGreaterThan(1);
    assertThat(result.exitCode()).isZero();
    try (WinRmSession session = farm.open("big6")) {
      assertThat(result.stdout()).isEqualTo(session.run(enumAll).stdout());
    }
  }
}
