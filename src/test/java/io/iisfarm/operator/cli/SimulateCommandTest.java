package io.iisfarm.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.cli.demo.DemoMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulateCommandTest {
  @Test
  void helpNamesTheOptions() {
    StringWriter out = new StringWriter();
    CommandLine cli = DemoMain.commandLine();
    cli.setOut(new PrintWriter(out));

    int exit = cli.execute("simulate", "--help");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("simulate", "--farm=FILE", "--ca-out=FILE", "--farm-out=FILE",
        "--secrets-out=FILE", "TLS 1.0");
  }

  @Test
  void demoJarUsageListsSimulate() {
    StringWriter out = new StringWriter();
    CommandLine cli = DemoMain.commandLine();
    cli.setOut(new PrintWriter(out));

    cli.execute("--help");

    assertThat(out.toString()).contains("simulate");
  }
}
