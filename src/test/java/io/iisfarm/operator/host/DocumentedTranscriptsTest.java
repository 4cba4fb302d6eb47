package io.iisfarm.operator.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.transcript.Transcript;
import io.iisfarm.operator.transcript.TranscriptFile;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The hand-made transcripts in src/test/resources/transcripts are what {@link DocumentedTranscripts} builds from
 * their cited pieces, and the read of each is that of the host the pieces describe.
 */
class DocumentedTranscriptsTest {
  private static final Path CORPUS = Path.of("src/test/resources/transcripts");

  @Test
  void eachCheckedInDocumentedTranscriptIsWhatItsCitedPiecesBuild() {
    for (DocumentedTranscripts.Recipe r : DocumentedTranscripts.RECIPES) {
      Transcript checkedIn = TranscriptFile.read(CORPUS.resolve(r.file() + TranscriptFile.SUFFIX));
      Transcript built = DocumentedTranscripts.build(r, checkedIn.header().recordedAt());

      assertThat(checkedIn.commands()).as(r.file()).isEqualTo(built.commands());
      assertThat(checkedIn.header().source().kind()).isEqualTo("documented");
      assertThat(checkedIn.header().source().references()).as(r.file()).isEqualTo(r.references());
    }
  }

  @Test
  void theReadOfEachDocumentedTranscriptFindsTheHostItDescribes() {
    var expected = java.util.Map.of(
        "documented-iis60-server2003", "Windows Server 2003 6.0",
        "documented-iis75-server2008r2", "Windows Server 2008 R2 7.5",
        "documented-iis85-server2012r2", "Windows Server 2012 R2 8.5",
        "documented-iis100-server2016", "Windows Server 2016 10.0",
        "documented-localized-es-server2019", "Windows Server 2019 10.0");
    for (DocumentedTranscripts.Recipe r : DocumentedTranscripts.RECIPES) {
      Transcript t = DocumentedTranscripts.build(r, "-");
      String stdout = new String(t.commands().get(0).stdout(), io.iisfarm.operator.transcript.CodePages.charset(437));
      var observation = HostReadCommand.parse(r.hostname(), stdout, false, Instant.EPOCH);

      assertThat(observation.osName() + " " + observation.iisVersion()).as(r.file()).isEqualTo(expected.get(r.file()));
      assertThat(observation.hostname()).isEqualTo(r.hostname());
      assertThat(observation.sites()).as(r.file()).isNotEmpty();
    }
  }
}
