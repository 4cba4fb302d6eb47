package io.iisfarm.operator.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which recorded command answers which command line, and what an unrecorded one is told. */
class TranscriptAnswersTest {
  private static Transcript.Command command(String line, String stdout, boolean changes) {
    return new Transcript.Command(line, 0, stdout.getBytes(StandardCharsets.US_ASCII), new byte[0], changes);
  }

  private static TranscriptAnswers answers(Transcript.Command... commands) {
    Transcript.Header header = new Transcript.Header("t", "-", new Transcript.Source("documented", "t", List.of()),
        new Transcript.Host("web01", "https", "basic", 437), null, null, null);
    return new TranscriptAnswers(new Transcript(header, List.of(commands)));
  }

  @Test
  void aReadMatchesWhateverTempFileTokenThisRunDrew() {
    TranscriptAnswers answers = answers(command("type \"%TEMP%\\iisfarm-read-0a1b2c3d.b64\"", "read", false));

    assertThat(answers.answer("type \"%TEMP%\\iisfarm-read-ffee0011.b64\"")).get()
        .extracting(c -> new String(c.stdout(), StandardCharsets.US_ASCII)).isEqualTo("read");
    assertThat(answers.answer("type \"%TEMP%\\iisfarm-site-ffee0011.b64\"")).isEmpty();
  }

  @Test
  void readsAnswerInAnyOrderAndChangingCommandsOnlyInTheirRecordedOrder() {
    TranscriptAnswers answers = answers(command("read", "before", false), command("move", "moved", true),
        command("read", "after", false));

    assertThat(answers.answer("read")).get().extracting(c -> new String(c.stdout())).isEqualTo("before");
    assertThat(answers.answer("read")).as("asked again: the last answer of this point")
        .get().extracting(c -> new String(c.stdout())).isEqualTo("before");
    assertThat(answers.answer("move")).get().extracting(c -> new String(c.stdout())).isEqualTo("moved");
    assertThat(answers.answer("read")).get().extracting(c -> new String(c.stdout())).isEqualTo("after");
    assertThat(answers.answer("move")).as("a change happens once").isEmpty();
  }

  @Test
  void anUnrecordedCommandIsNamedWithoutAnyLongBase64OrHexRun() {
    TranscriptAnswers answers = answers(command("read", "x", false));
    String key = "3597FEE04558615C52DF25CE124E87E486CCCB4BB5ECA0D2";

    String message = answers.notRecorded("(echo " + key + ")>>\"%TEMP%\\iisfarm-write-0a1b2c3d.b64\"");

    assertThat(message).startsWith("replay: not recorded: host web01 was sent \"(echo <48 characters>)>>"
        + "\\\"%TEMP%\\iisfarm-write-XXXXXXXX.b64\\\"".replace("\\\"", "\"") + "\"")
        .contains("which its transcript does not hold", "the transcript holds 1 commands")
        .doesNotContain(key.substring(0, 16));
  }
}
