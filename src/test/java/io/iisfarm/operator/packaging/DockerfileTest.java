package io.iisfarm.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * No Docker engine runs where the tests run, so the Dockerfile is checked as text: two stages (Maven on
 * JDK 17, then a pinned JRE 17), a numeric non-root user, the jar the build really produces, and an
 * entrypoint that runs the operator.
 */
class DockerfileTest {
  private static List<List<Dockerfile.Instruction>> stages;
  private static String jarName;

  @BeforeAll
  static void read() throws Exception {
    stages = Dockerfile.read(Path.of("Dockerfile")).stages();
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
    jarName = pom.getElementsByTagName("finalName").item(0).getTextContent().strip() + ".jar";
  }

  @Test
  void buildsWithMavenOnJdk17AndRunsOnAPinnedJre17() {
    assertThat(stages).hasSize(2);
    String build = stages.get(0).get(0).arguments();
    String run = stages.get(1).get(0).arguments();

    assertThat(build).matches("maven:3\\.\\d+\\.\\d+-eclipse-temurin-17\\S* (?i:as) build");
    assertThat(stages.get(0)).anyMatch(i -> i.keyword().equals("RUN") && i.arguments().contains("mvn")
        && i.arguments().contains("package"));
    // a full version in the tag, so a rebuild does not silently change the JRE
    assertThat(run).matches("eclipse-temurin:17\\.0\\.\\d+_\\d+-jre-[a-z0-9.-]+");
  }

  @Test
  void copiesTheJarTheBuildProducesFromTheBuildStage() {
    Dockerfile.Instruction copy = only(stages.get(1), "COPY");
    String[] words = copy.arguments().split("\\s+");

    assertThat(words).hasSize(3);
    assertThat(words[0]).isEqualTo("--from=build");
    assertThat(words[1]).isEqualTo("/src/target/" + jarName);
    assertThat(words[2]).endsWith("/" + jarName);
  }

  @Test
  void runsAsANumericNonRootUser() {
    String user = only(stages.get(1), "USER").arguments();

    assertThat(user).matches("\\d+(:\\d+)?");
    assertThat(Integer.parseInt(user.split(":")[0])).isGreaterThan(0);
    assertThat(user.split(":")).allSatisfy(id -> assertThat(Integer.parseInt(id)).isGreaterThan(0));
    // USER comes before the entrypoint, and nothing after it switches back
    List<String> keywords = stages.get(1).stream().map(Dockerfile.Instruction::keyword).toList();
    assertThat(keywords.indexOf("USER")).isLessThan(keywords.indexOf("ENTRYPOINT"));
    assertThat(keywords.lastIndexOf("USER")).isEqualTo(keywords.indexOf("USER"));
  }

  @Test
  void entrypointRunsTheOperatorFromTheCopiedJarAndNeedsOnlyTmpWritable() throws Exception {
    List<String> entrypoint = List.of(new ObjectMapper().readValue(only(stages.get(1), "ENTRYPOINT").arguments(),
        String[].class));
    String copiedJar = only(stages.get(1), "COPY").arguments().split("\\s+")[2];

    assertThat(entrypoint.get(0)).isEqualTo("java");
    assertThat(entrypoint).containsSubsequence("-jar", copiedJar);
    assertThat(entrypoint.get(entrypoint.size() - 1)).isEqualTo("run");
    assertThat(entrypoint.indexOf("-jar")).isEqualTo(entrypoint.size() - 3);
    assertThat(only(stages.get(1), "WORKDIR").arguments()).isEqualTo("/tmp");
    assertThat(stages.get(1)).noneMatch(i -> i.keyword().equals("VOLUME"));
    assertThat(stages.get(1)).noneMatch(i -> i.keyword().equals("CMD"));
  }

  @Test
  void dockerignoreKeepsBuildOutputAndHistoryOutButNotTheSources() throws Exception {
    List<String> ignored = Files.readAllLines(Path.of(".dockerignore")).stream().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toList());

    assertThat(ignored).contains("**/target/", ".git/");
    assertThat(ignored).noneMatch(l -> l.startsWith("src") || l.startsWith("pom.xml") || l.equals("*")
        || l.startsWith("!"));
  }

  private static Dockerfile.Instruction only(List<Dockerfile.Instruction> stage, String keyword) {
    List<Dockerfile.Instruction> found = stage.stream().filter(i -> i.keyword().equals(keyword)).toList();
    assertThat(found).as(keyword).hasSize(1);
    return found.get(0);
  }
}
