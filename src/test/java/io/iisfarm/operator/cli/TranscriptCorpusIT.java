package io.iisfarm.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.iisfarm.operator.cli.demo.FarmFileManifests;
import io.iisfarm.operator.cli.demo.ReplayManifests;
import io.iisfarm.operator.replay.ReplayFarm;
import io.iisfarm.operator.host.HostReader;
import io.iisfarm.operator.host.ReadOptions;
import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.testing.SecretScan;
import io.iisfarm.operator.transcript.ObservationShape;
import io.iisfarm.operator.winrm.TlsOptions;
import io.iisfarm.operator.winrm.WinRmCredentials;
import io.iisfarm.operator.winrm.WinRmEndpoint;
import io.iisfarm.operator.winrm.WinRmSession;
import io.iisfarm.operator.transcript.Transcript;
import io.iisfarm.operator.transcript.TranscriptFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every transcript in src/test/resources/transcripts is served by a replay over real WinRM and audited by the jar's
 * {@code audit}: the host rows (what the read observed, fingerprints of the stand-in keys) and the planned steps
 * and what the operator's reader observes on it must equal the expectation stored beside it ({@code <name>.expected.yaml}). A transcript without an expectation
 * fails; {@code -Dtranscripts.update=true} writes the expectations instead (to be read and committed).
 */
class TranscriptCorpusIT {
  static final Path CORPUS = Path.of("src/test/resources/transcripts");
  static final String EXPECTED = ".expected.yaml";
  private static final YAMLMapper YAML = YAMLMapper.builder()
      .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.SPLIT_LINES)
      .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path work;

  @Test
  void theCorpusHoldsTheSeedTranscriptsLabelledAndFreeOfTheSampleFarmsSecrets() throws IOException {
    List<String> names = TranscriptFile.list(CORPUS).stream().map(p -> p.getFileName().toString()).toList();
    assertThat(names).contains("sample-web01-iis60.transcript.yaml", "sample-web02-iis75.transcript.yaml",
        "sample-web03-iis100.transcript.yaml", "sample-web04-iis100.transcript.yaml");
    String sample;
    try (InputStream in = SimulatedFarm.class.getResourceAsStream(SimulatedFarm.SAMPLE_RESOURCE)) {
      sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> secrets = new java.util.ArrayList<>(java.util.regex.Pattern.compile("[0-9A-F]{64,}|sim-only-[a-z0-9-]+")
        .matcher(sample).results().map(java.util.regex.MatchResult::group).toList());
    assertThat(secrets).as("the sample farm's keys and passwords").hasSizeGreaterThan(10);
    for (Path file : TranscriptFile.list(CORPUS)) {
      Transcript transcript = TranscriptFile.read(file);
      for (String text : io.iisfarm.operator.transcript.LeakScan.texts(transcript)) {
        SecretScan.assertClean(file.getFileName().toString(), text, secrets);
      }
      Transcript.Source source = transcript.header().source();
      assertThat(source.kind()).as("%s says where it comes from", file.getFileName())
          .isIn("recorded", "simulated", "documented");
      if (!source.kind().equals("simulated")) {
        assertThat(source.references()).as("%s cites its sources", file.getFileName()).isNotEmpty();
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> everyTranscriptReplaysToItsExpectedObservationAndPlan() throws IOException {
    return TranscriptFile.list(CORPUS).stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
        () -> replayAndCompare(file)));
  }

  private void replayAndCompare(Path file) throws IOException {
    String name = file.getFileName().toString().replace(TranscriptFile.SUFFIX, "");
    Path expectedFile = CORPUS.resolve(name + EXPECTED);
    Path dir = Files.createDirectories(work.resolve(name));
    JsonNode found;
    try (SimulatedFarm replay = ReplayFarm.start(List.of(file))) {
      FarmFileManifests.Manifests manifests = ReplayManifests.of(replay, new java.util.ArrayList<>());
      Path farm = dir.resolve("farm.yaml");
      Path secrets = dir.resolve("secrets.yaml");
      Files.writeString(farm, manifests.farmYaml());
      Files.writeString(secrets, manifests.secretsYaml());
      CliRun audit = CliRun.run("audit", "-o", "json", "--secrets", secrets.toString(), farm.toString());
      assertThat(audit.err()).as("%s: the replay answered every command the audit sent", name)
          .doesNotContain("not recorded");
      found = expectation(audit);
      ((ObjectNode) found).set("observation", observe(replay.hosts().get(0),
          TranscriptFile.read(file).header().host().https()));
    }
    if (Boolean.getBoolean("transcripts.update")) {
      Files.writeString(expectedFile, "# What audit finds in " + file.getFileName() + " replayed (TranscriptCorpusIT;"
          + " -Dtranscripts.update=true rewrites it).\n" + YAML.writeValueAsString(found));
      return;
    }
    assertThat(expectedFile).as("the expectation of %s (write it with -Dtranscripts.update=true and read it)",
        file.getFileName()).exists();
    JsonNode expected = YAML.readTree(Files.readString(expectedFile));
    assertThat(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(found))
        .isEqualTo(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(expected));
  }

  /** What the operator's reader finds on the replayed host over WinRM, as a transcript header shows it. */
  private static JsonNode observe(SimulatedHost host, boolean https) {
    WinRmEndpoint endpoint = (https ? WinRmEndpoint.https("127.0.0.1").tls(new TlsOptions(host.caPem(), false, false))
        : WinRmEndpoint.http("127.0.0.1")).port(host.port())
        .auth(host.basicAuth() ? WinRmEndpoint.Auth.BASIC : WinRmEndpoint.Auth.NTLM).build();
    try (WinRmSession session = WinRmSession.open(endpoint, WinRmCredentials.of(host.username(), host.password()))) {
      return ObservationShape.facts(new HostReader().read(session, ReadOptions.DEFAULT));
    }
  }

  /** The audit's result, host rows and planned steps, without what differs between runs (times, ports). */
  static JsonNode expectation(CliRun audit) throws IOException {
    JsonNode doc = JSON.readTree(audit.out());
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("exitCode", audit.exit());
    out.set("result", doc.path("result"));
    out.set("desired", doc.path("desired").deepCopy());
    if (out.get("desired").get("machineKey") instanceof ObjectNode key) {
      key.remove("source");
    }
    ArrayNode hosts = out.putArray("hosts");
    for (JsonNode host : doc.path("hosts")) {
      hosts.add(stripped(host.deepCopy()));
    }
    out.set("plannedSteps", doc.path("plannedSteps").isMissingNode() ? JsonNodeFactory.instance.arrayNode()
        : stripped(doc.get("plannedSteps").deepCopy()));
    return out;
  }

  private static JsonNode stripped(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(List.of("lastCheck", "lastChange", "address"));
      for (Iterator<JsonNode> it = object.elements(); it.hasNext(); ) {
        stripped(it.next());
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(TranscriptCorpusIT::stripped);
    }
    return node;
  }
}
