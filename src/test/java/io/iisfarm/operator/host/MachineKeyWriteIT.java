package io.iisfarm.operator.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.iisfarm.operator.api.ClrRuntime;
import io.iisfarm.operator.model.Bitness;
import io.iisfarm.operator.model.ConfigKind;
import io.iisfarm.operator.model.ConfigLocation;
import io.iisfarm.operator.model.KeyAttribute;
import io.iisfarm.operator.model.KeyMaterial;
import io.iisfarm.operator.model.MachineKeySetting;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.simulator.windows.WindowsHost;
import io.iisfarm.operator.simulator.wsman.JournalEntry;
import io.iisfarm.operator.winrm.WinRmSession;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * machineKey writes through the drivers against a fresh sample farm per test, checked on the bytes the
 * simulated host holds: only the machineKey element changes, a backup lies beside the file, and a write
 * that fails or reads back wrong leaves the file exactly as it was.
 */
class MachineKeyWriteIT {
  @RegisterExtension
  static final SecretScan SECRETS = new SecretScan();
  static final String VALIDATION_KEY = "A23FEBCA9D641D305F0ABCC7A8DB4613910AF7CA03EAD7EF9F8D673DFB231761"
      + "B8C1C667834B1BD4DDA148EFED35D56709855F0A14A28324C05A48A05BE9C603";
  static final String DECRYPTION_KEY = "FA88A2A98DBC7F70DF7B0DD6B9DAFB230FE406FDFB842A73FE52A30985CC3720";
  private static final BackupId STEP = BackupId.at(Instant.parse("2026-03-01T10:15:30Z"));
  private static final Pattern MACHINE_KEY = Pattern.compile("<machineKey\\b[^>]*>");
  private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/]{60,}");
  private FarmHosts farm;

  @BeforeEach
  void start() {
    farm = FarmHosts.start(SECRETS);
    SECRETS.key(VALIDATION_KEY);
    SECRETS.key(DECRYPTION_KEY);
  }

  @AfterEach
  void stop() {
    farm.close();
  }

  /** SHA1 validation: the one algorithm every runtime knows (HMACSHA256 is v4.0 only). */
  static MachineKeySetting farmKey() {
    return new MachineKeySetting(KeyAttribute.of(KeyMaterial.ofHex(VALIDATION_KEY)),
        KeyAttribute.of(KeyMaterial.ofHex(DECRYPTION_KEY)), "SHA1", "AES", null);
  }

  @ParameterizedTest(name = "{0} {1}/{2} {3}")
  @CsvSource({
      "web01, V2_0, B32, MACHINE_CONFIG",   // replaces AutoGenerate
      "web01, V2_0, B32, ROOT_WEB_CONFIG",  // inserts into a file with a BOM and no machineKey
      "web04, V4_0, B32, MACHINE_CONFIG",
      "web04, V4_0, B64, ROOT_WEB_CONFIG"}) // replaces the override, BOM kept
  void writeChangesOnlyTheMachineKeyAndLeavesABackupBeside(String host, ClrRuntime runtime, Bitness bitness,
      ConfigKind kind) {
    ConfigLocation location = new ConfigLocation(runtime, bitness, kind);
    WindowsHost windows = farm.windows(host);
    String path = path(windows, location);
    byte[] before = windows.readFile(path).orElseThrow();

    ConfigWrite write;
    HostDriver driver;
    try (WinRmSession session = farm.open(host)) {
      driver = FarmHosts.driver(session);
      write = driver.writeMachineKey(location, farmKey(), STEP);
    }

    byte[] after = windows.readFile(path).orElseThrow();
    String element = machineKeyIn(after);
    assertThat(attribute(element, "validationKey")).isEqualTo(VALIDATION_KEY);
    assertThat(attribute(element, "decryptionKey")).isEqualTo(DECRYPTION_KEY);
    assertThat(attribute(element, "validation")).isEqualTo("SHA1");
    assertThat(attribute(element, "decryption")).isEqualTo("AES");
    assertOnlyMachineKeyChanged(before, after);

    String backup = STEP.fileBackupPath(path);
    assertThat(write.changed()).isTrue();
    assertThat(write.backupPath()).isEqualTo(STEP.fileBackupPath(HostReadCommand.path(location)));
    assertThat(windows.readFile(backup)).as("backup beside the file").hasValueSatisfying(b -> assertThat(b).isEqualTo(before));
    assertThat(write.fingerprintAfter()).isEqualTo(farmKey().fingerprint());
    assertThat(farm.read(host, ReadOptions.DEFAULT).configFile(location).orElseThrow().machineKey().fingerprint())
        .as("the operator's own read sees the key").isEqualTo(farmKey().fingerprint());

    assertThat(farm.host(host).journal().changes()).extracting(JournalEntry::commandLine).satisfiesExactly(
        line -> assertThat(line).startsWith("(if not exist \"" + HostReadCommand.path(location) + "." + STEP.name()
            + ".bak\" copy /Y "),
        line -> assertThat(line).startsWith("certutil -f -decode ").contains("\"" + HostReadCommand.path(location) + "\""));
    assertNoTempFileLeft(windows);
    assertThat(driver.journal()).as("file content is never shown in the journal")
        .noneMatch(r -> BASE64_RUN.matcher(r.action()).find());
    SECRETS.shown(driver.journal().toString());
    SECRETS.shown(write.toString());
    SECRETS.shown(driver.observation().toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"web01, V2_0, B32", "web04, V4_0, B64"})
  void aFailedDecodeRestoresTheFile(String host, ClrRuntime runtime, Bitness bitness) {
    ConfigLocation location = new ConfigLocation(runtime, bitness, ConfigKind.MACHINE_CONFIG);
    SimulatedHost simulated = farm.host(host);
    String path = path(simulated.windows(), location);
    byte[] before = simulated.windows().readFile(path).orElseThrow();
    // certutil reports its errors on stdout with the HRESULT as exit code; the fault puts them on stderr
    simulated.faults().failCommands("^certutil -f -decode ", -2147024891,
        "CertUtil: -decode command FAILED: 0x80070005 (WIN32: 5)\r\nCertUtil: Access is denied.\r\n");

    Throwable thrown;
    try (WinRmSession session = farm.open(host)) {
      HostDriver driver = FarmHosts.driver(session);
      thrown = SECRETS.thrownBy(() -> driver.writeMachineKey(location, farmKey(), STEP));
    }

    assertThat(thrown).isInstanceOfSatisfying(VerificationFailedException.class, e -> {
      assertThat(e.restored()).isTrue();
      assertThat(e.getMessage()).contains("certutil -decode failed with exit code -2147024891")
          .contains(location.label()).contains("restored");
    });
    assertThat(simulated.windows().readFile(path)).hasValueSatisfying(b -> assertThat(b).isEqualTo(before));
    assertThat(simulated.windows().readFile(STEP.fileBackupPath(path))).isPresent();
    assertNoTempFileLeft(simulated.windows());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"web01, V2_0, B32, MD5", "web04, V4_0, B64, HMACSHA512"})
  void aReadBackThatDiffersRestoresTheFileFromItsBackup(String host, ClrRuntime runtime, Bitness bitness,
      String otherValidation) throws Exception {
    ConfigLocation location = new ConfigLocation(runtime, bitness, ConfigKind.MACHINE_CONFIG);
    SimulatedHost simulated = farm.host(host);
    String path = path(simulated.windows(), location);
    byte[] before = simulated.windows().readFile(path).orElseThrow();
    // another hand edits the machineKey right after certutil wrote the file, before the read-back
    simulated.driftAfterCommand("^certutil -f -decode ", new YAMLMapper().readTree("{kind: machineKey, runtime: "
        + runtime.wireName() + ", bitness: " + bitness.bits() + ", validation: " + otherValidation + "}"));

    Throwable thrown;
    try (WinRmSession session = farm.open(host)) {
      HostDriver driver = FarmHosts.driver(session);
      thrown = SECRETS.thrownBy(() -> driver.writeMachineKey(location, farmKey(), STEP));
    }

    assertThat(simulated.driftsApplied()).as("the file was changed after the write").isEqualTo(1);
    assertThat(thrown).isInstanceOfSatisfying(VerificationFailedException.class, e -> {
      assertThat(e.restored()).isTrue();
      assertThat(e.getMessage()).contains("read back differs");
    });
    assertThat(simulated.windows().readFile(path)).as("byte-identical to the original")
        .hasValueSatisfying(b -> assertThat(b).isEqualTo(before));
    assertThat(simulated.journal().changes()).last().extracting(JournalEntry::commandLine)
        .isEqualTo("copy /Y \"" + STEP.fileBackupPath(HostReadCommand.path(location)) + "\" \""
            + HostReadCommand.path(location) + "\"");
    assertNoTempFileLeft(simulated.windows());
  }

  static String path(WindowsHost windows, ConfigLocation location) {
    return windows.configPath(location.runtime().wireName(), location.bitness().bits(),
        location.kind() == ConfigKind.ROOT_WEB_CONFIG);
  }

  /**
   * Every byte outside the machineKey tag is the same. A replaced tag: the bytes that differ lie inside the tag
   * in both files. An inserted tag: the file is the old one with one block put in, the tag plus whitespace
   * (line end and indentation).
   */
  static void assertOnlyMachineKeyChanged(byte[] before, byte[] after) {
    String old = latin1(before);
    String text = latin1(after);
    Matcher element = MACHINE_KEY.matcher(text);
    assertThat(element.find()).isTrue();
    Matcher oldElement = MACHINE_KEY.matcher(old);
    if (oldElement.find()) {
      int prefix = 0;
      while (prefix < before.length && prefix < after.length && before[prefix] == after[prefix]) {
        prefix++;
      }
      int suffix = 0;
      while (suffix < before.length - prefix && suffix < after.length - prefix
          && before[before.length - 1 - suffix] == after[after.length - 1 - suffix]) {
        suffix++;
      }
      assertThat(prefix).as("first changed byte").isGreaterThanOrEqualTo(oldElement.start())
          .isGreaterThanOrEqualTo(element.start());
      assertThat(before.length - suffix).as("end of the change, before").isLessThanOrEqualTo(oldElement.end());
      assertThat(after.length - suffix).as("end of the change, after").isLessThanOrEqualTo(element.end());
      return;
    }
    int inserted = after.length - before.length;
    boolean found = false;
    for (int at = Math.max(0, element.end() - inserted); at <= element.start() && !found; at++) {
      String block = text.substring(at, at + inserted);
      found = text.substring(0, at).equals(old.substring(0, at)) && text.substring(at + inserted).equals(old.substring(at))
          && block.replace(element.group(), "").isBlank();
    }
    assertThat(found).as("the old file plus the tag and whitespace").isTrue();
  }

  private static String machineKeyIn(byte[] file) {
    Matcher m = MACHINE_KEY.matcher(latin1(file));
    assertThat(m.find()).as("a machineKey element").isTrue();
    return m.group();
  }

  private static String attribute(String element, String name) {
    Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(element);
    return m.find() ? m.group(1) : null;
  }

  private static String latin1(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  static void assertNoTempFileLeft(WindowsHost windows) {
    assertThat(windows.listDirectory("%TEMP%")).as("temp files left").noneMatch(f -> f.startsWith("iisfarm-"));
  }
}
