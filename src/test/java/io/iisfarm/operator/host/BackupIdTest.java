package io.iisfarm.operator.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackupIdTest {

  @Test
  void nameIsPrefixAndUtcTimestampValidForIisback() {
    BackupId id = BackupId.at(Instant.parse("2026-11-24T02:15:00.789Z"));
    assertThat(id.name()).isEqualTo("iisfarm_20261124T021500Z");
    // iisback.vbs ValidateBackupName rejects ASCII 33-47 and 58-64
    assertThat(id.name().chars()).noneMatch(c -> (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || c > 122);
    assertThat(id.fileBackupPath("%windir%\\Microsoft.NET\\Framework\\v2.0.50727\\CONFIG\\machine.config"))
        .isEqualTo("%windir%\\Microsoft.NET\\Framework\\v2.0.50727\\CONFIG\\machine.config.iisfarm_20261124T021500Z.bak");
  }

  @Test
  void findsTheIdInBackupAndFileNamesAndOrdersByTime() {
    BackupId older = BackupId.at(Instant.parse("2026-11-24T02:15:00Z"));
    BackupId newer = BackupId.at(Instant.parse("2026-11-25T00:00:01Z"));
    assertThat(BackupId.find("web.config.iisfarm_20261124T021500Z.bak")).contains(older);
    assertThat(BackupId.find("iisfarm_20261125T000001Z")).contains(newer);
    assertThat(BackupId.find("CFGHISTORY_0000000001")).isEmpty();
    assertThat(newer).isGreaterThan(older);
  }
}
