package org.fieldscore.runner.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/architecture.md: fields-core depends on no other module; pde-solvers and
 * score-stats depend only on fields-core (and not on each other); no package cycles between modules or inside a
 * module; the runner uses only the packages the libraries' module-info files export; the libraries neither print
 * nor use a logging, CLI, plotting or serialisation library; only the runner does.
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
    void packagesInsideEachModuleAreFreeOfCycles() {
        for (String module : new String[] {"fields", "pde", "score", "runner"}) {
            slices().matching("org.fieldscore." + module + ".(**)").should().beFreeOfCycles().check(classes);
        }
    }

    /** The runner reaches the libraries only through the packages their module-info files export to everyone. */
    @Test
    void theRunnerUsesExportedPackagesOnly() throws IOException {
        Set<String> exported = new TreeSet<>();
        Set<String> libraries = new TreeSet<>();
        Enumeration<URL> descriptors = ArchitectureTest.class.getClassLoader().getResources("module-info.class");
        while (descriptors.hasMoreElements()) {
            try (InputStream in = descriptors.nextElement().openStream()) {
                ModuleDescriptor d = ModuleDescriptor.read(in);
                if (d.name().startsWith("org.fieldscore.")) {
                    libraries.add(d.name());
                    d.exports().stream().filter(e -> !e.isQualified()).forEach(e -> exported.add(e.source()));
                }
            }
        }
        assertEquals(Set.of("org.fieldscore.fields", "org.fieldscore.pde", "org.fieldscore.score"), libraries,
                "each library has a module-info");
        List<String> violations = new ArrayList<>();
        for (JavaClass c : classes.that(resideInAPackage("org.fieldscore.runner.."))) {
            for (Dependency dep : c.getDirectDependenciesFromSelf()) {
                String target = dep.getTargetClass().getBaseComponentType().getPackageName();
                if (target.startsWith("org.fieldscore.") && !target.startsWith("org.fieldscore.runner")
                        && !exported.contains(target)) {
                    violations.add(dep.getDescription());
                }
            }
        }
        assertTrue(violations.isEmpty(), "the runner uses packages the libraries do not export:\n"
                + String.join("\n", violations));
    }

    @Test
    void librariesDoNotPrintOrChooseAnApplicationStack() {
        String[] libraries = {"org.fieldscore.fields..", "org.fieldscore.pde..", "org.fieldscore.score.."};
        noClasses().that().resideInAnyPackage(libraries)
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("libraries report through ProgressListener, never to the console")
                .check(classes);
        noClasses().that().resideInAnyPackage(libraries)
                .should().dependOnClassesThat().resideInAnyPackage("ch.qos.logback..", "org.slf4j..", "picocli..",
                        "org.jfree..", "me.tongfei..", "com.fasterxml.jackson..", "org.snakeyaml..", "org.yaml..",
                        "net.objecthunter..", "org.apache.commons.csv..", "org.apache.spark..")
                .check(classes);
    }

    @Test
    void testLibrariesStayOutOfMainCode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.openjdk.jmh..",
                        "com.tngtech.archunit..")
                .check(classes);
    }
}
