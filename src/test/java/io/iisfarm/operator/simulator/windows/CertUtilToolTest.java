package io.iisfarm.operator.simulator.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertUtilToolTest {
  private final WindowsHost host = TestHosts.iis10();
  private final String machineConfig = "%windir%\\Microsoft.NET\\Framework64\\v4.0.30319\\CONFIG\\machine.config";

  @Test
  void encodeWritesPemWrappedAt64ColumnsWithCrlfAndReportsLengths() {
    byte[] original = host.readFile(machineConfig).orElseThrow();
    CommandResult r = host.run("certutil -encode " + machineConfig + " %TEMP%\\m.b64");
    byte[] encoded = host.readFile("%TEMP%\\m.b64").orElseThrow();
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).isEqualTo("Input Length = " + original.length + "\r\nOutput Length = " + encoded.length
        + "\r\nCertUtil: -encode command completed successfully.\r\n");
    String text = new String(encoded, StandardCharsets.US_ASCII);
    assertThat(text).startsWith("-----BEGIN CERTIFICATE-----\r\n").endsWith("\r\n-----END CERTIFICATE-----\r\n");
    String[] lines = text.split("\r\n");
    for (int i = 1; i < lines.length - 2; i++) {
      assertThat(lines[i]).hasSize(64);
    }
    assertThat(lines[lines.length - 2].length()).isBetween(1, 64);
    String body = String.join("", java.util.Arrays.copyOfRange(lines, 1, lines.length - 1));
    assertThat(Base64.getDecoder().decode(body)).isEqualTo(original);
  }

  @Test
  void outputLengthMatchesAPublishedExample() {
    // a 1870-byte file encodes to 2630 bytes (public certutil transcript): 39 lines of 64 + header and footer
    host.run("echo x> %TEMP%\\seed.txt");
    byte[] data = new byte[1870];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) i;
    }
    assertThat(CertUtilTool.encode(data)).hasSize(2630);
  }

  @Test
  void roundTripKeepsEveryByteIncludingBomAndCrlf() {
    byte[] original = host.readFile(machineConfig).orElseThrow();
    assertThat(original).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    CommandResult r = host.run("certutil -encode " + machineConfig + " %TEMP%\\m.b64 >nul && certutil -decode %TEMP%\\m.b64 %TEMP%\\m.out");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).endsWith("CertUtil: -decode command completed successfully.\r\n");
    assertThat(host.readFile("%TEMP%\\m.out").orElseThrow()).isEqualTo(original);
  }

  @Test
  void readThroughTempIsOneLineAndLeavesTheHostUnchanged() {
    CommandResult r = host.run("certutil -encode " + machineConfig + " %TEMP%\\r.b64 >nul & type %TEMP%\\r.b64 & del %TEMP%\\r.b64");
    assertThat(r.changedHost()).isFalse();
    assertThat(r.stdout()).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(host.exists("%TEMP%\\r.b64")).isFalse();
  }

  @Test
  void decodeOfBase64ChunksWrittenWithEchoRebuildsTheFile() {
    byte[] content = "<?xml version=\"1.0\"?>\r\n<configuration>\r\n  <system.web />\r\n</configuration>\r\n"
        .getBytes(StandardCharsets.UTF_8);
    String b64 = Base64.getEncoder().encodeToString(content);
    List<String> parts = new ArrayList<>();
    parts.add("echo -----BEGIN CERTIFICATE-----> %TEMP%\\w.b64");
    for (int i = 0; i < b64.length(); i += 40) {
      parts.add("echo " + b64.substring(i, Math.min(b64.length(), i + 40)) + ">> %TEMP%\\w.b64");
    }
    parts.add("echo -----END CERTIFICATE----->> %TEMP%\\w.b64");
    parts.add("certutil -f -decode %TEMP%\\w.b64 C:\\inetpub\\Shop\\web.config");
    CommandResult r = host.run(String.join(" & ", parts));
    assertThat(r.exitCode()).isZero();
    assertThat(r.changedHost()).isTrue();
    assertThat(host.readFile("C:\\inetpub\\Shop\\web.config")).contains(content);
  }

  @Test
  void existingOutputWithoutForceFails() {
    host.run("echo a> %TEMP%\\in.txt & echo b> %TEMP%\\out.txt");
    CommandResult r = host.run("certutil -encode %TEMP%\\in.txt %TEMP%\\out.txt");
    assertThat(r.exitCode()).isEqualTo(0x80070050);
    assertThat(r.stdout()).isEqualTo("Input Length = 4\r\n"
        + "EncodeToFile returned The file exists. 0x80070050 (WIN32: 80 ERROR_FILE_EXISTS)\r\n"
        + "CertUtil: -encode command FAILED: 0x80070050 (WIN32: 80 ERROR_FILE_EXISTS)\r\n"
        + "CertUtil: The file exists.\r\n");
    assertThat(host.readFile("%TEMP%\\out.txt")).contains("b\r\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(host.run("certutil -f -encode %TEMP%\\in.txt %TEMP%\\out.txt").exitCode()).isZero();
  }

  @Test
  void missingInputFailsWithFileNotFound() {
    CommandResult r = host.run("certutil -decode %TEMP%\\none.b64 %TEMP%\\x.bin");
    assertThat(r.exitCode()).isEqualTo(0x80070002);
    assertThat(r.stdout()).contains("CertUtil: -decode command FAILED: 0x80070002 (WIN32: 2 ERROR_FILE_NOT_FOUND)\r\n"
        + "CertUtil: The system cannot find the file specified.\r\n");
    assertThat(r.stdout()).doesNotContain("Input Length");
    assertThat(host.exists("%TEMP%\\x.bin")).isFalse();
  }

  @Test
  void invalidBase64FailsWithInvalidData() {
    host.run("echo ***not base64***> %TEMP%\\junk.b64");
    CommandResult r = host.run("certutil -decode %TEMP%\\junk.b64 %TEMP%\\junk.bin");
    assertThat(r.exitCode()).isEqualTo(0x8007000d);
    assertThat(r.stdout()).contains("CertUtil: -decode command FAILED: 0x8007000d (WIN32: 13 ERROR_INVALID_DATA)\r\n"
        + "CertUtil: The data is invalid.\r\n");
  }

  @Test
  void olderCertutilLeavesTheErrorNameOut() {
    WindowsHost old = TestHosts.iis6();
    CommandResult r = old.run("certutil -encode %TEMP%\\none.txt %TEMP%\\x.b64");
    assertThat(r.stdout()).contains("CertUtil: -encode command FAILED: 0x80070002 (WIN32: 2)\r\n");
  }

  @Test
  void otherVerbsAreNotEmulated() {
    CommandResult r = host.run("certutil -hashfile " + machineConfig + " SHA256");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).startsWith("simulator: not emulated: certutil -hashfile");
  }
}
