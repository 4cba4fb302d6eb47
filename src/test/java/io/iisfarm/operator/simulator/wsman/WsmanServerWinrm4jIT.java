package io.iisfarm.operator.simulator.wsman;

import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.simulator.Winrm4j;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The WinRM layer alone, driven by winrm4j: one client, one shell reused, Basic over HTTPS. */
class WsmanServerWinrm4jIT {
  private static WsmanRuntime runtime;
  private static TlsIdentity tls;

  @BeforeAll
  static void startRuntime() {
    runtime = WsmanRuntime.create();
    tls = TlsIdentity.generate(List.of("web01"));
  }

  @AfterAll
  static void stopRuntime() {
    runtime.close();
  }

  @Test
  void oneShellServesManyCommandsOverOneConnection() throws Exception {
    ScriptedWindows windows = new ScriptedWindows();
    try (WsmanServer server = new WsmanServer(
        WsmanServerConfig.https("WEB01", "Administrator", "P@ssw0rd!"), windows, runtime, tls)
        .start();
        Winrm4j client = Winrm4j.connect(server.endpoint(), "Administrator", "P@ssw0rd!",
            tls.caPem(), Duration.ofSeconds(20))) {
      Winrm4j.Output ver = client.run("ver");
      Winrm4j.Output echo = client.run("echo hello");
      Winrm4j.Output exit = client.run("exit /b 5");
      Winrm4j.Output unknown = client.run("frobnicate");
      Winrm4j.Output change = client.run("change");

      assertThat(ver.exitCode()).isZero();
      assertThat(ver.stdout()).isEqualTo(ScriptedWindows.VER);
      assertThat(echo.stdout()).isEqualTo("hello\r\n");
      assertThat(exit.exitCode()).isEqualTo(5);
      assertThat(unknown.exitCode()).isEqualTo(9009);
      assertThat(unknown.stderr()).startsWith("'frobnicate' is not recognized");
      assertThat(change.exitCode()).isZero();
      assertThat(server.counters().shellsCreated()).isEqualTo(1);
      assertThat(server.counters().commandRequests()).isEqualTo(5);
      // keep-alive: a connection or two for all 16 requests, never one per request
      assertThat(server.counters().connectionsAccepted()).isLessThanOrEqualTo(2);
      assertThat(server.counters().httpRequests()).isGreaterThanOrEqualTo(16);
      assertThat(server.journal().changes()).extracting(JournalEntry::commandLine)
          .containsExactly("change");
      assertThat(windows.changes()).isEqualTo(1);
    }
  }

  @Test
  void largeOutputArrivesOverSeveralReceives() throws Exception {
    try (WsmanServer server = new WsmanServer(
        WsmanServerConfig.https("WEB01", "Administrator", "pw"), new ScriptedWindows(), runtime,
        tls).start();
        Winrm4j client = Winrm4j.connect(server.endpoint(), "Administrator", "pw", tls.caPem(),
            Duration.ofSeconds(20))) {
      // 300,000 bytes cannot fit one 153,600-byte envelope once base64-encoded
      Winrm4j.Output big = client.run("big 300000");

      assertThat(big.exitCode()).isZero();
      assertThat(big.stdout()).hasSize(300_000).matches("x+");
      assertThat(server.counters().httpRequests()).isGreaterThanOrEqualTo(1 + 1 + 3);
    }
  }

  @Test
  void windowsServer2003HostSpeaksOnlyTls10() throws Exception {
    WsmanServerConfig legacy = WsmanServerConfig.https("IIS6HOST", "Administrator", "pw")
        .withTlsProtocols(TlsIdentity.LEGACY_PROTOCOLS);
    try (WsmanServer server = new WsmanServer(legacy, new ScriptedWindows(), runtime, tls)
        .start()) {
      try (Winrm4j client = Winrm4j.connectLegacyTls(server.endpoint(), "Administrator", "pw",
          tls.caPem(), Duration.ofSeconds(20))) {
        assertThat(client.run("ver").exitCode()).isZero();
      }
    }
  }
}
