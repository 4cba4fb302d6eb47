package io.iisfarm.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two jars one {@code mvn package} makes (docs/decisions/0017-artifacts.md): the operator's, which the image
 * and the chart run, carries {@code run} and {@code audit} and nothing of the demo's (the simulator, the embedded
 * API server and the libraries only they use); the demo's carries {@code demo} and {@code simulate}. Runs in the
 * package phase, after the jars are made (pom.xml, surefire's {@code artifact-test}); what the operator's jar
 * carries is written to {@code target/artifacts/}.
 */
class OperatorArtifactTest {
  /** Class and resource folders of the demo's, and of the libraries only the demo uses. */
  static final List<String> FORBIDDEN_PACKAGES = List.of(
      "io/iisfarm/operator/simulator/", "io/iisfarm/operator/cli/demo/", "io/iisfarm/operator/replay/",
      "simulator/", "io/fabric8/mockwebserver/", "io/fabric8/kubernetes/client/server/mock/", "io/vertx/", "io/netty/",
      "org/bouncycastle/", "okhttp3/", "mockwebserver3/");
  /** groupId:artifactId prefixes of the demo's libraries, as their META-INF/maven folders name them. */
  static final List<String> FORBIDDEN_ARTIFACTS = List.of(
      "io.fabric8:kubernetes-server-mock", "io.fabric8:mockwebserver", "io.fabric8:kubernetes-httpclient-vertx",
      "io.vertx:", "io.netty:", "org.bouncycastle:", "com.squareup.okhttp3:");

  private static Path operatorJar;
  private static Path demoJar;

  @BeforeAll
  static void theJarsArePackaged() {
    String operator = System.getProperty("iisfarm.operator.jar");
    assumeTrue(operator != null, "runs in the package phase, after the jars are made (surefire's artifact-test)");
    operatorJar = Path.of(operator);
    demoJar = Path.of(System.getProperty("iisfarm.demo.jar"));
    assertThat(operatorJar).as("mvn package makes it").isRegularFile();
    assertThat(demoJar).as("mvn package makes it").isRegularFile();
  }

  @Test
  void theOperatorsJarCarriesNoPackageOfTheDemosAndListsWhatItCarries() throws IOException {
    JarContents jar = JarContents.read(operatorJar);
    Path listing = jar.writeListing(Path.of("target", "artifacts", "operator-jar.txt"));

    assertThat(jar.packages()).as("packages of %s; all listed in %s", operatorJar, listing)
        .noneMatch(p -> FORBIDDEN_PACKAGES.stream().anyMatch(p::startsWith));
    assertThat(jar.resources()).noneMatch(r -> FORBIDDEN_PACKAGES.stream().anyMatch(r::startsWith));
    // what the commands it runs need is there
    assertThat(jar.packages()).contains("io/iisfarm/operator/cli/", "io/iisfarm/operator/cli/audit/",
        "io/iisfarm/operator/reconciler/", "io/iisfarm/operator/winrm/", "io/cloudsoft/winrm4j/client/",
        "io/fabric8/kubernetes/client/jdkhttp/", "io/javaoperatorsdk/operator/");
    assertThat(jar.mainClass()).isEqualTo("io.iisfarm.operator.cli.Main");
  }

  @Test
  void theOperatorsJarCarriesNoLibraryOfTheDemos() throws IOException {
    JarContents jar = JarContents.read(operatorJar);

    assertThat(jar.artifacts()).as("libraries in %s", operatorJar)
        .noneMatch(a -> FORBIDDEN_ARTIFACTS.stream().anyMatch(a::startsWith))
        .contains("io.fabric8:kubernetes-client", "io.fabric8:kubernetes-httpclient-jdk",
            "io.javaoperatorsdk:operator-framework-core", "org.apache.httpcomponents:httpclient");
  }

  @Test
  void theDemosJarCarriesTheSimulatorAndTheEmbeddedApiServer() throws IOException {
    JarContents jar = JarContents.read(demoJar);

    assertThat(jar.packages()).contains("io/iisfarm/operator/simulator/", "io/iisfarm/operator/cli/demo/",
        "io/iisfarm/operator/replay/", "io/fabric8/mockwebserver/", "io/netty/channel/", "org/bouncycastle/cert/",
        "io/iisfarm/operator/cli/");
    assertThat(jar.resources()).contains("simulator/sample-farm.yaml");
    assertThat(jar.mainClass()).isEqualTo("io.iisfarm.operator.cli.demo.DemoMain");
  }

  @Test
  void theOperatorsJarRunAsAProcessOffersRunAndAuditOnly() throws Exception {
    String usage = javaJar(operatorJar, "--help");

    assertThat(commands(usage)).containsExactlyInAnyOrder("run", "audit");
    assertThat(javaJar(operatorJar, "audit", "--help")).contains("Usage:", "audit");
    assertThat(javaJar(operatorJar, "run", "--help")).contains("Usage:", "run");
  }

  @Test
  void theDemosJarRunAsAProcessOffersDemoAndSimulate() throws Exception {
    String usage = javaJar(demoJar, "--help");

    assertThat(commands(usage)).containsExactlyInAnyOrder("demo", "simulate");
  }

  /** The subcommands a picocli usage text lists under "Commands:". */
  static Set<String> commands(String usage) {
    int at = usage.indexOf("Commands:");
    assertThat(at).as("a Commands: section in %s", usage).isNotNegative();
    return usage.substring(at + "Commands:".length()).lines()
        .filter(l -> l.matches("^ {2}[a-z]+\\b.*"))
        .map(l -> l.strip().split("\\s+")[0])
        .collect(java.util.stream.Collectors.toSet());
  }

  /** {@code java -jar JAR ARGS}: what it prints, after it exits 0. */
  private static String javaJar(Path jar, String... args) throws Exception {
    Path out = Files.createTempFile("java-jar", ".out");
    try {
      List<String> command = new java.util.ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
      command.addAll(List.of(args));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
      // generous: a JVM start on a loaded machine; the bound only keeps a hung process from hanging the build
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not exit within 120 s");
      }
      String output = Files.readString(out);
      assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), output).isZero();
      return output;
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
