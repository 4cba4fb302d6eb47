package io.iisfarm.operator.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The architecture rules are only as good as the reading of the table they come from. */
class PackageTableTest {
  @Test
  void readsEveryRowOfTheDocumentedTable() throws IOException {
    PackageTable table = PackageTable.read(Path.of("docs/architecture.md"));

    assertThat(table.packages()).containsExactly("cli", "replay", "transcript", "reconciler", "metrics", "secrets", "observe", "rollout",
        "status", "schedule", "plan", "host", "winrm", "model", "api", "simulator");
    assertThat(table.mayUse().get("plan")).containsExactly("model", "api");
    assertThat(table.mayUse().get("host")).containsExactly("winrm", "model", "api");
    assertThat(table.mayUse().get("model")).containsExactly("api");
    assertThat(table.mayUse().get("winrm")).isEmpty();
    assertThat(table.mayUse().get("simulator")).isEmpty();
    assertThat(table.mayUse().get("schedule")).containsExactly("api");
    assertThat(table.mayUse().get("transcript")).containsExactly("host", "winrm", "model", "api");
    assertThat(table.mayUse().get("replay")).containsExactly("transcript", "simulator");
    assertThat(table.mayUse().get("cli")).hasSize(15).doesNotContain("cli");
  }
}
