package de.trassenwerk.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rooms of the house: analyses, storage, rendering and the CLI run without a screen. */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("de.trassenwerk");

    @Test
    void onlyAppAndUiUseJavaFx() {
        noClasses().that().resideOutsideOfPackages("de.trassenwerk.app..", "de.trassenwerk.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .because("analyses, storage and rendering must run headless, in the CLI, tests and benchmarks")
                .check(CLASSES);
    }

    @Test
    void nothingBelowTheViewsKnowsTheViews() {
        noClasses().that().resideOutsideOfPackages("de.trassenwerk.app..", "de.trassenwerk.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("de.trassenwerk.app..", "de.trassenwerk.ui..")
                .check(CLASSES);
    }

    @Test
    void theCommandLineIsNotUsedByTheCapabilities() {
        noClasses().that().resideOutsideOfPackages("de.trassenwerk.app..", "de.trassenwerk.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("de.trassenwerk.cli..")
                .check(CLASSES);
    }
}
