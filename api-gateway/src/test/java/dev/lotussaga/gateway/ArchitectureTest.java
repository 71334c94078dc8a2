package dev.lotussaga.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.lotussaga.contracts.architecture.ModuleRules;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gateway's walls: the module's (shared from the contracts' test-jar) and those between its
 * feature packages. Package-private types stay inside their package by the compiler; these rules
 * keep what the compiler cannot: no cycles between features, tokens parsed in one place, and each
 * feature's tables reached only through the feature.
 */
@AnalyzeClasses(
    packages = "dev.lotussaga.gateway",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String GATEWAY = "dev.lotussaga.gateway.";

  @ArchTest
  static final ArchRule reachesNoOtherService = ModuleRules.reachesNoOtherService("gateway");

  @ArchTest
  static final ArchRule featuresFreeOfCycles =
      slices().matching("dev.lotussaga.gateway.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule onlySecurityHandlesJoseObjects =
      noClasses()
          .that()
          .resideInAPackage("dev.lotussaga.gateway..")
          .and()
          .resideOutsideOfPackage("dev.lotussaga.gateway.security..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.nimbusds..")
          .because("signing and checking tokens is the security package's job");

  @ArchTest
  static final ArchRule controllersReachOnlyTheirOwnRepositories =
      classes()
          .that()
          .areAnnotatedWith(RestController.class)
          .or()
          .areAnnotatedWith(Controller.class)
          .should(useNoRepositoryOfAnotherFeature())
          .because("a feature's tables are reached through that feature's own types");

  private static ArchCondition<JavaClass> useNoRepositoryOfAnotherFeature() {
    return new ArchCondition<>("use no repository of another feature package") {
      @Override
      public void check(JavaClass controller, ConditionEvents events) {
        controller.getDirectDependenciesFromSelf().stream()
            .filter(dependency -> dependency.getTargetClass().isAssignableTo(Repository.class))
            .filter(dependency -> !feature(dependency.getTargetClass()).equals(feature(controller)))
            .forEach(
                dependency ->
                    events.add(
                        SimpleConditionEvent.violated(dependency, dependency.getDescription())));
      }
    };
  }

  /** {@code order} for {@code dev.lotussaga.gateway.order.internal.X}. */
  private static String feature(JavaClass type) {
    String name = type.getPackageName();
    if (!name.startsWith(GATEWAY)) {
      return name;
    }
    String rest = name.substring(GATEWAY.length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
