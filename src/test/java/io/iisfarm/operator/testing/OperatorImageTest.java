package io.iisfarm.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** Without podman, the image's tests say what to install: skipped on a workstation, failed under CI=true. */
class OperatorImageTest {

  @TempDir
  Path bin;

  @Test
  void theBuildScriptExits3AndNamesThePackagesWhenPodmanIsMissing() throws Exception {
    // a PATH with what the script uses before it looks for the tools, and no podman, runc or debootstrap
    Files.createSymbolicLink(bin.resolve("dirname"), Path.of("/usr/bin/dirname"));
    ProcessBuilder builder = new ProcessBuilder(List.of("/bin/bash", "src/test/image/build"))
        .redirectErrorStream(true);
    builder.environment().put("PATH", bin.toString());
    Process build = builder.start();
    String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(build.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(build.exitValue()).as(output).isEqualTo(3);
    assertThat(output).contains("podman runc debootstrap not installed", "apt-get install -y podman runc debootstrap");
  }

  @Test
  void missingToolsFailUnderCiAndSkipElsewhere() {
    assertThatThrownBy(() -> OperatorImage.skipOrFail("podman not installed", "true"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("CI=true").hasMessageContaining("podman not installed");
    assertThatThrownBy(() -> OperatorImage.skipOrFail("podman not installed", null))
        .isInstanceOf(TestAbortedException.class).hasMessageContaining("podman not installed");
  }
}
