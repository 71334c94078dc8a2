package dev.lotussaga.contracts.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The module walls as ArchUnit rules, shared through this module's test-jar: each service and
 * library checks its own classes with them in its own tests, so {@code ./mvnw verify} fails when
 * one is broken. Maven's dependency graph keeps the walls today; these keep them when someone adds
 * a dependency "just for one class".
 */
public final class ModuleRules {

  /** The root package of each service module, by its short name. */
  public static final List<String> SERVICES =
      List.of("billing", "stock", "delivery", "notification", "gateway", "workflows");

  private static final String ROOT = "dev.lotussaga.";

  private ModuleRules() {}

  /**
   * A service talks to the others through Temporal, Kafka and HTTP, never through their classes.
   */
  public static ArchRule reachesNoOtherService(String service) {
    if (!SERVICES.contains(service)) {
      throw new IllegalArgumentException("Not a service: " + service);
    }
    return noClasses()
        .that()
        .resideInAPackage(packageOf(service))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            SERVICES.stream()
                .filter(other -> !other.equals(service))
                .map(ModuleRules::packageOf)
                .toArray(String[]::new))
        .because("services reach each other through Temporal, Kafka and HTTP only");
  }

  /** A shared library serves every service and so knows none of them. */
  public static ArchRule libraryReachesNoService(String library) {
    return noClasses()
        .that()
        .resideInAPackage(packageOf(library))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(SERVICES.stream().map(ModuleRules::packageOf).toArray(String[]::new))
        .because("platform libraries are shared by the services and must not know them");
  }

  /**
   * The contracts depend on nothing of ours and on no framework: only the JDK, Temporal's
   * annotations and common types, and Jackson's annotations.
   */
  public static final ArchRule CONTRACTS_DEPEND_ON_NOTHING_OF_OURS =
      classes()
          .that()
          .resideInAPackage(packageOf("contracts"))
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              packageOf("contracts"),
              "java..",
              "io.temporal.workflow",
              "io.temporal.activity",
              "io.temporal.common",
              "com.fasterxml.jackson.annotation")
          .because("every module depends on the contracts; they must pull in nothing else");

  /**
   * The workflow knows the other services only by their contracts: never their classes, nor the
   * libraries that implement services' endpoints and waiting lines (platform/web,
   * platform/signals).
   */
  public static final ArchRule WORKFLOW_REACHES_NO_IMPLEMENTATION =
      noClasses()
          .that()
          .resideInAPackage(packageOf("workflows"))
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              packageOf("billing"),
              packageOf("stock"),
              packageOf("delivery"),
              packageOf("notification"),
              packageOf("gateway"),
              packageOf("signals"),
              packageOf("web"))
          .because("the saga calls the services through the activity interfaces in contracts");

  private static String packageOf(String module) {
    return ROOT + module + "..";
  }
}
