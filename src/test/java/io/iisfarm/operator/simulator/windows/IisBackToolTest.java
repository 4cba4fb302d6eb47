package io.iisfarm.operator.simulator.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IisBackToolTest {
  private static final String IISBACK = "cscript //nologo %SystemRoot%\\system32\\iisback.vbs ";
  private static final String ADSUTIL = "cscript //nologo %SystemDrive%\\Inetpub\\AdminScripts\\adsutil.vbs ";
  private final WindowsHost host = TestHosts.iis6();

  @Test
  void backupRestoreBringsBackIdsAppRootsAndStates() {
    CommandResult backup = host.run(IISBACK + "/backup /b before");
    assertThat(backup.exitCode()).isZero();
    assertThat(backup.stdout()).isEqualTo("Backup before version 0 has been CREATED.\r\n");
    assertThat(host.listDirectory("%windir%\\system32\\inetsrv\\MetaBack")).containsExactly("before.MD0", "before.SC0");

    host.run(ADSUTIL + "STOP_SERVER W3SVC/2 & " + ADSUTIL + "MOVE W3SVC/2 W3SVC/3 & " + ADSUTIL
        + "SET W3SVC/1739249713/ROOT/AppRoot /LM/W3SVC/1739249713/ROOT");
    assertThat(host.site("Api").orElseThrow().id()).isEqualTo(3);
    List<String> events = new ArrayList<>();
    host.addSiteStateListener((h, site, started) -> events.add(site + ":" + started));

    CommandResult restore = host.run(IISBACK + "/restore /b before");
    assertThat(restore.stdout()).isEqualTo("Backup before version 0 has been RESTORED.\r\n");
    assertThat(restore.changedHost()).isTrue();
    assertThat(host.site("Api").orElseThrow()).extracting(SiteView::id, SiteView::state).containsExactly(2L, "Started");
    assertThat(host.site("Shop").orElseThrow().appRoot()).isEqualTo("/LM/W3SVC/1739249713/Root");
    assertThat(events).containsExactly("Shop:false", "Shop:true", "Api:true");
  }

  @Test
  void anExplicitVersionNeedsOverwriteToBeReplaced() {
    host.run(IISBACK + "/backup /b b1 /v 1");
    CommandResult again = host.run(IISBACK + "/backup /b b1 /v 1");
    assertThat(again.exitCode()).isEqualTo(0x800700B7);
    assertThat(again.stdout()).isEqualTo("Error &H800700B7: Cannot create a file when that file already exists.\r\n");
    assertThat(host.run(IISBACK + "/backup /b b1 /v 1 /overwrite").exitCode()).isZero();
    assertThat(host.run(IISBACK + "/backup /b b1").stdout()).as("NEXT_VERSION by default")
        .isEqualTo("Backup b1 version 2 has been CREATED.\r\n");
  }

  @Test
  void listAndDelete() {
    host.run(IISBACK + "/backup /b first & " + IISBACK + "/backup /b second");
    String list = host.run(IISBACK + "/list").stdout();
    assertThat(list).startsWith("Backup Name                             Version #       Date/Time\r\n");
    assertThat(list).containsPattern("\r\nfirst +0 +\\d+/\\d+/\\d{4} \\d+:\\d\\d:\\d\\d [AP]M\r\n");
    assertThat(host.backups()).containsExactly("first", "second");
    assertThat(host.run(IISBACK + "/delete /b first").stdout()).isEqualTo("Backup first version 0 has been DELETED.\r\n");
    assertThat(host.backups()).containsExactly("second");
    assertThat(host.listDirectory("%windir%\\system32\\inetsrv\\MetaBack")).containsExactly("second.MD0", "second.SC0");
    CommandResult missing = host.run(IISBACK + "/restore /b first");
    assertThat(missing.exitCode()).isEqualTo(0x80070002);
    assertThat(missing.stdout()).isEqualTo("Error &H80070002: The system cannot find the file specified.\r\n");
  }

  @Test
  void remoteOptionsAreNotEmulated() {
    assertThat(host.run(IISBACK + "/backup /s otherhost /b x").stderr()).startsWith("simulator: not emulated:");
  }
}
