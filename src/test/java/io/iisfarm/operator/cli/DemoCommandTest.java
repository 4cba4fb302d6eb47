package io.iisfarm.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.cli.demo.DemoMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DemoCommandTest {

  @Test
  void helpNamesTheOptions() {
    StringWriter out = new StringWriter();
    CommandLine cli = DemoMain.commandLine();
    cli.setOut(new PrintWriter(out));

    assertThat(cli.execute("demo", "--help")).isZero();
    assertThat(out.toString()).contains("--wait", "--port=PORT", "--kubeconfig=FILE", "Exits 0");
  }

  @Test
  void demoJarUsageListsDemoAndSimulateButNotTheOperatorsCommands() {
    StringWriter out = new StringWriter();
    CommandLine cli = DemoMain.commandLine();
    cli.setOut(new PrintWriter(out));

    cli.execute("--help");

    assertThat(out.toString()).contains("  demo ", "  simulate ").doesNotContain("  run ", "  audit ");
  }

  @Test
  void aBusyApiPortEndsTheDemoWithANonZeroExitAndTheReason() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cli = DemoMain.commandLine();
      cli.setOut(new PrintWriter(out));
      cli.setErr(new PrintWriter(err));

      int exit = cli.execute("demo", "--port", String.valueOf(taken.getLocalPort()));

      assertThat(exit).isEqualTo(1);
      assertThat(err.toString()).startsWith("demo failed: ").contains(String.valueOf(taken.getLocalPort()));
    }
  }
}
