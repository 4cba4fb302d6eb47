package io.iisfarm.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate --replay} refuses what it cannot serve, saying why, before any listener starts. */
class SimulateReplayTest {
  @TempDir
  Path dir;

  @Test
  void aFolderWithoutTranscriptsIsRefused() {
    CliRun run = CliRun.run("simulate", "--replay", dir.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("simulate: cannot replay: " + dir + " holds no transcript (*.transcript.yaml)");
  }

  @Test
  void anEditedTranscriptIsRefusedNamingItsFile() throws Exception {
    Path source = Path.of("src/test/resources/transcripts/documented-iis85-server2012r2.transcript.yaml");
    Files.writeString(dir.resolve("web85.transcript.yaml"),
        Files.readString(source).replace("[Version 6.3.9600]", "[Version 6.3.9601]"));

    CliRun run = CliRun.run("simulate", "--replay", dir.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("web85.transcript.yaml: command 1 stdout: its text gives", "record it again");
  }

  @Test
  void replayAndFarmExcludeEachOther() {
    CliRun run = CliRun.run("simulate", "--replay", dir.toString(), "--farm", "farm.yaml");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--replay and --farm exclude each other");
  }
}
