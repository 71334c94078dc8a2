package dev.lotussaga.contracts.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(
    packages = "dev.lotussaga.contracts",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ContractsArchitectureTest {

  @ArchTest
  static final ArchRule dependsOnNothingOfOurs = ModuleRules.CONTRACTS_DEPEND_ON_NOTHING_OF_OURS;

  @ArchTest
  static final ArchRule reachesNoService = ModuleRules.libraryReachesNoService("contracts");
}
