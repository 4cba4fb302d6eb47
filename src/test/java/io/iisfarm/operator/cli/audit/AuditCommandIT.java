package io.iisfarm.operator.cli.audit;

import static io.iisfarm.operator.cli.audit.AuditRun.audit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.KubernetesListBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.iisfarm.operator.cli.Main;
import io.iisfarm.operator.cli.demo.DemoMain;
import io.iisfarm.operator.model.KeyAttribute;
import io.iisfarm.operator.model.KeyMaterial;
import io.iisfarm.operator.model.MachineKeySetting;
import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.testing.SecretScan;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * {@code audit} against the simulated sample farm (IIS6, IIS7.5 and two IIS10 hosts over real WinRM): drift,
 * a converged host, an unreadable host, adoption, and what {@code simulate} writes. Every run is checked for
 * secrets in its output and in the log, and every host's journal for changing commands.
 */
class AuditCommandIT {
  private static final String FARM_VALIDATION_KEY =
      "5A0C1E7B3D9F24681357ACE02468BDF13579BDF02468ACE19E8D7C6B5A4938271605F4E3D2C1B0A988776655443322110F1E2D3C4B5A6978ACE13579BDF02468";
  private static final String FARM_DECRYPTION_KEY = "C0FFEE0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static SimulatedFarm farm;
  private static List<String> sampleKeys;

  @TempDir
  Path dir;

  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private Level rootLevel;

  @BeforeAll
  static void startFarm() throws IOException {
    farm = SimulatedFarm.sample();
    try (InputStream in = SimulatedFarm.class.getResourceAsStream(SimulatedFarm.SAMPLE_RESOURCE)) {
      Matcher hex = Pattern.compile("[0-9A-F]{40,}").matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      sampleKeys = hex.results().map(m -> m.group()).distinct().toList();
    }
    assertThat(sampleKeys).hasSizeGreaterThan(5);
  }

  @AfterAll
  static void stopFarm() {
    farm.close();
    AuditRun.restoreLogLevels();
  }

