package io.iisfarm.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iisfarm.operator.cli.demo.DemoMain;
import io.iisfarm.operator.simulator.Winrm4j;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code simulate} starts the sample farm, tells how to reach it, and stops when interrupted. */
class SimulateCommandIT {
  @TempDir
  Path dir;

  @Test
  void servesTheSampleFarmUntilInterrupted() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cli = DemoMain.commandLine();
    cli.setOut(new PrintWriter(out, true));
    Path ca = dir.resolve("farm-ca.pem");
    AtomicInteger exit = new AtomicInteger(-1);
    Thread serving = new Thread(() -> exit.set(cli.execute("simulate", "--ca-out", ca.toString())));
    serving.start();
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> out.toString().contains("Serving"));

      String printed = out.toString();
      assertThat(printed).contains("HOST", "IIS", "ENDPOINT", "USERNAME", "PASSWORD");
      assertThat(printed).containsPattern("web01\\s+6\\.0\\s+Windows Server 2003\\s+https://127\\.0\\.0\\.1:\\d+/wsman \\(TLS 1\\.0\\)");
      Matcher web03 = Pattern.compile("web03\\s+10\\.0\\s+Windows Server 2019\\s+(https://\\S+)\\s+(\\S+)\\s+(\\S+)")
          .matcher(printed);
      assertThat(web03.find()).isTrue();
      String caPem = Files.readString(ca);
      assertThat(caPem).startsWith("-----BEGIN CERTIFICATE-----");

      try (Winrm4j client = Winrm4j.connect(URI.create(web03.group(1)), web03.group(2),
          web03.group(3), caPem, Duration.ofSeconds(20))) {
        assertThat(client.run("hostname").stdout()).isEqualToIgnoringCase("web03\r\n");
      }
    } finally {
      serving.interrupt();
      serving.join(30_000);
    }
    assertThat(exit.get()).isZero();
    assertThat(out.toString()).contains("Simulated farm stopped.");
  }
}
