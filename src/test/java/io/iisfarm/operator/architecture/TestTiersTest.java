package io.iisfarm.operator.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.iisfarm.operator.testing.RealApiServer;
import io.iisfarm.operator.testing.RealKube;

/**
 * The test tiers (README, "Test tiers") hold: a test class reaches the real API server ({@link RealKube}) exactly
 * when it is tagged {@link RealApiServer}, so that {@code -Dgroups} and {@code -DexcludedGroups} pick the tiers;
 * and the unit tier ({@code *Test}, run by surefire) never needs it.
 */
@AnalyzeClasses(packages = PackageTable.BASE, importOptions = ImportOption.OnlyIncludeTests.class)
class TestTiersTest {

  @ArchTest
  static final ArchRule TAGGED_CLASSES_REACH_THE_API_SERVER = classes()
      .that().areAnnotatedWith(RealApiServer.class)
      .should().transitivelyDependOnClassesThat().belongToAnyOf(RealKube.class)
      .allowEmptyShould(true);

  private static final DescribedPredicate<JavaClass> TEST_CLASSES =
      simpleNameEndingWith("IT").or(simpleNameEndingWith("Test")).as("test classes");

  @ArchTest
  static final ArchRule OTHER_TEST_CLASSES_DO_NOT = noClasses()
      .that(TEST_CLASSES).and().areNotAnnotatedWith(RealApiServer.class).and().doNotBelongToAnyOf(TestTiersTest.class)
      .should().transitivelyDependOnClassesThat().belongToAnyOf(RealKube.class);
}
