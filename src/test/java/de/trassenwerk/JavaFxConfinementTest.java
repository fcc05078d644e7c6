package de.trassenwerk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Only the window ({@code app}) and its views ({@code ui}) may use JavaFX; everything else runs headless. */
class JavaFxConfinementTest {

    @Test
    void onlyAppAndUiUseJavaFx() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("de.trassenwerk");
        noClasses().that().resideOutsideOfPackages("de.trassenwerk.app..", "de.trassenwerk.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }
}