  @BeforeEach
  void captureLog() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    rootLevel = root.getLevel();
    log.start();
    root.addAppender(log);
    root.setLevel(Level.DEBUG);
  }

  @AfterEach
  void releaseLog() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(log);
    root.setLevel(rootLevel);
    farm.hosts().forEach(h -> h.faults().clear());
  }

  @Test
  void sampleFarmDriftsAndTheAuditChangesNothing() throws Exception {
    farm.resetInspection();
    Path farmFile = write("farm.yaml", farmYaml(List.of("web01", "web02", "web03", "web04"),
        "  machineKey: {secretRef: {name: farm-key}, validation: SHA1, decryption: AES}\n"));
    Path secrets = write("secrets.yaml", documents(secretsFor(List.of("web01", "web02", "web03", "web04"), true)));

    AuditRun run = audit(Map.of(), "--secrets", secrets.toString(), farmFile.toString());

    assertThat(run.exit()).as(run.all()).isEqualTo(1);
    String want = fingerprint(FARM_VALIDATION_KEY, FARM_DECRYPTION_KEY, "SHA1", "AES");
    assertThat(run.out())
        .contains("Desired: Shop=2, Api=3; machineKey " + want + " (SHA1/AES), Secret farm-key from --secrets")
        .containsPattern("web01\\s+6\\.0\\s+site Shop\\s+1739249713\\s+2\\s+differs")
        .containsPattern("\\s+machineKey v2\\.0/32 machine\\.config\\s+AutoGenerate\\s+" + want + "\\s+differs")
        .containsPattern("web02\\s+7\\.5\\s+site Shop\\s+3\\s+2\\s+differs")
        .containsPattern("web03\\s+10\\.0\\s+site Shop\\s+2\\s+2\\s+ok")
        .containsPattern("machineKey v4\\.0/64 web\\.config\\s+[0-9a-f]{12}\\s+" + want + "\\s+differs")
        .contains("web03  not in sync", "MachineKeyDrift: v4.0/64 machine.config holds machineKey",
            "AppRootCase: site Shop", "Enforce mode would run (nothing was run):",
            "web02  MoveSite: move site Shop from ID 3 to temporary ID 4",
            "Drift: 0 of 4 hosts in sync (exit code 1).");
    assertNoSecret(run);
    assertReadOnly(farm.hosts());
  }

  @Test
  void aConvergedHostIsInSyncWithCredentialsAndKeyFromTheEnvironment() throws Exception {
    farm.resetInspection();
    SimulatedHost web03 = farm.host("web03");
    // web03's key in the sample farm file, in both machine.config files
    String validationKey = "1F7ECFA771720C20980E2E51C553ACC08D99758E97B1D74EFF5085E649DBB1B8A9E9829CC8C80496F31ADC5ADCCFB580EDD3AEFE04AE88B4A9CD7785EB6247C5";
    String decryptionKey = "57EEABA80C7BBA747FD6E7127FD69DA4451A38F8A521A3E921F19033AF2FEED4";
    assertThat(sampleKeys).contains(validationKey, decryptionKey);
    Path farmFile = write("farm.yaml", farmYaml(List.of("web03"),
        "  machineKey: {secretRef: {name: farm-key}, validation: HMACSHA256, decryption: AES}\n"));
    Path ca = Files.writeString(dir.resolve("ca.pem"), farm.caPem());
    Map<String, String> env = Map.of(AuditSecrets.USERNAME, web03.username(), AuditSecrets.PASSWORD, web03.password(),
        AuditSecrets.CA_FILE, ca.toString(), AuditSecrets.VALIDATION_KEY, validationKey.toLowerCase(Locale.ROOT),
        AuditSecrets.DECRYPTION_KEY, decryptionKey);

    AuditRun run = audit(env, "--output", "json", farmFile.toString());

    assertThat(run.exit()).as(run.all()).isZero();
    JsonNode doc = JSON.readTree(run.out());
    String want = fingerprint(validationKey, decryptionKey, "HMACSHA256", "AES");
    assertThat(doc.path("result").asText()).isEqualTo("InSync");
    assertThat(doc.path("exitCode").asInt()).isZero();
    assertThat(doc.path("hostsInSync").asInt()).isEqualTo(1);
    assertThat(doc.path("desired").path("machineKey").path("fingerprint").asText()).isEqualTo(want);
    assertThat(doc.path("desired").path("machineKey").path("source").asText())
        .contains("IISFARM_VALIDATION_KEY, IISFARM_DECRYPTION_KEY");
    JsonNode host = doc.path("hosts").get(0);
    assertThat(host.path("name").asText()).isEqualTo("web03");
    assertThat(host.path("iisVersion").asText()).isEqualTo("10.0");
    assertThat(host.path("inSync").asBoolean()).isTrue();
    for (JsonNode site : host.path("sites")) {
      assertThat(site.path("actualId").asLong()).as(site.toString()).isEqualTo(site.path("desiredId").asLong());
    }
    List<String> machineConfigPrints = new ArrayList<>();
    host.path("machineKeys").forEach(k -> {
      if (k.path("file").asText().equals("machine.config")) {
        machineConfigPrints.add(k.path("runtime").asText() + "/" + k.path("bitness").asInt() + " "
            + k.path("fingerprint").asText() + " " + k.path("inSync").asBoolean());
      }
    });
    assertThat(machineConfigPrints).containsExactly("v4.0/32 " + want + " true", "v4.0/64 " + want + " true");
    assertThat(doc.has("plannedSteps")).isFalse();
    assertNoSecret(run, web03.password(), validationKey, decryptionKey);
    assertReadOnly(List.of(web03));
  }

  @Test
  void anUnreadableHostGivesExitCodeThreeEvenWithDrift() throws Exception {
    farm.resetInspection();
    farm.host("web02").faults().refuseConnections(true);
    List<String> hosts = List.of("web01", "web02", "web03", "web04");
    Path farmFile = write("farm.yaml", farmYaml(hosts,
        "  machineKey: {secretRef: {name: farm-key}, validation: SHA1, decryption: AES}\n"));
    Path secrets = write("secrets.yaml", Serialization.asYaml(new KubernetesListBuilder()
        .addAllToItems(new ArrayList<>(secretsFor(hosts, false))).build()));

    AuditRun run = audit(Map.of(), "-o", "json", "--secrets", secrets.toString(), farmFile.toString());

    assertThat(run.exit()).as(run.all()).isEqualTo(3);
    JsonNode doc = JSON.readTree(run.out());
    assertThat(doc.path("result").asText()).isEqualTo("HostsUnreadable");
    assertThat(doc.path("exitCode").asInt()).isEqualTo(3);
    Map<String, JsonNode> byName = new java.util.HashMap<>();
    doc.path("hosts").forEach(h -> byName.put(h.path("name").asText(), h));
    assertThat(byName.get("web02").path("reachable").asBoolean()).isFalse();
    assertThat(byName.get("web02").path("findings").get(0).asText()).startsWith("HostUnreachable: ");
    assertThat(byName.get("web01").path("reachable").asBoolean()).isTrue();
    assertThat(byName.get("web01").path("inSync").asBoolean()).isFalse();
    assertThat(byName.get("web04").path("sites").get(0).path("actualId").asLong()).isEqualTo(5);
    assertThat(farm.host("web02").journal().size()).isZero();
    assertNoSecret(run);
    assertReadOnly(List.of(farm.host("web01"), farm.host("web03"), farm.host("web04")));
  }

  @Test
  void withoutTheKeyAdoptFromComparesWithTheNamedHost() throws Exception {
    List<String> hosts = List.of("web03", "web04");
    Path farmFile = write("farm.yaml", farmYaml(hosts, "  machineKey: {secretRef: {name: farm-key}, adoptFrom: web03,"
        + " validation: HMACSHA256, decryption: AES, runtimes: [v4.0]}\n"));
    List<Secret> withoutKey = secretsFor(hosts, false).stream()
        .filter(s -> !s.getMetadata().getName().equals("farm-key")).toList();
    Path secrets = write("secrets.yaml", documents(withoutKey));

    AuditRun run = audit(Map.of(), "--secrets", secrets.toString(), farmFile.toString());

    assertThat(run.exit()).as(run.all()).isEqualTo(1);
    assertThat(run.out()).contains("adopted from web03 (v4.0/64 machine.config)", "web03  in sync",
        "web04  not in sync", "Drift: 1 of 2 hosts in sync (exit code 1).");
    assertNoSecret(run);
  }

  @Test
  void auditsWhatSimulateWrites() throws Exception {
    StringWriter served = new StringWriter();
    CommandLine simulate = DemoMain.commandLine();
    simulate.setOut(new PrintWriter(served, true));
    Path farmFile = dir.resolve("sim-farm.yaml");
    Path secrets = dir.resolve("sim-secrets.yaml");
    AtomicInteger simulateExit = new AtomicInteger(-1);
    Thread serving = new Thread(() -> simulateExit.set(simulate.execute("simulate", "--farm-out", farmFile.toString(),
        "--secrets-out", secrets.toString())));
    serving.start();
    AuditRun run;
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> served.toString().contains("Serving"));
      assertThat(served.toString()).contains("audit --secrets " + secrets + " " + farmFile);
      assertThat(Files.getPosixFilePermissions(secrets).stream().map(Object::toString).sorted().toList())
          .containsExactly("OWNER_READ", "OWNER_WRITE");

      run = audit(Map.of(), "--secrets", secrets.toString(), farmFile.toString());
    } finally {
      serving.interrupt();
      serving.join(30_000);
    }
    assertThat(simulateExit.get()).isZero();
    assertThat(run.exit()).as(run.all()).isEqualTo(1);
    assertThat(run.out()).contains("Audit of IisFarm default/sample: 4 hosts",
        "Desired: Shop=2, Api=3; machineKey", "Secret sample-machinekey from --secrets",
        "Drift: 0 of 4 hosts in sync (exit code 1).");
    Map<String, Map<String, String>> written = AuditSecrets.readFile(secrets, "default");
    List<String> passwords = written.values().stream().map(data -> data.get("password")).filter(Objects::nonNull)
        .toList();
    assertThat(passwords).hasSize(4).allMatch(p -> p.matches("sim-only-not-a-secret-0\\d"));
    List<String> keys = written.values().stream().flatMap(data -> Stream.of(data.get("validationKey"),
        data.get("decryptionKey"))).filter(Objects::nonNull).toList();
    assertThat(keys).hasSize(2).allMatch(k -> k.matches("[0-9A-F]+"));
    List<String> secretValues = new ArrayList<>(passwords);
    secretValues.addAll(keys);
    assertNoSecret(run, secretValues.toArray(String[]::new));
  }

  /** An IisFarm over the named sample hosts, each with its own credentials Secret, and the farm CA. */
  private static String farmYaml(List<String> hosts, String specLines) {
    String hostLines = hosts.stream().map(name -> "    - {name: " + name + ", address: \"127.0.0.1:"
        + farm.host(name).port() + "\", credentialsSecretRef: {name: " + name + "-winrm}}\n").collect(Collectors.joining());
    return """
        apiVersion: iisfarm.io/v1alpha1
        kind: IisFarm
        metadata: {name: shop, namespace: web}
        spec:
          mode: Enforce
          winrm:
            auth: basic
            credentialsSecretRef: {name: %s-winrm}
            caSecretRef: {name: farm-ca}
            allowLegacyTls: true
          hosts:
        %s  sites:
            - {name: Shop, id: 2}
            - {name: Api, id: 3}
        %s""".formatted(hosts.get(0), hostLines, specLines);
  }

  /** Credentials per host (base64 data or stringData), the CA, and the farm key. */
  private static List<Secret> secretsFor(List<String> hosts, boolean base64Credentials) {
    List<Secret> secrets = new ArrayList<>();
    for (String name : hosts) {
      SimulatedHost host = farm.host(name);
      SecretBuilder secret = new SecretBuilder().withNewMetadata().withName(name + "-winrm").withNamespace("web")
          .endMetadata();
      if (base64Credentials) {
        secret.addToData("username", base64(host.username())).addToData("password", base64(host.password()));
      } else {
        secret.addToStringData("username", host.username()).addToStringData("password", host.password());
      }
      secrets.add(secret.build());
    }
    secrets.add(new SecretBuilder().withNewMetadata().withName("farm-ca").endMetadata()
        .addToStringData("ca.crt", farm.caPem()).build());
    secrets.add(new SecretBuilder().withNewMetadata().withName("farm-key").withNamespace("web").endMetadata()
        .addToData("validationKey", base64(FARM_VALIDATION_KEY))
        .addToStringData("decryptionKey", FARM_DECRYPTION_KEY).build());
    return secrets;
  }

  private static String documents(List<Secret> secrets) {
    return secrets.stream().map(Serialization::asYaml).collect(Collectors.joining("\n---\n"));
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  private static String fingerprint(String validationKey, String decryptionKey, String validation, String decryption) {
    return new MachineKeySetting(KeyAttribute.of(KeyMaterial.ofHex(validationKey)),
        KeyAttribute.of(KeyMaterial.ofHex(decryptionKey)), validation, decryption, null).fingerprint();
  }

  /**
   * No password of any host, no key of the farm or of any sample host (nor a 16-character piece of one) in the
   * run's output or in the log.
   */
  private void assertNoSecret(AuditRun run, String... more) {
    String logged = log.list.stream().map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
        : ThrowableProxyUtil.asString(e.getThrowableProxy()))).collect(Collectors.joining("\n"));
    assertThat(log.list).as("the log is captured (the WinRM client logs each shell at DEBUG)").isNotEmpty();
    List<String> secrets = new ArrayList<>(List.of(FARM_VALIDATION_KEY, FARM_DECRYPTION_KEY));
    secrets.addAll(sampleKeys);
    secrets.addAll(List.of(more));
    farm.hosts().forEach(h -> secrets.add(h.password()));
    SecretScan.assertClean("output and log", run.all() + "\n" + logged, secrets);
  }

  /** The hosts were read, and no command the audit sent changed any of them. */
  private static void assertReadOnly(List<SimulatedHost> hosts) {
    for (SimulatedHost host : hosts) {
      assertThat(host.journal().size()).as(host.name() + " was read").isPositive();
      assertThat(host.journal().changes()).as(host.name() + " changing commands").isEmpty();
    }
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
