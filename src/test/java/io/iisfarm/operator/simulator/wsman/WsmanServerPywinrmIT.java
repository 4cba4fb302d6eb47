package io.iisfarm.operator.simulator.wsman;

import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.simulator.Pywinrm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WinRM layer alone, driven by pywinrm over HTTPS and HTTP with Basic auth. */
class WsmanServerPywinrmIT {
  private static WsmanRuntime runtime;
  private static TlsIdentity tls;

  @TempDir
  Path dir;

  @BeforeAll
  static void startRuntime() {
    runtime = WsmanRuntime.create();
    tls = TlsIdentity.generate(List.of("web01"));
  }

  @AfterAll
  static void stopRuntime() {
    runtime.close();
  }

  @BeforeEach
  void checkPywinrm() {
    Pywinrm.requireInstalled();
  }

  @Test
  void pywinrmRunsCommandsInOneShellOverHttps() throws Exception {
    ScriptedWindows windows = new ScriptedWindows();
    try (WsmanServer server = new WsmanServer(
        WsmanServerConfig.https("WEB01", "Administrator", "P@ssw0rd!"), windows, runtime, tls)
        .start()) {
      Path ca = tls.writeCaPem(dir.resolve("ca.pem"));

      Pywinrm.Run run = Pywinrm.run(server.endpoint().toString(), "administrator", "P@ssw0rd!", ca,
          437, "basic", List.of("ver", "echo hello world", "exit /b 3", "frobnicate /x"));

      assertThat(run.results()).hasSize(4);
      assertThat(run.results().get(0).stdout()).isEqualTo(ScriptedWindows.VER);
      assertThat(run.results().get(0).exitCode()).isZero();
      assertThat(run.results().get(1).stdout()).isEqualTo("hello world\r\n");
      assertThat(run.results().get(2).exitCode()).isEqualTo(3);
      Pywinrm.Result unknown = run.results().get(3);
      assertThat(unknown.exitCode()).isEqualTo(9009);
      assertThat(unknown.stdout()).isEmpty();
      assertThat(unknown.stderr()).isEqualTo("'frobnicate' is not recognized as an internal or "
          + "external command,\r\noperable program or batch file.\r\n");

      assertThat(server.journal().commandLines())
          .containsExactly("ver", "echo hello world", "exit /b 3", "frobnicate /x");
      assertThat(server.counters().shellsCreated()).isEqualTo(1);
      assertThat(server.counters().commandRequests()).isEqualTo(4);
      assertThat(server.counters().shellsOpen()).isZero();
      assertThat(server.counters().maxShellsOpen()).isEqualTo(1);
    }
  }

  @Test
  void outputIsEncodedInTheShellsCodePage() throws Exception {
    try (WsmanServer server = new WsmanServer(
        WsmanServerConfig.http("WEB01", "Administrator", "secret"), new ScriptedWindows(), runtime,
        null).start()) {
      String text = "echo Gr\u00fc\u00dfe \u00e9t\u00e9";

      Pywinrm.Run utf8 = Pywinrm.run(server.endpoint().toString(), "Administrator", "secret", null,
          65001, "basic", List.of(text));
      Pywinrm.Run oem = Pywinrm.run(server.endpoint().toString(), "Administrator", "secret", null,
          437, "basic", List.of(text));

      byte[] utf8Bytes = utf8.results().get(0).stdoutBytes();
      byte[] oemBytes = oem.results().get(0).stdoutBytes();
      assertThat(new String(utf8Bytes, StandardCharsets.UTF_8)).isEqualTo("Gr\u00fc\u00dfe \u00e9t\u00e9\r\n");
      // code page 437: u-umlaut 0x81, sharp s 0xE1, e-acute 0x82
      assertThat(oemBytes).containsExactly('G', 'r', 0x81, 0xE1, 'e', ' ', 0x82, 't', 0x82, '\r',
          '\n');
    }
  }

  @Test
  void wrongPasswordIsRejectedWith401() throws Exception {
    try (WsmanServer server = new WsmanServer(
        WsmanServerConfig.http("WEB01", "Administrator", "secret"), new ScriptedWindows(), runtime,
        null).start()) {
      Pywinrm.PywinrmFailed failed = org.junit.jupiter.api.Assertions.assertThrows(
          Pywinrm.PywinrmFailed.class, () -> Pywinrm.run(server.endpoint().toString(),
              "Administrator", "wrong", null, 437, "basic", List.of("ver")));
      assertThat(failed.getMessage()).contains("InvalidCredentialsError");
      assertThat(server.journal().entries()).isEmpty();
    }
  }
}
