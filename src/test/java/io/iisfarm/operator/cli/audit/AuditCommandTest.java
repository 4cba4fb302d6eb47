package io.iisfarm.operator.cli.audit;

import static io.iisfarm.operator.cli.audit.AuditRun.audit;
import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What {@code audit} refuses before it contacts any host: each case is exit code 2 with a message that says what
 * to do. The hosts are TEST-NET addresses that nothing answers; none of these runs gets as far as reading them.
 */
class AuditCommandTest {
  private static final String PASSWORD = "Pw-audit-unit-4f1c9e";
  private static final String VALIDATION_KEY = "0123456789ABCDEF".repeat(8);
  private static final String SHORT_DECRYPTION_KEY = "FEDCBA9876543210FEDC";

  @TempDir
  Path dir;

  @AfterAll
  static void restoreLogLevels() {
    AuditRun.restoreLogLevels();
  }

  @Test
  void helpExplainsSecretsOutputAndExitCodes() {
    AuditRun run = audit(Map.of(), "--help");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("audit", "FILE", "--secrets=FILE", "--output=FORMAT", "json",
        "IISFARM_WINRM_USERNAME", "IISFARM_WINRM_PASSWORD", "IISFARM_WINRM_CA_FILE", "IISFARM_VALIDATION_KEY",
        "IISFARM_DECRYPTION_KEY", "never come from the command line", "Exit codes", "wins over 1",
        "simulate \\", "--farm-out farm.yaml --secrets-out secrets.yaml");
  }

  @Test
  void operatorJarUsageListsAuditBesideRunAndNotTheDemosCommands() {
    StringWriter out = new StringWriter();
    CommandLine jar = Main.commandLine(Map.of());
    jar.setOut(new PrintWriter(out, true));

    int exit = jar.execute("--help");

    assertThat(exit).isZero();
    assertThat(out.toString()).containsPattern("\\n\\s+run\\s").containsPattern("\\n\\s+audit\\s")
        .doesNotContainPattern("\\n\\s+simulate\\s").doesNotContainPattern("\\n\\s+demo\\s");
  }

  @Test
  void withoutFileItIsAUsageError() {
    AuditRun run = audit(Map.of());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("audit: FILE is missing: name the IisFarm to check (or use --check DIR)");
  }

