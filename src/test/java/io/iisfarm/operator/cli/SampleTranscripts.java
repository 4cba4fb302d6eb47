package io.iisfarm.operator.cli;

import io.iisfarm.operator.cli.demo.FarmFileManifests;
import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.transcript.Transcript;
import io.iisfarm.operator.transcript.TranscriptFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Records the simulator's sample farm with {@code audit --record} into src/test/resources/transcripts, labelled as
 * simulated: {@code mvn -B test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.iisfarm.operator.cli.SampleTranscripts}; then {@code TranscriptCorpusIT} with
 * {@code -Dtranscripts.update=true} writes their expectations (docs/transcripts.md).
 */
public final class SampleTranscripts {
  private SampleTranscripts() {}

  public static void main(String[] args) throws IOException {
    String sample;
    try (InputStream in = SimulatedFarm.class.getResourceAsStream(SimulatedFarm.SAMPLE_RESOURCE)) {
      sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path work = Files.createTempDirectory("sample-transcripts");
    Path recorded = work.resolve("recorded");
    try (SimulatedFarm farm = SimulatedFarm.fromYaml(sample)) {
      FarmFileManifests.Manifests manifests = FarmFileManifests.of(sample, farm);
      Path farmFile = work.resolve("farm.yaml");
      Path secrets = work.resolve("secrets.yaml");
      Files.writeString(farmFile, manifests.farmYaml());
      Files.writeString(secrets, manifests.secretsYaml());
      CliRun audit = CliRun.run("audit", "--secrets", secrets.toString(), "--record", recorded.toString(),
          farmFile.toString());
      if (!audit.err().contains("recorded 4 transcript(s)")) {
        throw new IllegalStateException("audit --record did not record the four hosts: " + audit.all());
      }
    }
    for (Path file : TranscriptFile.list(recorded)) {
      Transcript t = TranscriptFile.read(file);
      Transcript.Header h = t.header();
      String host = h.host().name();
      String iis = h.facts().path("iis").asText().replace(".", "");
      Transcript.Source source = new Transcript.Source("simulated", "host " + host + " of the simulator's sample farm"
          + " (src/demo/resources/simulator/sample-farm.yaml), recorded by audit --record", List.of());
      TranscriptFile.write(t.withHeader(new Transcript.Header(h.tool(), h.recordedAt(), source, h.host(), h.facts(),
          h.farm(), h.redactions())), TranscriptCorpusIT.CORPUS.resolve("sample-" + host + "-iis" + iis
          + TranscriptFile.SUFFIX));
    }
  }
}
