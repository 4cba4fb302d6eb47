package io.iisfarm.operator.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names replaced the same way everywhere, Windows' own names kept, and the mapping kept out of what is shared. */
class AnonymizerTest {
  @TempDir
  Path dir;

  @Test
  void eachNameGetsOneStandInWhereverAndHoweverItIsWritten() {
    Anonymizer names = new Anonymizer();
    names.dns("web01.corp.contoso.com");
    names.site("Shop");
    names.dns("10.20.0.5");
    names.path("D:\\Sites\\Shop");
    names.user("CORP\\svc-web");

    String text = "WEB01 serves Shop from D:\\Sites\\Shop on 10.20.0.5 as CORP\\svc-web; web01.corp.contoso.com,"
        + " Default Web Site, localhost, Shopping";
    String out = names.apply(text, null);

    assertThat(out).doesNotContainIgnoringCase("web01").doesNotContain("10.20.0.5", "contoso", "svc-web", "D:\\Sites")
        .contains("HOST1 serves Site1 from D:\\path1 on 192.0.2.1 as DOMAIN2\\user1; host1.domain1.example,"
            + " Default Web Site, localhost, Shopping");
    assertThat(names.apply("shop", null)).isEqualTo("site1");
    assertThat(names.remaining(out)).isEmpty();
    assertThat(names.remaining(text)).isNotEmpty();
  }

  @Test
  void theMappingIsWrittenOnlyOutsideTheSharedFolderForItsOwnerAlone() throws Exception {
    Path shared = Files.createDirectories(dir.resolve("transcripts"));
    List<MappingFile.Entry> entries = List.of(new MappingFile.Entry("host", "web01", "host1"));

    assertThatThrownBy(() -> MappingFile.write(shared.resolve("mapping.yaml"), shared, entries))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");

    Path mapping = MappingFile.besides(shared);
    MappingFile.write(mapping, shared, entries);
    assertThat(mapping.getParent()).isEqualTo(dir.toAbsolutePath().normalize());
    assertThat(MappingFile.read(mapping)).isEqualTo(entries);
    assertThat(Files.readString(mapping)).contains("Keep this file to yourself");
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(mapping)))
        .isEqualTo("rw-------");
  }
}
