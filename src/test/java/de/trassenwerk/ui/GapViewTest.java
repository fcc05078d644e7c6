package de.trassenwerk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.coverage.GapStatus;
import de.trassenwerk.coverage.SiteGap;
import de.trassenwerk.project.WorkbenchProject;
import de.trassenwerk.render.ThematicOverlay;
import de.trassenwerk.render.Viewport;
import de.trassenwerk.store.ThemeLayers;
import de.trassenwerk.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The gap view in the main window on the sample city, opened and used as a coordinator would. */
@ExtendWith(ApplicationExtension.class)
class GapViewTest {
    private static Path city;
    private MainWindow window;

    @BeforeAll
    static void sampleCity() {
        city = Fixtures.sampleCity(); // read-only: the gap view only reads
    }

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, new WorkbenchProject(), null);
        stage.show();
        window.open(city);
    }

    @Test
    void gapViewShowsSitesChartAndMapColoursAndZoomsToAChosenSite(FxRobot robot) throws Exception {
        MapView map = window.map();
        waitUntil(() -> map.framesShown() >= 1);
        robot.clickOn("#toolGaps");
        waitUntil(() -> window.gapView() != null && !window.gapView().shownRows().isEmpty());
        GapView view = onFx(window::gapView);

        List<SiteGap> rows = onFx(view::shownRows);
        assertTrue(rows.size() > 200, "every commercial site of the sample: " + rows.size());
        assertTrue(rows.stream().anyMatch(SiteGap::underserved), "the sample has under-served sites");
        assertTrue(rows.stream().anyMatch(s -> !s.underserved()), "and served ones");

        List<XYChart.Series<Number, String>> series = onFx(() -> List.copyOf(view.chart().getData()));
        assertEquals(2, series.size(), "sites and hectares");
        int bars = onFx(() -> series.get(0).getData().size());
        assertEquals(7, bars, "one bar per district of Duisburg");
        long charted = onFx(() -> series.get(0).getData().stream().mapToLong(d -> d.getXValue().longValue()).sum());
        assertEquals(rows.stream().filter(SiteGap::underserved).count(), charted);
        assertFalse(robot.lookup("#gapsChart .chart-bar").queryAll().isEmpty(), "bars are drawn");

        ThematicOverlay overlay = onFx(() -> map.thematicOverlay(GapView.OVERLAY_KEY));
        assertNotNull(overlay, "sites coloured on the map");
        assertEquals(ThemeLayers.COMMERCIAL_SITES, overlay.layer());
        assertEquals(rows.size(), overlay.classes().stream().mapToInt(c -> c.geometries().size()).sum());

        Viewport before = onFx(() -> map.viewportProperty().get());
        SiteGap gap = rows.stream().filter(SiteGap::underserved).findFirst().orElseThrow();
        int index = rows.indexOf(gap);
        WaitForAsyncUtils.asyncFx(() -> view.table().getSelectionModel().select(index)).get(10, TimeUnit.SECONDS);
        waitUntil(() -> window.explorer().selection().get().contains(ThemeLayers.COMMERCIAL_SITES, gap.fid()));
        Viewport after = onFx(() -> map.viewportProperty().get());
        assertTrue(after.metresPerPixel() < before.metresPerPixel(), "zoomed in on the site");
        assertTrue(after.envelope().intersects(gap.geometry().getEnvelopeInternal()));
        assertEquals(gap, onFx(() -> window.selectedGapSiteProperty().get()), "other panels see the chosen site");

        robot.clickOn("#gapsOnlyUnderserved");
        WaitForAsyncUtils.waitForFxEvents();
        List<SiteGap> only = onFx(view::shownRows);
        assertTrue(!only.isEmpty() && only.stream().allMatch(SiteGap::underserved));
        assertFalse(robot.lookup("#gapsTable .gap-underserved").queryAll().isEmpty()
                && robot.lookup("#gapsTable .gap-no-coverage").queryAll().isEmpty(), "under-served rows are tinted");
        robot.clickOn("#gapsOnlyUnderserved");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(rows.size(), onFx(view::shownRows).size());
    }

    @Test
    void aLowerThresholdLeavesFewerSitesUnderserved(FxRobot robot) throws Exception {
        MapView map = window.map();
        waitUntil(() -> map.framesShown() >= 1);
        robot.clickOn(map);
        robot.press(javafx.scene.input.KeyCode.SHORTCUT).type(javafx.scene.input.KeyCode.G)
                .release(javafx.scene.input.KeyCode.SHORTCUT);
        waitUntil(() -> window.gapView() != null && view().resultProperty().get() != null);
        long gigabit = onFx(() -> view().resultProperty().get().underserved().size());

        Spinner<?> threshold = robot.lookup("#gapsThreshold").queryAs(Spinner.class);
        robot.doubleClickOn(threshold.getEditor()).eraseText(6).write("100");
        robot.clickOn("#gapsRun");
        waitUntil(() -> view().resultProperty().get().parameters().thresholdMbps() == 100);
        long hundred = onFx(() -> view().resultProperty().get().underserved().size());
        assertTrue(hundred < gigabit, hundred + " under-served below 100 Mbit/s, " + gigabit + " below 1000");
        assertTrue(onFx(() -> view().shownRows().stream()
                .filter(s -> s.gapStatus() != GapStatus.SERVED).count()) == hundred);
    }

    private GapView view() {
        return window.gapView();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(condition));
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }
}
