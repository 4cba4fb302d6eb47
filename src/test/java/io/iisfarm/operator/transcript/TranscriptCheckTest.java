package io.iisfarm.operator.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit --check}: a transcript that shows a secret, or a key its header does not account for, is a problem. */
class TranscriptCheckTest {
  private static final String KEY = "57EEABA80C7BBA747FD6E7127FD69DA4451A38F8A521A3E921F19033AF2FEED4";

  @TempDir
  Path dir;

  private void write(String stdout) throws Exception {
    Transcript.Header header = new Transcript.Header("t", "-", new Transcript.Source("recorded", "t", List.of()),
        new Transcript.Host("web01", "https", "basic", 437), null, null, Transcript.Redactions.NONE);
    TranscriptFile.write(new Transcript(header, List.of(new Transcript.Command("read", 0,
        stdout.getBytes(StandardCharsets.US_ASCII), new byte[0], false))), dir.resolve("web01.transcript.yaml"));
  }

  @Test
  void aKeyTheHeaderDoesNotListAsReplacedIsAProblemEvenWithoutTheSecretsGiven() throws Exception {
    write("<machineKey decryptionKey=\"" + KEY + "\" validationKey=\"AutoGenerate,IsolateApps\" />\r\n");

    TranscriptCheck.Report report = TranscriptCheck.run(dir, List.of(), List.of());

    assertThat(report.problems()).isEqualTo(1);
    assertThat(String.join("\n", report.lines())).contains("holds 1 machineKey values but its header lists 0")
        .doesNotContain(KEY.substring(0, 16));
  }

  @Test
  void aSecretGivenIsFoundByAnyPieceOfItAndNeverQuoted() throws Exception {
    write("some text " + KEY.substring(10, 40).toLowerCase() + "\r\n");

    TranscriptCheck.Report report = TranscriptCheck.run(dir, List.of(KEY), List.of());

    assertThat(report.problems()).isEqualTo(1);
    assertThat(String.join("\n", report.lines())).contains("holds 1 of the secret values given")
        .doesNotContain(KEY.substring(10, 26));
  }

  @Test
  void aCleanTranscriptPassesAndItsNamesAreListed() throws Exception {
    write("==iisfarm:hostname== \r\nweb01\r\n");

    TranscriptCheck.Report report = TranscriptCheck.run(dir, List.of(KEY, "a-password"), List.of());

    assertThat(report.problems()).isZero();
    assertThat(report.lines()).anySatisfy(l -> assertThat(l).contains("names it shows: host web01"));
  }
}
