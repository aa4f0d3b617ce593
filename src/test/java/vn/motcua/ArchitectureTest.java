package vn.motcua;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Features depend downward only: no package of motcua reaches, directly or through others, back
 * to one that depends on it. Read from the compiled main classes, so a fully-qualified reference
 * counts as much as an import.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.motcua");

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("vn.motcua.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theFeaturesSpeakOfDossiersAndReachTheEngineOnlyThroughItsGateway() {
        noClasses().that().resideInAnyPackage("vn.motcua.admin..", "vn.motcua.documents..", "vn.motcua.dossier..",
                        "vn.motcua.handover..", "vn.motcua.integrations..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .because("a dossier is started, messaged, queried, ended and moved through vn.motcua.engine.DossierEngine")
                .check(MAIN);
    }
}
