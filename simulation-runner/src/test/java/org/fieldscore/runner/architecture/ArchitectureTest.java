package org.fieldscore.runner.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/architecture.md: fields-core depends on no other module; pde-solvers and
 * score-stats depend only on fields-core (and not on each other); the libraries neither print nor bind a logging
 * backend or a user-interface library; only the runner does.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.fieldscore");
    }

    @Test
    void fieldsCoreDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("org.fieldscore.fields..")
                .should().dependOnClassesThat().resideInAnyPackage("org.fieldscore.pde..", "org.fieldscore.score..",
                        "org.fieldscore.runner..")
                .check(classes);
    }

    @Test
    void theTwoHalvesDependOnlyOnFieldsCore() {
        noClasses().that().resideInAPackage("org.fieldscore.pde..")
                .should().dependOnClassesThat().resideInAnyPackage("org.fieldscore.score..", "org.fieldscore.runner..")
                .check(classes);
        noClasses().that().resideInAPackage("org.fieldscore.score..")
                .should().dependOnClassesThat().resideInAnyPackage("org.fieldscore.pde..", "org.fieldscore.runner..")
                .check(classes);
    }

    @Test
    void modulesAreFreeOfCycles() {
        slices().matching("org.fieldscore.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void librariesDoNotPrintOrChooseAnApplicationStack() {
        String[] libraries = {"org.fieldscore.fields..", "org.fieldscore.pde..", "org.fieldscore.score.."};
        noClasses().that().resideInAnyPackage(libraries)
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("libraries report through ProgressListener and SLF4J, never to the console")
                .check(classes);
        noClasses().that().resideInAnyPackage(libraries)
                .should().dependOnClassesThat().resideInAnyPackage("ch.qos.logback..", "picocli..", "org.jfree..",
                        "me.tongfei..", "com.fasterxml.jackson..")
                .check(classes);
    }

    @Test
    void testLibrariesStayOutOfMainCode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.openjdk.jmh..",
                        "com.tngtech.archunit..")
                .check(classes);
    }
}
