package io.iisfarm.operator.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The usage rules of {@code audit --record}, {@code --anonymize} and {@code --check}, before any host is read. */
class AuditRecordingTest {
  @TempDir
  Path dir;

  @AfterEach
  void restore() {
    AuditRun.restoreLogLevels();
  }

  @Test
  void aFolderThatAlreadyHoldsTranscriptsIsRefusedBeforeAnyHostIsRead() throws Exception {
    Files.writeString(dir.resolve("web01.transcript.yaml"), "format: x\n");

    AuditRun run = AuditRun.audit(Map.of(), "--record", dir.toString(), dir.resolve("missing.yaml").toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("already holds transcripts (1); name a new or empty folder")
        .doesNotContain("missing.yaml");
  }

  @Test
  void anonymizeAndMappingGoWithRecord() {
    AuditRun anonymize = AuditRun.audit(Map.of(), "--anonymize", "farm.yaml");
    AuditRun mapping = AuditRun.audit(Map.of(), "--record", dir.resolve("new").toString(), "--mapping", "m.yaml",
        "farm.yaml");

    assertThat(anonymize.exit()).isEqualTo(2);
    assertThat(anonymize.err()).contains("--anonymize goes with --record DIR");
    assertThat(mapping.exit()).isEqualTo(2);
    assertThat(mapping.err()).contains("--mapping goes with --anonymize");
  }

  @Test
  void checkOfAFolderWithoutTranscriptsIsAProblemAndOfNoFolderAUsageError() throws Exception {
    AuditRun empty = AuditRun.audit(Map.of(), "--check", dir.toString());
    AuditRun none = AuditRun.audit(Map.of(), "--check", dir.resolve("nowhere").toString());

    assertThat(empty.exit()).isEqualTo(1);
    assertThat(empty.out()).contains("holds no transcript");
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("no such folder");
  }
}
