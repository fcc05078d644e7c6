package de.trassenwerk.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.project.WorkbenchProject;
import de.trassenwerk.render.Viewport;
import de.trassenwerk.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The coordination panel inside the main window: a finding chosen there is shown on the map. */
@ExtendWith(ApplicationExtension.class)
class CoordinationWindowTest {
    @TempDir
    static Path dir;
    private MainWindow window;

    private static Path city;

    @BeforeAll
    static void copySampleCity() throws Exception {
        city = dir.resolve("city.gpkg");
        Files.copy(Fixtures.sampleCity(), city); // the run saves its findings into the file
    }

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, new WorkbenchProject(), null);
        stage.show();
        window.open(city);
    }

    @Test
    void aFindingChosenInThePanelIsZoomedToAndHighlighted(FxRobot robot) throws Exception {
        MapView map = window.map();
        waitUntil(() -> map.framesShown() >= 1);
        robot.clickOn(map);
        robot.press(javafx.scene.input.KeyCode.SHORTCUT).type(javafx.scene.input.KeyCode.K)
                .release(javafx.scene.input.KeyCode.SHORTCUT);
        waitUntil(() -> window.coordinationPanel() != null && robot.lookup("#coordinationPanel").tryQuery()
                .map(n -> n.isVisible() && n.getScene() != null).orElse(false));
        robot.clickOn("#coordinationRun");
        CoordinationPanel panel = onFx(window::coordinationPanel);
        waitUntil(() -> !panel.shownRows().isEmpty());
        Viewport before = onFx(() -> map.viewportProperty().get());
        TableView<?> table = robot.lookup("#findingsTable").queryAs(TableView.class);
        WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().select(0)).get(10, TimeUnit.SECONDS);
        waitUntil(() -> !map.highlight().isEmpty());
        Viewport after = onFx(() -> map.viewportProperty().get());
        assertTrue(after.metresPerPixel() < before.metresPerPixel(), "zoomed in on the finding");
        assertFalse(onFx(map::highlight).isEmpty());
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(condition));
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }
}
