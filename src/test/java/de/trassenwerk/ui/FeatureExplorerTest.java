package de.trassenwerk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.project.WorkbenchProject;
import de.trassenwerk.render.Viewport;
import de.trassenwerk.store.AttributeFilter;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.ThemeLayers;
import de.trassenwerk.testing.Fixtures;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The attribute table, selection, identify and search of the real window on the sample city. */
@ExtendWith(ApplicationExtension.class)
class FeatureExplorerTest {
    private MainWindow window;
    private MapView map;
    private AttributeTable table;

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
        Fixtures.sampleCity(); // generated here, not on the FX thread, where it would outlast the set-up timeout
    }

    @AfterAll
    static void restore() {
        Messages.setLocale(Messages.defaultLocale());
    }

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, new WorkbenchProject(), null);
        stage.show();
        window.open(Fixtures.sampleCity());
        map = window.map();
        table = window.explorer().table();
    }

    @Test
    void tableOfStreetsSortsFiltersAndCountsInTheStore(FxRobot robot) throws Exception {
        openStreetsTable(robot);
        long streets;
        Feature firstByName;
        Feature lastByWidth;
        long named;
        try (GeoPackageStore s = GeoPackageStore.open(Fixtures.sampleCity(), GeoPackageStore.Mode.READ_ONLY)) {
            streets = s.count(ThemeLayers.STREETS, Query.ALL);
            firstByName = s.read(ThemeLayers.STREETS, Query.ALL.orderedBy("name", true).page(0, 1)).get(0);
            lastByWidth = s.read(ThemeLayers.STREETS, Query.ALL.orderedBy("width_m", false).page(0, 1)).get(0);
            named = s.count(ThemeLayers.STREETS, Query.where(new AttributeFilter.Or(List.of(
                    new AttributeFilter.Like("name", "%Düsseldorfer%")))));
        }
        String all = String.format(Locale.ENGLISH, "%,d of %,d rows", streets, streets);
        waitUntil(() -> table.rowCountText().equals(all));

        AttributeTablePagingTest.clickColumnName(robot, "name");
        waitUntil(() -> firstRowFid() == firstByName.fid());
        AttributeTablePagingTest.clickColumnName(robot, "width_m");
        AttributeTablePagingTest.clickColumnName(robot, "width_m");
        waitUntil(() -> firstRowFid() == lastByWidth.fid());

        robot.clickOn("#filter-name").write("düsseldorfer");
        waitUntil(() -> table.rowCountText().equals(String.format(Locale.ENGLISH, "%,d of %,d rows", named, streets)));
        robot.clickOn("#tableSearch").write("zzzz-nowhere");
        waitUntil(() -> table.rowCountText().startsWith("0 of"));
    }

    @Test
    void aRowSelectedInTheTableIsHighlightedOnTheMapAndAMapPickSelectsItsRow(FxRobot robot) throws Exception {
        openStreetsTable(robot);
        waitUntil(() -> firstRowFid() > 0);
        Node firstRow = robot.lookup(".table-row-cell").match((TableRow<?> r) -> r.getIndex() == 0).query();
        robot.clickOn(firstRow);
        long fid = onFx(() -> table.tableView().getSelectionModel().getSelectedItem().fid());
        Feature street = street(fid);
        waitUntil(() -> map.highlight().size() == 1);
        assertTrue(onFx(() -> map.highlight().get(0).equalsExact(street.geometry())));
        robot.clickOn("#tableZoomToSelection");
        waitUntil(() -> map.viewportProperty().get().envelope().contains(street.geometry().getEnvelopeInternal()));

        // back: the select tool picks another street on the map, and its row is selected and shown
        Feature other = street(onFx(() -> (long) table.tableView().getItems().size()) / 2);
        Coordinate middle = new LengthIndexedLine(other.geometry()).extractPoint(other.geometry().getLength() / 2);
        onFx(() -> {
            map.zoomTo(new Envelope(middle.x - 30, middle.x + 30, middle.y - 30, middle.y + 30));
            return null;
        });
        robot.clickOn("#toolSELECT");
        robot.clickOn(screenPoint(middle.x, middle.y));
        waitUntil(() -> window.explorer().selection().get().fids().equals(Set.of(other.fid())));
        waitUntil(() -> {
            AttributeRow selected = table.tableView().getSelectionModel().getSelectedItem();
            return selected != null && selected.isLoaded() && selected.fid() == other.fid();
        });
        int index = onFx(() -> table.tableView().getSelectionModel().getSelectedIndex());
        waitUntil(() -> rowShown(table.tableView(), index));
        waitUntil(() -> map.highlight().size() == 1 && map.highlight().get(0).equalsExact(other.geometry()));
    }

    @Test
    void identifyShowsTheAttributesOfTheSiteUnderTheCursorAndSelectsIt(FxRobot robot) throws Exception {
        waitUntil(() -> map.framesShown() >= 1);
        Feature site;
        try (GeoPackageStore s = GeoPackageStore.open(Fixtures.sampleCity(), GeoPackageStore.Mode.READ_ONLY)) {
            site = s.read(ThemeLayers.COMMERCIAL_SITES, Query.ALL.page(5, 1)).get(0);
        }
        Point inside = site.geometry().getInteriorPoint();
        onFx(() -> {
            map.zoomTo(site.geometry().getEnvelopeInternal());
            return null;
        });
        robot.clickOn("#toolIDENTIFY");
        robot.clickOn(screenPoint(inside.getX(), inside.getY()));
        IdentifyPanel panel = window.explorer().identifyPanel();
        waitUntil(() -> panel.tree().getRoot() != null && !panel.tree().getRoot().getChildren().isEmpty());
        TreeItem<IdentifyPanel.Entry> siteItem = onFx(() -> panel.tree().getRoot().getChildren().stream()
                .flatMap(layer -> layer.getChildren().stream())
                .filter(f -> ThemeLayers.COMMERCIAL_SITES.equals(f.getValue().layer())).findFirst().orElseThrow());
        assertEquals(site.fid(), siteItem.getValue().fid());
        List<String> pairs = onFx(() -> siteItem.getChildren().stream()
                .map(a -> a.getValue().label() + "=" + a.getValue().value()).toList());
        assertTrue(pairs.contains("site_no=" + site.getString("site_no")), pairs.toString());
        assertTrue(pairs.contains("name=" + site.getString("name")), pairs.toString());
        assertTrue(robot.lookup("#identifyTree").query().isVisible(), "the identify tab is shown");

        robot.clickOn(robot.lookup(".tree-table-row-cell").match((javafx.scene.control.TreeTableRow<?> r) ->
                r.getTreeItem() == siteItem).queryAs(Node.class));
        waitUntil(() -> window.explorer().selection().get().contains(ThemeLayers.COMMERCIAL_SITES, site.fid()));
        waitUntil(() -> map.highlight().size() == 1 && map.highlight().get(0).equalsExact(site.geometry()));
    }

    @Test
    void searchBoxZoomsToTheQuarterFound(FxRobot robot) throws Exception {
        waitUntil(() -> map.framesShown() >= 1);
        robot.clickOn("#searchBox").write("altstad");
        SearchBox box = window.explorer().searchBox();
        waitUntil(() -> !box.shownSuggestions().isEmpty());
        assertEquals("Altstadt (501)", onFx(() -> box.shownSuggestions().get(0).title()));
        assertTrue(robot.lookup((Node n) -> n instanceof ListCell<?> c && c.isVisible()
                && c.getItem() != null && c.getGraphic() != null).tryQuery().isPresent(), "the list of hits is shown");
        Envelope quarter = onFx(() -> box.shownSuggestions().get(0).envelope());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> map.viewportProperty().get().envelope().contains(quarter));
        Viewport vp = onFx(() -> map.viewportProperty().get());
        assertTrue(vp.envelope().getWidth() < quarter.getWidth() * 3 || vp.envelope().getHeight() < quarter.getHeight() * 3,
                "zoomed to the quarter, not the whole city: " + vp);
        waitUntil(() -> ThemeLayers.QUARTERS.equals(window.explorer().selection().get().layer()));
    }

    // ------------------------------------------------------------------ helpers

    private void openStreetsTable(FxRobot robot) throws Exception {
        waitUntil(() -> map.framesShown() >= 1);
        String title = Messages.get("ui.layer.streets");
        Node cell = robot.lookup((Node n) -> n instanceof javafx.scene.control.TreeCell<?> c && title.equals(c.getText())).query();
        robot.clickOn(cell);
        robot.type(KeyCode.F6); // opens the dock on the attribute table
        waitUntil(() -> robot.lookup("#attributeTableView").tryQuery().map(Node::isVisible).orElse(false));
        waitUntil(() -> ThemeLayers.STREETS.equals(table.layerProperty().get()) && !table.rowCountText().isEmpty());
    }

    private long firstRowFid() {
        TableView<AttributeRow> t = table.tableView();
        if (t.getItems().isEmpty()) {
            return -1;
        }
        AttributeRow r = t.getItems().get(0);
        return r.isLoaded() ? r.fid() : -1;
    }

    private static boolean rowShown(TableView<AttributeRow> t, int index) {
        return t.lookupAll(".table-row-cell").stream().map(n -> (TableRow<?>) n)
                .anyMatch(r -> r.getIndex() == index && r.isVisible() && r.getItem() != null);
    }

    private static Feature street(long fid) {
        try (GeoPackageStore s = GeoPackageStore.open(Fixtures.sampleCity(), GeoPackageStore.Mode.READ_ONLY)) {
            return s.read(ThemeLayers.STREETS, Query.where(AttributeFilter.eq("fid", fid))).get(0);
        }
    }

    /** Where map point (x, y) lies on the screen, once the map shows the view asked for. */
    private Point2D screenPoint(double x, double y) throws Exception {
        return onFx(() -> {
            Viewport vp = map.viewportProperty().get();
            return map.localToScreen(vp.toPixelX(x), vp.toPixelY(y));
        });
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(condition));
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }
}
