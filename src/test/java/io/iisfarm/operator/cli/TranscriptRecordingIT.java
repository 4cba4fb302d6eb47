package io.iisfarm.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.iisfarm.operator.cli.demo.FarmFileManifests;
import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.testing.LogCapture;
import io.iisfarm.operator.testing.SecretScan;
import io.iisfarm.operator.transcript.LeakScan;
import io.iisfarm.operator.transcript.MappingFile;
import io.iisfarm.operator.replay.ReplayFarm;
import io.iisfarm.operator.transcript.Transcript;
import io.iisfarm.operator.transcript.TranscriptFile;
import io.iisfarm.operator.winrm.CommandOutput;
import io.iisfarm.operator.winrm.TlsOptions;
import io.iisfarm.operator.winrm.WinRmCredentials;
import io.iisfarm.operator.winrm.WinRmEndpoint;
import io.iisfarm.operator.winrm.WinRmSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit --record} on the simulated sample farm (IIS 6.0, 7.5 and two IIS 10 hosts over real WinRM), and
 * {@code simulate --replay} of what it wrote: the replay audits as the farm did, no transcript holds a key or a
 * password, anonymized ones hold no real name, and a command the transcript does not hold fails loudly.
 */
class TranscriptRecordingIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FINGERPRINT = Pattern.compile("\\b[0-9a-f]{12}\\b");
  private static final Pattern LOOPBACK = Pattern.compile("127\\.0\\.0\\.1:\\d+");

  private static String sampleYaml;
  private static SimulatedFarm farm;
  private static List<String> sampleKeys;

  @TempDir
  Path dir;

  @BeforeAll
  static void startFarm() throws IOException {
    try (InputStream in = SimulatedFarm.class.getResourceAsStream(SimulatedFarm.SAMPLE_RESOURCE)) {
      sampleYaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    farm = SimulatedFarm.fromYaml(sampleYaml);
    sampleKeys = Pattern.compile("[0-9A-F]{40,}").matcher(sampleYaml).results().map(java.util.regex.MatchResult::group).distinct().toList();
    assertThat(sampleKeys).as("the sample farm's keys").hasSizeGreaterThan(5);
  }

  @AfterAll
  static void stopFarm() {
    farm.close();
  }

  @Test
  void aRecordingOfTheSampleFarmReplaysThroughSimulateToTheSameAudit() throws Exception {
    Live live = recordLive(false);
    assertThat(live.audit.exit()).as(live.audit.all()).isEqualTo(1);
    assertThat(TranscriptFile.list(live.transcripts)).extracting(p -> p.getFileName().toString())
        .containsExactly("web01.transcript.yaml", "web02.transcript.yaml", "web03.transcript.yaml",
            "web04.transcript.yaml");

    try (ReplayedSimulate replay = new ReplayedSimulate(live.transcripts, dir)) {
      CliRun replayed = CliRun.run("audit", "-o", "json", "--secrets", replay.secrets.toString(), replay.farm.toString());

      assertThat(replayed.exit()).as(replayed.all()).isEqualTo(live.audit.exit());
      assertThat(normalized(replayed.out(), Map.of())).isEqualTo(normalized(live.audit.out(), Map.of()));
      assertThat(replay.output()).doesNotContain("not recorded");
    }
  }

  @Test
  void noTranscriptHoldsAKeyOrAPasswordOrAnyPieceOfOne() throws Exception {
    Live live = recordLive(false);
    List<String> secrets = secrets(live);

    for (Path file : TranscriptFile.list(live.transcripts)) {
      Transcript transcript = TranscriptFile.read(file);
      List<String> texts = new ArrayList<>(LeakScan.texts(transcript));
      texts.add(Files.readString(file));
      for (String text : texts) {
        SecretScan.assertClean(file.getFileName().toString(), text, secrets);
      }
    }
    SecretScan.assertClean("audit's output", live.audit.all(), secrets);
    // the transcripts do hold machineKeys: stand-ins where the keys were
    Transcript web02 = TranscriptFile.read(live.transcripts.resolve("web02.transcript.yaml"));
    assertThat(web02.header().redactions().items()).anySatisfy(r -> assertThat(r.what()).isEqualTo("machineKey validationKey"));
    assertThat(String.join("\n", LeakScan.texts(web02))).containsPattern("validationKey=\"[0-9A-F]{128}\"");
  }

  @Test
  void theScanSeesAKeyInsideTheBase64OfAnUnredactedRead() throws Exception {
    SimulatedHost web02 = farm.host("web02");
    String readCommand;
    CommandOutput raw;
    try (WinRmSession session = WinRmSession.open(endpoint(web02),
        WinRmCredentials.of(web02.username(), web02.password()))) {
      Live live = recordLive(false);
      readCommand = TranscriptFile.read(live.transcripts.resolve("web02.transcript.yaml")).commands().get(0).line();
      raw = session.run(readCommand);
    }
    Transcript unredacted = new Transcript(TranscriptFile.read(dir.resolve("rec/web02.transcript.yaml")).header(),
        List.of(new Transcript.Command(readCommand, raw.exitCode(), raw.raw().stdout(), raw.raw().stderr(), false)));
    assertThat(TranscriptFile.format(unredacted)).as("the keys are only base64 in the file text")
        .doesNotContain(sampleKeys.get(0));
    assertThatThrownBy(() -> LeakScan.texts(unredacted).forEach(t -> SecretScan.assertClean("unredacted", t, sampleKeys)))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void anAnonymizedRecordingShowsNoRealNameAndStillAuditsTheSame() throws Exception {
    Live live = recordLive(true);
    Path mapping = MappingFile.besides(live.transcripts);
    assertThat(mapping).exists();
    assertThat(mapping.startsWith(live.transcripts)).isFalse();
    assertThat(Files.getPosixFilePermissions(mapping)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
        PosixFilePermission.OWNER_WRITE);
    List<MappingFile.Entry> names = MappingFile.read(mapping);
    assertThat(names).extracting(MappingFile.Entry::original)
        .contains("web01", "web02", "Shop", "Api", "shop.example.com", "10.20.0.5", "sqlfarm01", "D:\\Sites\\Shop");

    for (Path file : TranscriptFile.list(live.transcripts)) {
      String all = String.join("\n", LeakScan.texts(TranscriptFile.read(file))) + Files.readString(file);
      for (MappingFile.Entry e : names) {
        assertThat(Pattern.compile("(?i)(?<![A-Za-z0-9])" + Pattern.quote(e.original()) + "(?![A-Za-z0-9])")
            .matcher(all).find()).as("%s shows the %s %s", file.getFileName(), e.kind(), e.original()).isFalse();
      }
      SecretScan.assertClean(file.getFileName().toString(), all, secrets(live));
    }
    CliRun check = CliRun.run("audit", "--check", live.transcripts.toString(), "--secrets", live.secrets.toString());
    assertThat(check.exit()).as(check.all()).isZero();
    assertThat(check.out()).contains("anonymized", "no problem found").doesNotContain("web01", "Shop", "--anonymize");

    try (ReplayedSimulate replay = new ReplayedSimulate(live.transcripts, dir)) {
      CliRun replayed = CliRun.run("audit", "-o", "json", "--secrets", replay.secrets.toString(), replay.farm.toString());
      Map<String, String> toStandIns = new HashMap<>();
      names.forEach(e -> toStandIns.put(e.original(), e.replacement()));
      assertThat(replayed.exit()).as(replayed.all()).isEqualTo(live.audit.exit());
      assertThat(normalized(replayed.out(), Map.of())).isEqualTo(normalized(live.audit.out(), toStandIns));
    }
  }

  @Test
  void aCommandTheTranscriptDoesNotHoldFailsLoudly() throws Exception {
    Live live = recordLive(false);
    try (SimulatedFarm replay = ReplayFarm.start(TranscriptFile.list(live.transcripts));
        LogCapture log = LogCapture.start()) {
      SimulatedHost web03 = replay.host("web03");
      try (WinRmSession session = WinRmSession.open(endpoint(web03),
          WinRmCredentials.of(web03.username(), web03.password()))) {
        CommandOutput output = session.run("dir C:\\inetpub");

        assertThat(output.exitCode()).isNotZero();
        assertThat(output.stdout()).isEmpty();
        assertThat(output.stderr()).startsWith("replay: not recorded: host web03 was sent \"dir C:\\inetpub\" (14 characters)")
            .contains("which its transcript does not hold; the transcript holds 2 commands", "docs/transcripts.md");
        // a recorded read still answers with the recorded bytes
        Transcript recorded = TranscriptFile.read(live.transcripts.resolve("web03.transcript.yaml"));
        CommandOutput read = session.run(recorded.commands().get(0).line());
        assertThat(read.raw().stdout()).isEqualTo(recorded.commands().get(0).stdout());
      }
      assertThat(log.text()).contains("WARN", "replay of web03: replay: not recorded");
    }
  }

  private record Live(CliRun audit, Path transcripts, Path secrets) {}

  private Live recordLive(boolean anonymize) throws IOException {
    FarmFileManifests.Manifests manifests = FarmFileManifests.of(sampleYaml, farm);
    Path farmFile = dir.resolve("farm.yaml");
    Path secrets = dir.resolve("secrets.yaml");
    Files.writeString(farmFile, manifests.farmYaml());
    Files.writeString(secrets, manifests.secretsYaml());
    Path transcripts = dir.resolve("rec");
    List<String> args = new ArrayList<>(List.of("audit", "-o", "json", "--secrets", secrets.toString(), "--record",
        transcripts.toString()));
    if (anonymize) {
      args.add("--anonymize");
    }
    args.add(farmFile.toString());
    CliRun audit = CliRun.run(args.toArray(String[]::new));
    assertThat(audit.err()).as(audit.all()).contains("recorded 4 transcript(s) into " + transcripts);
    return new Live(audit, transcripts, secrets);
  }

  /** The sample farm's keys, the farm Secret's key and every WinRM password. */
  private List<String> secrets(Live live) throws IOException {
    List<String> secrets = new ArrayList<>(sampleKeys);
    List<JsonNode> documents = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readerFor(JsonNode.class)
        .<JsonNode>readValues(Files.readString(live.secrets)).readAll();
    for (JsonNode doc : documents) {
      doc.path("data").fields().forEachRemaining(e -> {
        String value = new String(java.util.Base64.getDecoder().decode(e.getValue().asText()), StandardCharsets.UTF_8);
        if (!e.getKey().equals("username") && !value.startsWith("-----BEGIN")) {
          secrets.add(value);
        }
      });
    }
    assertThat(secrets).as("passwords and the farm key").contains("sim-only-not-a-secret-01")
        .hasSizeGreaterThan(sampleKeys.size() + 4);
    return secrets;
  }

  private static WinRmEndpoint endpoint(SimulatedHost host) {
    return WinRmEndpoint.https("127.0.0.1").port(host.port()).auth(WinRmEndpoint.Auth.BASIC)
        .tls(new TlsOptions(host.caPem(), false, host.legacyTls())).build();
  }

  /**
   * The audit document without what differs between two runs of the same farm: times, ports, where the key came
   * from; fingerprints by the order they first appear (a replay's keys are stand-ins: other fingerprints, the same
   * ones equal), and real names as {@code names} maps them.
   */
  private static JsonNode normalized(String json, Map<String, String> names) throws IOException {
    JsonNode doc = JSON.readTree(json);
    ((ObjectNode) doc).remove(List.of("farm", "namespace", "checkedAt"));
    ((ObjectNode) doc.path("desired").path("machineKey")).remove("source");
    Map<String, String> fingerprints = new HashMap<>();
    return rewrite(doc, s -> {
      String out = s;
      for (Map.Entry<String, String> e : names.entrySet()) {
        out = Pattern.compile("(?i)(?<![A-Za-z0-9])" + Pattern.quote(e.getKey()) + "(?![A-Za-z0-9])").matcher(out)
            .replaceAll(m -> Matcher.quoteReplacement(case_(e.getValue(), m.group())));
      }
      out = LOOPBACK.matcher(out).replaceAll("127.0.0.1:PORT");
      return FINGERPRINT.matcher(out).replaceAll(m -> fingerprints.computeIfAbsent(m.group(),
          f -> "fingerprint-" + (fingerprints.size() + 1)));
    });
  }

  private static String case_(String replacement, String occurrence) {
    if (occurrence.equals(occurrence.toUpperCase(Locale.ROOT))) {
      return replacement.toUpperCase(Locale.ROOT);
    }
    return occurrence.equals(occurrence.toLowerCase(Locale.ROOT)) ? replacement.toLowerCase(Locale.ROOT) : replacement;
  }

  private static JsonNode rewrite(JsonNode node, java.util.function.UnaryOperator<String> strings) {
    if (node.isTextual()) {
      return new TextNode(strings.apply(node.asText()));
    }
    if (node instanceof ObjectNode object) {
      for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (name.equals("lastCheck") || name.equals("lastChange") || name.equals("address")) {
          object.put(name, "-");
        } else if (name.equals("findings")) {
          // sorted by site name: anonymized names sort in another order
          List<String> findings = new ArrayList<>();
          rewrite(object.get(name), strings).forEach(f -> findings.add(f.asText()));
          findings.sort(null);
          ArrayNode sorted = object.putArray(name);
          findings.forEach(sorted::add);
        } else {
          object.set(name, rewrite(object.get(name), strings));
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, rewrite(array.get(i), strings));
      }
    }
    return node;
  }
}
