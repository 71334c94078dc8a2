package dev.lotussaga.workflows.order;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Workflow code is replayed: it must get time, randomness and I/O only through Temporal's Workflow
 * API. These rules fail the build before a non-deterministic call reaches a worker.
 */
@AnalyzeClasses(
    packages = "dev.lotussaga.workflows.order",
    importOptions = ImportOption.DoNotIncludeTests.class)
class DeterministicWorkflowTest {

  @ArchTest
  static final ArchRule noWallClock =
      noClasses()
          .should()
          .callMethod(System.class, "currentTimeMillis")
          .orShould()
          .callMethod(System.class, "nanoTime")
          .orShould()
          .callMethod(java.time.Instant.class, "now")
          .orShould()
          .callMethod(java.time.LocalDateTime.class, "now")
          .because("workflow time comes from Workflow.currentTimeMillis()");

  @ArchTest
  static final ArchRule noRandomness =
      noClasses()
          .should()
          .callMethod(java.util.UUID.class, "randomUUID")
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(java.util.Random.class)
          .because("randomness comes from Workflow.randomUUID() / Workflow.newRandom()");

  @ArchTest
  static final ArchRule noThreadsOrIo =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "java.util.concurrent..",
              "java.io..",
              "java.nio..",
              "java.net..",
              "org.springframework..",
              "org.apache.kafka..")
          .orShould()
          .callMethod(Thread.class, "sleep", long.class)
          .because("waits, threads and I/O belong to Workflow.* and to activities");
}
