package io.iisfarm.operator.simulator.wsman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.iisfarm.operator.simulator.Pywinrm;
import io.iisfarm.operator.simulator.Winrm4j;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NTLM (as Negotiate) over HTTPS, checked by two clients that compute NTLMv2 themselves. */
class NtlmIT {
  private static WsmanRuntime runtime;
  private static TlsIdentity tls;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    runtime = WsmanRuntime.create();
    tls = TlsIdentity.generate(List.of());
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  private WsmanServer ntlmServer() {
    return new WsmanServer(WsmanServerConfig.https("WEB03", "Administrator", "N7lm-P@ss")
        .withAuth(false, true), new ScriptedWindows(), runtime, tls).start();
  }

  @Test
  void winrm4jAuthenticatesWithNtlm() throws Exception {
    try (WsmanServer server = ntlmServer();
        Winrm4j client = Winrm4j.connectNtlm(server.endpoint(), "Administrator", "N7lm-P@ss",
            tls.caPem(), Duration.ofSeconds(20))) {
      assertThat(client.run("echo via ntlm").stdout()).isEqualTo("via ntlm\r\n");
      assertThat(client.run("ver").exitCode()).isZero();
      assertThat(server.journal().commandLines()).containsExactly("echo via ntlm", "ver");
    }
  }

  @Test
  void pywinrmAuthenticatesWithNtlm() throws Exception {
    Pywinrm.requireInstalled();
    try (WsmanServer server = ntlmServer()) {
      Path ca = tls.writeCaPem(dir.resolve("ca.pem"));

      Pywinrm.Run run = Pywinrm.run(server.endpoint().toString(), "administrator", "N7lm-P@ss",
          ca, 437, "ntlm", List.of("echo one", "exit /b 4"));

      assertThat(run.results().get(0).stdout()).isEqualTo("one\r\n");
      assertThat(run.results().get(1).exitCode()).isEqualTo(4);
    }
  }

  @Test
  void wrongPasswordFailsTheNtlmLogon() throws Exception {
    Pywinrm.requireInstalled();
    try (WsmanServer server = ntlmServer()) {
      Path ca = tls.writeCaPem(dir.resolve("ca.pem"));
      Pywinrm.PywinrmFailed failed = assertThrows(Pywinrm.PywinrmFailed.class, () -> Pywinrm.run(
          server.endpoint().toString(), "Administrator", "wrong", ca, 437, "ntlm",
          List.of("ver")));
      assertThat(failed.getMessage()).contains("InvalidCredentialsError");
      assertThat(server.journal().entries()).isEmpty();
    }
  }

  @Test
  void basicIsRefusedWhereOnlyNtlmIsOffered() throws Exception {
    try (WsmanServer server = ntlmServer()) {
      RawWsmanHttps.Reply reply = RawWsmanHttps.post(server, tls, "Administrator", "N7lm-P@ss");
      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.wwwAuthenticate()).containsExactly("Negotiate");
    }
  }
}
