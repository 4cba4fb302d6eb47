package io.iisfarm.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What {@link ImageIT} cannot see, since it builds the Dockerfile on base images made locally: that the base
 * images users get by default are the public ones, pinned to full versions, and that the build context leaves
 * build output and history out.
 */
class DockerfileTest {

  @Test
  void baseImagesDefaultToPinnedPublicMavenAndJre17Images() throws Exception {
    Dockerfile dockerfile = Dockerfile.read(Path.of("Dockerfile"));
    Map<String, String> args = dockerfile.globalArgs();
    List<List<Dockerfile.Instruction>> stages = dockerfile.stages();

    assertThat(stages).hasSize(2);
    assertThat(stages.get(0).get(0).arguments()).matches("\\$\\{BUILD_IMAGE} (?i:as) build");
    assertThat(stages.get(1).get(0).arguments()).isEqualTo("${RUN_IMAGE}");
    assertThat(args.get("BUILD_IMAGE")).matches("maven:3\\.\\d+\\.\\d+-eclipse-temurin-17");
    // a full version in the tag, so a rebuild does not silently change the JRE
    assertThat(args.get("RUN_IMAGE")).matches("eclipse-temurin:17\\.0\\.\\d+_\\d+-jre-[a-z0-9.-]+");
  }

  @Test
  void dockerignoreKeepsBuildOutputAndHistoryOutButNotTheSources() throws Exception {
    List<String> ignored = Files.readAllLines(Path.of(".dockerignore")).stream().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toList());

    assertThat(ignored).contains("**/target/", ".git/");
    assertThat(ignored).noneMatch(l -> l.startsWith("src") || l.startsWith("pom.xml") || l.equals("*")
        || l.startsWith("!"));
  }
}
