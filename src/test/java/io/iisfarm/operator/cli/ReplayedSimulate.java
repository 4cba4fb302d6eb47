package io.iisfarm.operator.cli;

import static org.awaitility.Awaitility.await;

import io.iisfarm.operator.cli.demo.DemoMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;

/** {@code simulate --replay DIR --farm-out ... --secrets-out ...} running in a thread until closed. */
final class ReplayedSimulate implements AutoCloseable {
  private final Thread serving;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final AtomicInteger exit = new AtomicInteger(-1);
  final Path farm;
  final Path secrets;

  ReplayedSimulate(Path transcripts, Path work) {
    farm = work.resolve("replay-farm.yaml");
    secrets = work.resolve("replay-secrets.yaml");
    CommandLine cli = DemoMain.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    serving = new Thread(() -> exit.set(cli.execute("simulate", "--replay", transcripts.toString(),
        "--farm-out", farm.toString(), "--secrets-out", secrets.toString())), "simulate-replay");
    serving.start();
    await().atMost(Duration.ofSeconds(60)).until(() -> out.toString().contains("Serving") || exit.get() >= 0);
    if (exit.get() >= 0) {
      throw new IllegalStateException("simulate --replay ended with " + exit.get() + ": " + out + err);
    }
  }

  String output() {
    return out + "\n" + err;
  }

  @Override
  public void close() throws InterruptedException {
    serving.interrupt();
    serving.join(30_000);
  }
}
