package de.trassenwerk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The publish wizard on the sample city, driven through its controls. */
@ExtendWith(ApplicationExtension.class)
class PublishWizardTest {
    @TempDir
    Path dir;
    private PublishWizard wizard;

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @AfterAll
    static void restore() {
        Messages.setLocale(Messages.defaultLocale());
    }

    @Start
    void start(Stage owner) {
        owner.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 300, 200));
        owner.show();
        wizard = PublishWizard.open(owner, Fixtures.sampleCity(), Map.<String, String>of()::get);
    }

    @Test
    void thePolicyTableShowsWhatIsPublishedGeneralisedDroppedAndWithheld(FxRobot robot) throws Exception {
        List<PolicyTable.Row> rows = rows();
        assertTrue(rows.contains(new PolicyTable.Row("construction_sites", "contact_person", PolicyTable.Outcome.LEFT_OUT,
                Messages.get("ui.publish.decision.drop"), Messages.get("opendata.reason.personal"))), rows.toString());
        assertTrue(rows.contains(new PolicyTable.Row("coverage_cells", "survey_date", PolicyTable.Outcome.GENERALISED,
                Messages.get("ui.publish.decision.month"), Messages.get("opendata.reason.generalised"))), rows.toString());
        assertTrue(rows.contains(new PolicyTable.Row("construction_sites", "start_date", PolicyTable.Outcome.PUBLISHED,
                Messages.get("ui.publish.decision.keep"), "")));
        PolicyTable.Row conduits = row(rows, "conduits");
        assertEquals(PolicyTable.Outcome.LEFT_OUT, conduits.outcome());
        assertTrue(conduits.reason().startsWith(Messages.get("opendata.reason.restricted")) && conduits.reason()
                .contains("TKG § 79"), conduits.reason());
        assertTrue(row(rows, "water").reason().equals(Messages.get("opendata.reason.not_in_policy")));
        assertEquals(PolicyTable.Outcome.GENERALISED, row(rows, "quarters_free_ducts").outcome());
        assertTrue(robot.lookup("#policyTable").tryQuery().isPresent());
    }

    @Test
    void untickingALayerWithholdsItAsNotSelected(FxRobot robot) throws Exception {
        rows();
        untick(robot, "streets");
        waitUntil(() -> row(wizard.policyTable().getItems(), "streets").reason()
                .equals(Messages.get("opendata.reason.not_selected")));
    }

    @Test
    void thePreviewDrawsThePublicMapOnAWorker(FxRobot robot) throws Exception {
        rows();
        untick(robot, "coverage_cells");
        untick(robot, "streets");
        robot.clickOn("#wizardNext");
        waitUntil(() -> wizard.preview().framesShown() >= 1, 120);
        Image img = onFx(() -> wizard.preview().imageView().getImage());
        int coloured = 0;
        for (int y = 0; y < img.getHeight(); y += 4) {
            for (int x = 0; x < img.getWidth(); x += 4) {
                if (img.getPixelReader().getArgb(x, y) != 0xFFFFFFFF) {
                    coloured++;
                }
            }
        }
        assertTrue(coloured > 500, "the public map shows something: " + coloured);
    }

    @Test
    void publishingIntoAFolderReportsProgressAndWritesIt(FxRobot robot) throws Exception {
        rows();
        untick(robot, "coverage_cells");
        untick(robot, "streets");
        untick(robot, "construction_sites");
        robot.clickOn("#wizardNext").clickOn("#wizardNext");
        robot.clickOn("duisburg-ortsteile");
        onFx(() -> {
            robot.lookup("#metadataTitle").queryAs(TextField.class).setText("Ortsteile der Stadt Duisburg (geprüft)");
            return null;
        });
        robot.clickOn("#wizardNext");
        Path out = dir.resolve("opendata");
        onFx(() -> {
            robot.lookup("#publishFolder").queryAs(TextField.class).setText(out.toString());
            return null;
        });
        robot.clickOn("#publishButton");
        waitUntil(() -> !wizard.isPublishing() && robot.lookup("#publishStatus").queryAs(Label.class).getText()
                .equals(Messages.get("ui.publish.done", out)), 120);
        assertTrue(Files.exists(out.resolve("publication-report.json")));
        assertTrue(Files.exists(out.resolve("duisburg-ortsteile.geojson")));
        assertTrue(!Files.exists(out.resolve("duisburg-baustellen.geojson")), "unticked layers stay out");
        assertTrue(Files.readString(out.resolve("catalog.jsonld")).contains("Ortsteile der Stadt Duisburg (geprüft)"),
                "the edited title is published");
    }

    private List<PolicyTable.Row> rows() throws Exception {
        waitUntil(() -> !wizard.policyTable().getItems().isEmpty());
        return onFx(() -> List.copyOf(wizard.policyTable().getItems()));
    }

    private static PolicyTable.Row row(List<PolicyTable.Row> rows, String layer) {
        return rows.stream().filter(r -> r.layer().equals(layer)).findFirst().orElseThrow(() -> new AssertionError(layer));
    }

    private static void untick(FxRobot robot, String layer) {
        ListCell<?> cell = robot.lookup("#layerChoice .list-cell").match(c -> layer.equals(((ListCell<?>) c).getItem()))
                .queryAs(ListCell.class);
        robot.clickOn((CheckBox) cell.getGraphic());
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        waitUntil(condition, 20);
    }

    private static void waitUntil(Callable<Boolean> condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition));
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }
}
