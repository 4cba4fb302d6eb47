package io.iisfarm.operator.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.library.Architectures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The package table in docs/architecture.md is the rule: each package uses only the packages its
 * "may use" column names. The table is read from the document, so changing the layout means changing
 * the document.
 */
@AnalyzeClasses(packages = PackageTable.BASE,
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {
  private static final Path DOCUMENT = Path.of("docs/architecture.md");

  @ArchTest
  static void packagesUseOnlyWhatTheTableAllows(JavaClasses classes) throws IOException {
    PackageTable table = PackageTable.read(DOCUMENT);
    Architectures.LayeredArchitecture layers = Architectures.layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true);
    for (String pkg : table.packages()) {
      layers = layers.layer(pkg).definedBy(PackageTable.BASE + "." + pkg + "..");
    }
    for (Map.Entry<String, List<String>> row : table.mayUse().entrySet()) {
      layers = row.getValue().isEmpty()
          ? layers.whereLayer(row.getKey()).mayNotAccessAnyLayer()
          : layers.whereLayer(row.getKey()).mayOnlyAccessLayers(row.getValue().toArray(String[]::new));
    }
    layers.check(classes);
  }

  /**
   * The operator's jar (src/main/java) is cut from the same classes as the demo's (src/demo/java); a class of the
   * operator that named the demo's would fail there at run time (docs/decisions/0017-artifacts.md).
   */
  @ArchTest
  static void theOperatorNamesNothingOfTheDemoNorOfTheLibrariesOnlyTheDemoUses(JavaClasses classes) {
    noClasses().that().resideOutsideOfPackages(PackageTable.BASE + ".simulator..", PackageTable.BASE + ".cli.demo..",
            PackageTable.BASE + ".replay..")
        .should().dependOnClassesThat().resideInAnyPackage(
            PackageTable.BASE + ".simulator..", PackageTable.BASE + ".cli.demo..", PackageTable.BASE + ".replay..",
            "io.fabric8.mockwebserver..", "io.fabric8.kubernetes.client.server.mock..", "io.vertx..", "io.netty..",
            "org.bouncycastle..")
        .check(classes);
  }

  @ArchTest
  static void planIsPureAndNeverReachesHostsOrKubernetes(JavaClasses classes) {
    noClasses().that().resideInAPackage(PackageTable.BASE + ".plan..")
        .should().dependOnClassesThat().resideInAnyPackage(
            PackageTable.BASE + ".host..", PackageTable.BASE + ".winrm..",
            "io.fabric8.kubernetes.client..", "io.javaoperatorsdk..", "io.cloudsoft.winrm4j..")
        .allowEmptyShould(true)
        .check(classes);
  }

  /** {@code audit} runs against users' hosts: recording what they print must not bring the simulator along. */
  @ArchTest
  static void auditAndItsRecordingNeverReachTheSimulatorOrReplay(JavaClasses classes) {
    noClasses().that().resideInAnyPackage(PackageTable.BASE + ".cli.audit..", PackageTable.BASE + ".transcript..")
        .should().dependOnClassesThat().resideInAnyPackage(
            PackageTable.BASE + ".simulator..", PackageTable.BASE + ".replay..")
        .check(classes);
  }
}