  @Test
  void aMissingFileIsAUsageError() {
    AuditRun run = audit(Map.of(), dir.resolve("nowhere.yaml").toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("nowhere.yaml does not exist");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void malformedYamlIsAUsageErrorWithItsLine() throws Exception {
    Path farm = write("farm.yaml", "apiVersion: iisfarm.io/v1alpha1\nkind: IisFarm\nmetadata: {name: x\n");

    AuditRun run = audit(Map.of(), farm.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("is not valid YAML (line");
  }

  @Test
  void anotherKindOrAnUnknownFieldIsAUsageError() throws Exception {
    Path configMap = write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
    Path typo = write("typo.yaml", farm("", "").replace("  sites:", "  sties:"));

    AuditRun wrongKind = audit(Map.of(), configMap.toString());
    AuditRun unknownField = audit(Map.of(), typo.toString());

    assertThat(wrongKind.exit()).isEqualTo(2);
    assertThat(wrongKind.err()).contains("kind 'ConfigMap'", "not an IisFarm");
    assertThat(unknownField.exit()).isEqualTo(2);
    assertThat(unknownField.err()).contains("not a valid IisFarm", "\"sties\"");
  }

  @Test
  void anInvalidSpecIsAUsageErrorNamingEachField() throws Exception {
    Path farm = write("farm.yaml", farm("", "").replace("{name: Api, id: 3}", "{name: Api, id: 2}")
        .replace("address: 192.0.2.11", "address: 192.0.2.10"));

    AuditRun run = audit(credentials(), farm.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("invalid spec", "spec.sites[1].id", "spec.hosts[1].address");
  }

  @Test
  void missingCredentialsSayWhichVariablesOrFileToGive() throws Exception {
    Path farm = write("farm.yaml", farm("", ""));

    AuditRun none = audit(Map.of(), farm.toString());
    AuditRun half = audit(Map.of(AuditSecrets.USERNAME, "farmadmin"), farm.toString());

    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("Secret shop-winrm (spec.winrm.credentialsSecretRef) is not given",
        "Set IISFARM_WINRM_USERNAME and IISFARM_WINRM_PASSWORD, or pass --secrets FILE");
    assertThat(half.exit()).isEqualTo(2);
    assertThat(half.err()).contains("(IISFARM_WINRM_PASSWORD is not set)");
  }

  @Test
  void aMissingCaOrKeyIsAUsageError() throws Exception {
    Path farm = write("farm.yaml", farm("    caSecretRef: {name: shop-ca}\n",
        "  machineKey: {secretRef: {name: shop-key}, generate: true}\n"));

    AuditRun run = audit(credentials(), farm.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("Secret shop-ca (spec.winrm.caSecretRef)", "IISFARM_WINRM_CA_FILE",
        "Secret shop-key (spec.machineKey.secretRef)", "IISFARM_VALIDATION_KEY and IISFARM_DECRYPTION_KEY",
        "an audit creates nothing");
  }

  @Test
  void aKeyOfTheWrongLengthIsRefusedWithoutShowingIt() throws Exception {
    Path farm = write("farm.yaml", farm("", "  machineKey: {secretRef: {name: shop-key}}\n"));
    Map<String, String> env = Map.of(AuditSecrets.USERNAME, "farmadmin", AuditSecrets.PASSWORD, PASSWORD,
        AuditSecrets.VALIDATION_KEY, VALIDATION_KEY, AuditSecrets.DECRYPTION_KEY, SHORT_DECRYPTION_KEY);

    AuditRun run = audit(env, farm.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("Secret default/shop-key", "decryptionKey has 20 hex characters",
        "shop-key from the environment (IISFARM_VALIDATION_KEY, IISFARM_DECRYPTION_KEY)");
    assertThat(run.all()).doesNotContain(SHORT_DECRYPTION_KEY, VALIDATION_KEY.substring(0, 16), PASSWORD);
  }

  @Test
  void secretsFileErrorsNeverQuoteTheFile() throws Exception {
    Path farm = write("farm.yaml", farm("", ""));
    Path unterminated = write("broken.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: shop-winrm}\n"
        + "stringData: {username: farmadmin, password: \"" + PASSWORD + "\n");
    Path notBase64 = write("b64.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: shop-winrm}\n"
        + "data: {username: ZmFybWFkbWlu, password: \"" + PASSWORD + "!\"}\n");

    AuditRun broken = audit(Map.of(), "--secrets", unterminated.toString(), farm.toString());
    AuditRun undecodable = audit(Map.of(), "--secrets", notBase64.toString(), farm.toString());

    assertThat(broken.exit()).isEqualTo(2);
    assertThat(broken.err()).contains("broken.yaml is not valid YAML");
    assertThat(undecodable.exit()).isEqualTo(2);
    assertThat(undecodable.err()).contains("data.password is not base64");
    assertThat(broken.all() + undecodable.all()).doesNotContain(PASSWORD);
  }

  @Test
  void secretsFileTakesDocumentsListsBase64AndStringData() throws Exception {
    String b64 = Base64.getEncoder().encodeToString(PASSWORD.getBytes());
    Path documents = write("docs.yaml", """
        apiVersion: v1
        kind: Secret
        metadata: {name: shop-winrm, namespace: web}
        data: {username: ZmFybWFkbWlu, password: %s}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: unrelated}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: shop-winrm-elsewhere, namespace: other}
        stringData: {username: x, password: y}
        """.formatted(b64));
    Path list = write("list.yaml", """
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: Secret
            metadata: {name: shop-key}
            stringData: {validationKey: %s, decryptionKey: ABCD}
        """.formatted(VALIDATION_KEY));

    Map<String, Map<String, String>> fromDocuments = AuditSecrets.readFile(documents, "web");
    Map<String, Map<String, String>> fromList = AuditSecrets.readFile(list, "web");

    assertThat(fromDocuments).containsOnlyKeys("shop-winrm");
    assertThat(fromDocuments.get("shop-winrm")).containsEntry("username", "farmadmin").containsEntry("password",
        PASSWORD);
    assertThat(fromList.get("shop-key")).containsEntry("validationKey", VALIDATION_KEY);
  }

  private Map<String, String> credentials() {
    return Map.of(AuditSecrets.USERNAME, "farmadmin", AuditSecrets.PASSWORD, PASSWORD);
  }

  /** A two-host farm on TEST-NET addresses, with extra winrm lines and extra spec lines. */
  private static String farm(String winrmLines, String specLines) {
    return """
        apiVersion: iisfarm.io/v1alpha1
        kind: IisFarm
        metadata: {name: shop}
        spec:
          winrm:
            auth: basic
            credentialsSecretRef: {name: shop-winrm}
        %s  hosts:
            - {name: web01, address: 192.0.2.10}
            - {name: web02, address: 192.0.2.11}
          sites:
            - {name: Shop, id: 2}
            - {name: Api, id: 3}
        %s""".formatted(winrmLines, specLines);
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }
}
