package io.iisfarm.operator.cli.demo;

import io.iisfarm.operator.cli.ShutdownHooks;
import io.iisfarm.operator.simulator.LegacyTls;
import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.replay.ReplayFarm;
import io.iisfarm.operator.transcript.TranscriptException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code simulate}: starts a farm of simulated IIS hosts, each a WinRM listener on 127.0.0.1, prints
 * how to reach them and serves until interrupted.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = {
        "Starts simulated IIS hosts (WinRM on 127.0.0.1, one port per host) and serves until "
            + "interrupted (Ctrl+C).",
        "Prints each host's name, IIS version, endpoint and credentials. Simulated Windows "
            + "Server 2003 hosts speak only TLS 1.0, which this command re-enables in its own "
            + "JVM; a client must opt in to TLS 1.0 to reach them."})
public final class SimulateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--farm", paramLabel = "FILE",
      description = "Farm file (YAML) to start; default: the built-in sample farm.")
  Path farmFile;

  @Option(names = "--replay", paramLabel = "DIR",
      description = "Serve recorded hosts instead: one per transcript in DIR (audit --record, docs/transcripts.md)."
          + " A recorded command gets the recorded bytes and exit code; any other fails with \"not recorded\".")
  Path replayDir;

  @Option(names = "--ca-out", paramLabel = "FILE",
      description = "Write the CA certificate that signed the hosts' certificates here (PEM), "
          + "for clients to trust.")
  Path caOut;

  @Option(names = "--farm-out", paramLabel = "FILE",
      description = "Write an IisFarm for the served hosts here (YAML), with the sites and machineKey the farm"
          + " file's iisFarm: section asks for; check it with audit.")
  Path farmOut;

  @Option(names = "--secrets-out", paramLabel = "FILE",
      description = "Write the Secrets that IisFarm names here (YAML, readable by the owner only): WinRM"
          + " credentials, CA and a new random machineKey.")
  Path secretsOut;

  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    // must precede any TLS use in this JVM: the IIS6 hosts offer TLS 1.0 alone
    LegacyTls.enable();
    PrintWriter out = spec.commandLine().getOut();
    if (replayDir != null && farmFile != null) {
      spec.commandLine().getErr().println("simulate: --replay and --farm exclude each other");
      return 2;
    }
    String farmYaml = replayDir != null ? null : farmFile == null ? sampleYaml() : Files.readString(farmFile);
    SimulatedFarm started;
    try {
      started = replayDir == null ? SimulatedFarm.fromYaml(farmYaml) : ReplayFarm.start(ReplayFarm.files(replayDir));
    } catch (TranscriptException e) {
      spec.commandLine().getErr().println("simulate: cannot replay: " + e.getMessage());
      return 2;
    }
    try (SimulatedFarm farm = started) {
      if (caOut != null) {
        farm.writeCaPem(caOut);
      }
      printHosts(farm.hosts(), caOut, out);
      try {
        writeManifests(farmYaml, farm, out);
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println("simulate: cannot write the IisFarm: " + e.getMessage());
        return 2;
      }
      Thread hook = ShutdownHooks.add("simulate-shutdown", stopped::countDown);
      out.println("Serving until interrupted (Ctrl+C).");
      out.flush();
      try {
        stopped.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        // when the JVM is exiting already, the farm closes below all the same
        ShutdownHooks.remove(hook);
      }
    }
    out.println("Simulated farm stopped.");
    out.flush();
    return 0;
  }

  private void writeManifests(String farmYaml, SimulatedFarm farm, PrintWriter out) throws IOException {
    if (farmOut == null && secretsOut == null) {
      return;
    }
    List<String> notes = new ArrayList<>();
    FarmFileManifests.Manifests manifests = farmYaml == null ? ReplayManifests.of(farm, notes)
        : FarmFileManifests.of(farmYaml, farm);
    notes.forEach(n -> out.println("Note: " + n));
    if (farmOut != null) {
      Files.writeString(farmOut, manifests.farmYaml());
      out.println("IisFarm written to " + farmOut);
    }
    if (secretsOut != null) {
      FarmFileManifests.writePrivate(secretsOut, manifests.secretsYaml());
      out.println("Its Secrets written to " + secretsOut + " (credentials and key: keep the file private)");
    }
    if (farmOut != null && secretsOut != null) {
      out.println("Check the farm: java -jar iis-farm-operator.jar audit --secrets " + secretsOut + " " + farmOut);
    }
  }

  private static String sampleYaml() throws IOException {
    try (InputStream in = SimulatedFarm.class.getResourceAsStream(SimulatedFarm.SAMPLE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("sample farm missing: " + SimulatedFarm.SAMPLE_RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static void printHosts(List<SimulatedHost> hosts, Path caOut, PrintWriter out) {
    out.printf("Simulated IIS farm: %d host(s) on 127.0.0.1%s%n", hosts.size(),
        caOut == null ? "" : "; CA certificate written to " + caOut);
    String format = "%-12s %-5s %-22s %-32s %-14s %s%n";
    out.printf(format, "HOST", "IIS", "OS", "ENDPOINT", "USERNAME", "PASSWORD");
    for (SimulatedHost host : hosts) {
      out.printf(format, host.name(), host.iisVersion(), host.osName(),
          host.endpoint() + (host.legacyTls() ? " (TLS 1.0)" : ""), host.username(),
          host.password());
    }
  }
}
