package io.iisfarm.operator.simulator.wsman;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.iisfarm.operator.simulator.Winrm4j;
import io.iisfarm.operator.simulator.windows.CommandResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Passwords and what commands carry never reach the log, whatever goes wrong. */
class SecretsStayOutOfLogsIT {
  private static final String PASSWORD = "Pw-7f3a9c1e-do-not-log";
  private static final String KEY_MATERIAL = "A1B2C3D4E5F60718293A4B5C6D7E8F90";

  @Test
  void failuresAndRejectionsLogNoSecret() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level level = root.getLevel();
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    root.setLevel(Level.DEBUG);
    TlsIdentity tls = TlsIdentity.generate(List.of());
    try (WsmanRuntime runtime = WsmanRuntime.create();
        WsmanServer server = new WsmanServer(WsmanServerConfig.https("WEB01", "Administrator",
            PASSWORD).withAuth(true, true), commandLine -> {
              if (commandLine.contains(KEY_MATERIAL)) {
                throw new IllegalStateException("cannot write " + commandLine + " as " + PASSWORD);
              }
              return new CommandResult(0, "", "", false);
            }, runtime, tls).start()) {
      try (Winrm4j client = Winrm4j.connect(server.endpoint(), "Administrator", PASSWORD,
          tls.caPem(), Duration.ofSeconds(20))) {
        assertThat(client.run("echo " + KEY_MATERIAL + " > key.txt").exitCode()).isEqualTo(1);
      }
      try (Winrm4j wrong = Winrm4j.connectNtlm(server.endpoint(), "Administrator",
          PASSWORD + "x", tls.caPem(), Duration.ofSeconds(10))) {
        wrong.run("ver");
      } catch (RuntimeException expected) {
        // rejected, as it should be
      }
      server.faults().alwaysUnauthorized(true);
      try (Winrm4j rejected = Winrm4j.connect(server.endpoint(), "Administrator", PASSWORD,
          tls.caPem(), Duration.ofSeconds(10))) {
        rejected.run("ver");
      } catch (RuntimeException expected) {
        // rejected, as it should be
      }
      assertThat(server.toString()).doesNotContain(PASSWORD);
    } finally {
      root.detachAppender(captured);
      root.setLevel(level);
    }

    assertThat(captured.list).isNotEmpty();
    assertThat(captured.list).extracting(SecretsStayOutOfLogsIT::render)
        .allSatisfy(line -> assertThat(line).doesNotContain(PASSWORD).doesNotContain(KEY_MATERIAL));
  }

  private static String render(ILoggingEvent event) {
    String thrown = event.getThrowableProxy() == null ? ""
        : ThrowableProxyUtil.asString(event.getThrowableProxy());
    return event.getFormattedMessage() + "\n" + thrown;
  }
}
