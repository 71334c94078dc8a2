package dev.lotussaga.delivery;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.lotussaga.contracts.architecture.ModuleRules;

/** The module's walls (rules shared from the contracts' test-jar). */
@AnalyzeClasses(
    packages = "dev.lotussaga.delivery",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule reachesNoOtherService = ModuleRules.reachesNoOtherService("delivery");
}
