package io.iisfarm.operator.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.testing.SecretScan;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What a recording keeps and what it replaces, on outputs shaped as the read prints them. */
class ScrubberTest {
  private static final String VALIDATION =
      "3597FEE04558615C52DF25CE124E87E486CCCB4BB5ECA0D2FF9D7586A1CFAA6560F97C1BCCA613088506808A095AAAF983E247AC80C75B75CFA93732B0D8C61C";
  private static final String DECRYPTION = "D4E9E9BBF573B55BBABF20AE492B510A70232AA581EA7770E69057AEE7B5E806";
  private static final String CIPHER = "Q2lwaGVyVmFsdWVPZkFuRW5jcnlwdGVkU2VjdGlvbg0KbW9yZSBjaXBoZXIgdGV4dA==";
  private static final String PASSWORD = "winrm-Pa55word!";
  private static final Pattern KEY = Pattern.compile("validationKey=\"([^\"]*)\" decryptionKey=\"([^\"]*)\"");

  private static String machineConfig(String validation, String decryption) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\r\n<configuration>\r\n  <system.web>\r\n"
        + "    <!-- was validationKey=\"" + validation + "\" -->\r\n"
        + "    <machineKey validationKey=\"" + validation + "\" decryptionKey=\"" + decryption
        + "\" validation=\"SHA1\" decryption=\"AES\" />\r\n"
        + "  </system.web>\r\n  <connectionStrings configProtectionProvider=\"RsaProtectedConfigurationProvider\">\r\n"
        + "    <EncryptedData><CipherData><CipherValue>" + CIPHER + "</CipherValue></CipherData></EncryptedData>\r\n"
        + "  </connectionStrings>\r\n  <appSettings><add key=\"db\" value=\"Server=sql1;User ID=app;Password=s3cr3t-db;\" />"
        + "</appSettings>\r\n</configuration>\r\n";
  }

  private static String certutil(String text) {
    String all = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    StringBuilder out = new StringBuilder("-----BEGIN CERTIFICATE-----\r\n");
    for (int i = 0; i < all.length(); i += 64) {
      out.append(all, i, Math.min(all.length(), i + 64)).append("\r\n");
    }
    return out.append("-----END CERTIFICATE-----\r\n").toString();
  }

  private static String read(String config) {
    return "==iisfarm:hostname== \r\nweb02\r\n==iisfarm:file== \r\n==iisfarm:@certutil:0==\r\n" + certutil(config)
        + "==iisfarm:end==\r\n";
  }

  private static String decodedFile(String output) {
    Matcher block = CertutilBlocks.BLOCK.matcher(output);
    assertThat(block.find()).as("the certutil block is still there").isTrue();
    return LeakScan.decodeFile(CertutilBlocks.decode(block));
  }

  @Test
  void keysCipherValuesAndPasswordsInsideCertutilBlocksAreReplacedBySameLengthStandIns() {
    Scrubber scrubber = new Scrubber(new StandIns(), null, List.of(PASSWORD));
    byte[] raw = read(machineConfig(VALIDATION, DECRYPTION)).getBytes(StandardCharsets.ISO_8859_1);

    Scrubber.Result result = scrubber.output(1, "the read", "stdout", raw, 437);
    String file = decodedFile(result.text());

    SecretScan.assertClean("the scrubbed output", result.text() + file, List.of(VALIDATION, DECRYPTION, CIPHER,
        "s3cr3t-db"));
    Matcher key = KEY.matcher(file);
    assertThat(key.find()).isTrue();
    assertThat(key.group(1)).hasSize(VALIDATION.length()).matches("[0-9A-F]+");
    assertThat(key.group(2)).hasSize(DECRYPTION.length()).matches("[0-9A-F]+");
    assertThat(file).contains("validation=\"SHA1\" decryption=\"AES\"", "Password=*********;")
        .containsPattern("<CipherValue>[A-Za-z0-9+/]{" + (CIPHER.length() - 2) + "}==</CipherValue>")
        .contains("<!-- was validationKey=\"" + key.group(1) + "\" -->");
    assertThat(file.length()).as("every other byte kept").isEqualTo(machineConfig(VALIDATION, DECRYPTION).length());
    assertThat(result.text()).startsWith("==iisfarm:hostname== \r\nweb02\r\n");
    assertThat(result.items()).extracting(Transcript.Redaction::what)
        .contains("machineKey validationKey", "machineKey decryptionKey", "CipherValue", "connection string password");
  }

  @Test
  void oneKeyGetsOneStandInWhateverItsLetterCaseSoEqualKeysStillCompareEqual() {
    Scrubber scrubber = new Scrubber(new StandIns(), null, List.of());
    String upper = decodedFile(scrubber.output(1, "r", "stdout",
        read(machineConfig(VALIDATION, DECRYPTION)).getBytes(StandardCharsets.ISO_8859_1), 437).text());
    String lower = decodedFile(scrubber.output(2, "r", "stdout", read(machineConfig(VALIDATION.toLowerCase(),
        DECRYPTION)).getBytes(StandardCharsets.ISO_8859_1), 437).text());
    String other = decodedFile(new Scrubber(new StandIns(), null, List.of()).output(1, "r", "stdout",
        read(machineConfig(VALIDATION, DECRYPTION)).getBytes(StandardCharsets.ISO_8859_1), 437).text());

    Matcher a = KEY.matcher(upper);
    Matcher b = KEY.matcher(lower);
    Matcher c = KEY.matcher(other);
    assertThat(a.find() && b.find() && c.find()).isTrue();
    assertThat(b.group(1)).isEqualTo(a.group(1).toLowerCase()).isNotEqualTo(VALIDATION.toLowerCase());
    assertThat(c.group(1)).as("stand-ins are random per recording").isNotEqualTo(a.group(1));
  }

  @Test
  void autoGenerateAndIsolateAppsStayAndOnlyTheExplicitPartIsReplaced() {
    Scrubber scrubber = new Scrubber(new StandIns(), null, List.of());
    String file = decodedFile(scrubber.output(1, "r", "stdout", read(machineConfig("AutoGenerate,IsolateApps",
        DECRYPTION + ",IsolateApps")).getBytes(StandardCharsets.ISO_8859_1), 437).text());

    assertThat(file).contains("validationKey=\"AutoGenerate,IsolateApps\"").containsPattern(
        "decryptionKey=\"[0-9A-F]{64},IsolateApps\"").doesNotContain(DECRYPTION);
  }

  @Test
  void theWinRmPasswordIsMaskedWhereverItAppearsAndACodePage437ByteSurvives() {
    Scrubber scrubber = new Scrubber(new StandIns(), null, List.of(PASSWORD));
    byte[] raw = ("Microsoft Windows [Versi\u00f3n 10.0.17763]\r\nlogon " + PASSWORD + " failed\r\n")
        .getBytes(CodePages.charset(437));

    Scrubber.Result result = scrubber.output(1, "r", "stderr", raw, 437);

    assertThat(result.text()).doesNotContain(PASSWORD).contains("logon " + "*".repeat(PASSWORD.length()));
    assertThat(result.bytes()).hasSize(raw.length);
    assertThat(result.bytes()[24]).as("the accented o stays byte A2").isEqualTo((byte) 0xA2);
    assertThat(scrubber.line(1, "net use x: /user:me " + PASSWORD).text()).doesNotContain(PASSWORD);
  }
}
