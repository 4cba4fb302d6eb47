package io.iisfarm.operator.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConfigFileWriterTest {
  private static final Pattern ECHO = Pattern.compile("^echo (.*?)(>>?)\"([^\"]+)\"$");

  /** Replays the echo commands as cmd appends them (text up to the redirection, kept verbatim). */
  private static String replay(List<String> commands, String temp) {
    StringBuilder file = new StringBuilder();
    for (String command : commands) {
      for (String part : command.split(" & ")) {
        Matcher m = ECHO.matcher(part);
        assertThat(m.matches()).as(part).isTrue();
        assertThat(m.group(3)).isEqualTo(temp);
        if (m.group(2).equals(">")) {
          file.setLength(0);
        }
        file.append(m.group(1)).append("\r\n");
      }
    }
    return file.toString();
  }

  @Test
  void echoedLinesRebuildTheExactBytesInCertutilForm() {
    byte[] content = ConfigFixtures.withBom(ConfigFixtures.crlf(ConfigFixtures.V4_MACHINE_CONFIG).clone());
    String temp = "%TEMP%\\iisfarm-write-0a1b2c3d.b64";
    List<String> commands = ConfigFileWriter.writeCommands(content, temp);
    String file = replay(commands, temp);
    assertThat(file).startsWith("-----BEGIN CERTIFICATE-----\r\n").endsWith("-----END CERTIFICATE-----\r\n");
    assertThat(CertutilBase64.decode(file)).isEqualTo(content);
  }

  @Test
  void largeFilesSpanSeveralCommandsEachUnderTheLimitAndNoDigitTouchesARedirection() {
    byte[] content = new byte[60_000];
    new Random(7).nextBytes(content);
    String temp = "%TEMP%\\iisfarm-write-0a1b2c3d.b64";
    List<String> commands = ConfigFileWriter.writeCommands(content, temp);
    assertThat(commands.size()).isGreaterThan(5);
    assertThat(commands).allMatch(Cmd::fits);
    assertThat(String.join(" & ", commands)).doesNotContainPattern("\\d>>");
    assertThat(CertutilBase64.decode(replay(commands, temp))).isEqualTo(content);
  }

  @Test
  void contentWhoseBase64EndsInADigitStillRoundTrips() {
    for (int seed = 0; seed < 200; seed++) {
      byte[] content = ("key-" + seed + "-" + "x".repeat(seed % 7)).getBytes(StandardCharsets.US_ASCII);
      String temp = "%TEMP%\\t.b64";
      assertThat(CertutilBase64.decode(replay(ConfigFileWriter.writeCommands(content, temp), temp))).isEqualTo(content);
    }
  }

  @Test
  void interiorLinesNeverEndInADigit() {
    byte[] content = new byte[5000];
    new Random(11).nextBytes(content);
    List<String> lines = CertutilBase64.lines(content, 64);
    assertThat(lines.subList(0, lines.size() - 1)).allMatch(l -> !Character.isDigit(l.charAt(l.length() - 1)))
        .allMatch(l -> l.length() <= 64);
  }
}
