package io.iisfarm.operator.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The file form: every byte back as recorded, and an edited output refused with a message that says what to do. */
class TranscriptFileTest {
  private static Transcript transcript(byte[] stdout, int codePage) {
    Transcript.Header header = new Transcript.Header("iis-farm-operator test", "2026-01-01T00:00:00Z",
        new Transcript.Source("documented", "a test", List.of("here")), new Transcript.Host("web01", "https", "basic",
            codePage), null, null, Transcript.Redactions.NONE);
    return new Transcript(header, List.of(new Transcript.Command("ver", 0, stdout, new byte[] {'x'}, false),
        new Transcript.Command("appcmd set site /id:2", 0, new byte[0], new byte[0], true)));
  }

  @Test
  void everyByteComesBackIncludingBareLineEndsAndHighBytes() {
    byte[] stdout = "\r\nMicrosoft Windows [Versi\u00a2n]\r\nbare\nlf and cr\r\r\n\u00ff\u0000end".getBytes(
        java.nio.charset.StandardCharsets.ISO_8859_1);
    Transcript t = transcript(stdout, 437);

    Transcript back = TranscriptFile.parse(TranscriptFile.format(t), "t");

    assertThat(back.commands()).isEqualTo(t.commands());
    assertThat(back.header().source().references()).containsExactly("here");
    assertThat(TranscriptFile.format(t)).startsWith("# IIS Farm Operator transcript of host web01")
        .contains("format: \"iisfarm.io/transcript/v1\"", "changes: true");
  }

  @Test
  void bytesUtf8CannotCarryAreKeptAsBase64() {
    byte[] stdout = {(byte) 0xC3, (byte) 0x28, 'a'};
    Transcript t = transcript(stdout, 65001);

    String text = TranscriptFile.format(t);

    assertThat(text).contains("base64:");
    assertThat(TranscriptFile.parse(text, "t").commands().get(0).stdout()).isEqualTo(stdout);
  }

  @Test
  void anEditedOutputIsRefusedNamingTheCommand() {
    String text = TranscriptFile.format(transcript("\r\nMicrosoft Windows [Version 6.3.9600]\r\n".getBytes(), 437));

    assertThatThrownBy(() -> TranscriptFile.parse(text.replace("6.3.9600", "6.3.9601"), "web01.transcript.yaml"))
        .isInstanceOf(TranscriptException.class)
        .hasMessageStartingWith("web01.transcript.yaml: command 1 stdout: its text gives")
        .hasMessageContaining("record it again or restore it");
  }

  @Test
  void anotherFormatIsRefused() {
    String text = TranscriptFile.format(transcript(new byte[0], 437)).replace("transcript/v1", "transcript/v9");

    assertThatThrownBy(() -> TranscriptFile.parse(text, "x")).isInstanceOf(TranscriptException.class)
        .hasMessageContaining("is not iisfarm.io/transcript/v1");
  }
}
