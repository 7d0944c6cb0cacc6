package com.osmosecollective.node.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture, checked on the compiled main classes of every module. The Maven enforcer checks
 * the same module allow-list on the poms; these rules also see what a pom cannot: package cycles
 * inside a module and {@code internal} packages used from outside their module.
 */
class ArchitectureTest {
  private static final String ROOT = "com.osmosecollective.node";
  private static final List<String> MODULE_PACKAGES =
      List.of("config", "core", "genesis", "storage", "consensus", "funding", "p2p", "api", "app");

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  @Test
  void modulesUseOnlyTheModulesBelowThem() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("config")
        .definedBy(ROOT + ".config..")
        .layer("node-core")
        .definedBy(ROOT + ".core..")
        .layer("genesis")
        .definedBy(ROOT + ".genesis..")
        .layer("storage")
        .definedBy(ROOT + ".storage..")
        .layer("consensus-dpos")
        .definedBy(ROOT + ".consensus..")
        .layer("funding")
        .definedBy(ROOT + ".funding..")
        .layer("p2p")
        .definedBy(ROOT + ".p2p..")
        .layer("api-rest")
        .definedBy(ROOT + ".api..")
        .layer("osmose")
        .definedBy(ROOT + ".app..")
        .whereLayer("osmose")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("api-rest")
        .mayOnlyBeAccessedByLayers("osmose")
        .whereLayer("p2p")
        .mayOnlyBeAccessedByLayers("osmose")
        .whereLayer("funding")
        .mayOnlyBeAccessedByLayers("api-rest", "osmose")
        .whereLayer("consensus-dpos")
        .mayOnlyBeAccessedByLayers("funding", "p2p", "api-rest", "osmose")
        .whereLayer("storage")
        .mayOnlyBeAccessedByLayers("consensus-dpos", "funding", "p2p", "api-rest", "osmose")
        .whereLayer("genesis")
        .mayOnlyBeAccessedByLayers("osmose")
        .whereLayer("node-core")
        .mayOnlyBeAccessedByLayers(
            "genesis", "storage", "consensus-dpos", "funding", "p2p", "api-rest", "osmose")
        .whereLayer("config")
        .mayOnlyBeAccessedByLayers(
            "node-core",
            "genesis",
            "storage",
            "consensus-dpos",
            "funding",
            "p2p",
            "api-rest",
            "osmose")
        .because("lower modules never depend on higher ones (README.md, Layout)")
        .check(classes);
  }

  @Test
  void packagesInsideEachModuleHaveNoCycles() {
    for (String module : MODULE_PACKAGES) {
      slices()
          .matching(ROOT + "." + module + ".(**)")
          .should()
          .beFreeOfCycles()
          .allowEmptyShould(true)
          .because("a module's packages form a hierarchy, not a knot")
          .check(classes);
    }
  }

  @Test
  void internalPackagesAreUsedOnlyInsideTheirModule() {
    for (String module : MODULE_PACKAGES) {
      noClasses()
          .that()
          .resideOutsideOfPackage(ROOT + "." + module + "..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(ROOT + "." + module + "..internal..")
          .allowEmptyShould(true)
          .because("an internal package is its module's own business")
          .check(classes);
    }
  }
}
