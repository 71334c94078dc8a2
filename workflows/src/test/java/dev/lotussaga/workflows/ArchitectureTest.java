package dev.lotussaga.workflows;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.lotussaga.contracts.architecture.ModuleRules;

/**
 * The module's walls (rules shared from the contracts' test-jar), and the saga's own: the workflow
 * code knows the contracts, Temporal and the JDK, nothing else. Its determinism rules are in {@code
 * order/DeterministicWorkflowTest}.
 */
@AnalyzeClasses(
    packages = "dev.lotussaga.workflows",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule reachesNoOtherService = ModuleRules.reachesNoOtherService("workflows");

  @ArchTest
  static final ArchRule reachesNoImplementation = ModuleRules.WORKFLOW_REACHES_NO_IMPLEMENTATION;

  @ArchTest
  static final ArchRule sagaKnowsOnlyContractsAndTemporal =
      classes()
          .that()
          .resideInAPackage("dev.lotussaga.workflows.order..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "dev.lotussaga.workflows.order..",
              "dev.lotussaga.contracts..",
              "io.temporal..",
              // Workflow.getMetricsScope() answers Temporal's tally types; it drops replayed
              // metrics.
              "com.uber.m3..",
              "java..")
          .because("the saga is replayed: it reaches the world only through Temporal");
}
