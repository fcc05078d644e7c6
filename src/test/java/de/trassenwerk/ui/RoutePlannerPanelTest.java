package de.trassenwerk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.coordination.AnalysisMonitor;
import de.trassenwerk.coordination.CoordinationParameters;
import de.trassenwerk.coordination.CostModel;
import de.trassenwerk.project.WorkbenchProject;
import de.trassenwerk.render.RouteDrawing;
import de.trassenwerk.routing.Destination;
import de.trassenwerk.routing.Origin;
import de.trassenwerk.routing.PlannedRoutesLayer;
import de.trassenwerk.routing.RoundedCosts;
import de.trassenwerk.routing.Route;
import de.trassenwerk.routing.RoutePlanner;
import de.trassenwerk.routing.RouteRequest;
import de.trassenwerk.routing.RoutingException;
import de.trassenwerk.sample.SampleCityGenerator;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.ThemeLayers;
import de.trassenwerk.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The route planner in the main window on the sample city, used as a broadband coordinator would. */
@ExtendWith(ApplicationExtension.class)
class RoutePlannerPanelTest {
    /** A site with a planned connection in the sample city, whose cheapest node is reachable. */
    private static final String SITE = "DU-0046";

    @TempDir
    static Path dir;
    private static Path city;
    /** A site and a named node between which only streets under moratorium lead, and what the planner says. */
    private static String closedSite;
    private static String closedNode;
    private static String closedMessage;
    private MainWindow window;

    @BeforeAll
    static void sampleCity() throws Exception {
        city = dir.resolve("city.gpkg");
        Files.copy(Fixtures.sampleCity(), city); // a saved route goes into the file
        try (GeoPackageStore store = GeoPackageStore.open(city, GeoPackageStore.Mode.READ_ONLY)) {
            RoutePlanner planner = RoutePlanner.load(store, "city.gpkg",
                    CoordinationParameters.defaults(SampleCityGenerator.DEFAULT_REFERENCE_DATE), CostModel.DEFAULT,
                    AnalysisMonitor.NONE);
            for (Feature f : store.read(ThemeLayers.PLANNED_ROUTES, Query.ALL)) {
                try {
                    planner.plan(RouteRequest.of(Origin.site(f.getString("from_ref")),
                            Destination.node(f.getString("to_ref"))));
                } catch (RoutingException e) {
                    if (e.key().equals("routing.error.moratoriumOnly") && closedSite == null) {
                        closedSite = f.getString("from_ref");
                        closedNode = f.getString("to_ref");
                        closedMessage = e.localizedMessage();
                    }
                }
            }
        }
        assertNotNull(closedSite, "the sample city has connections that only a moratorium street reaches");
    }

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, new WorkbenchProject(), null);
        stage.show();
        window.open(city);
    }

    /** Opens the panel with its shortcut and waits until the street graph is built. */
    private RoutePlannerPanel openPanel(FxRobot robot) throws Exception {
        MapView map = window.map();
        waitUntil(() -> map.framesShown() >= 1);
        robot.clickOn(map);
        robot.press(KeyCode.SHORTCUT).type(KeyCode.R).release(KeyCode.SHORTCUT);
        waitUntil(() -> window.routePlannerPanel() != null);
        RoutePlannerPanel panel = onFx(window::routePlannerPanel);
        ComboBox<String> sites = robot.lookup("#routeSiteBox").queryComboBox();
        waitUntil(() -> !panel.isBusy() && sites.getItems().contains(SITE));
        return panel;
    }

    @Test
    void aRouteFromASiteToTheCheapestNodeIsListedDrawnBrokenDownAndSaved(FxRobot robot) throws Exception {
        RoutePlannerPanel panel = openPanel(robot);
        ComboBox<String> sites = robot.lookup("#routeSiteBox").queryComboBox();
        robot.clickOn(sites.getEditor()).write(SITE);
        robot.clickOn("#routeToNearest");
        robot.clickOn("#routeRun");
        waitUntil(() -> !panel.isBusy() && !panel.shownRoutes().isEmpty());

        List<Route> routes = onFx(panel::shownRoutes);
        assertTrue(routes.size() >= 1 && routes.size() <= 3, "the best route and up to two alternatives");
        assertEquals(SITE, routes.get(0).fromRef());
        for (int i = 1; i < routes.size(); i++) {
            assertTrue(routes.get(i).costEur() >= routes.get(i - 1).costEur(), "ranked by cost");
        }

        CostBreakdownView breakdown = onFx(panel::breakdownView);
        List<CostBreakdownView.Row> rows = onFx(breakdown::rows);
        RoundedCosts total = onFx(breakdown::totals);
        assertFalse(rows.isEmpty());
        assertEquals(total.costEur(), rows.stream().mapToLong(CostBreakdownView.Row::eur).sum(),
                "the breakdown adds up to the total shown");
        assertEquals(total.lengthM(), rows.stream().mapToDouble(CostBreakdownView.Row::m).sum(), 0.05);
        assertEquals(RoundedCosts.of(routes.get(0).breakdown()).costEur(), total.costEur(), "route 1 is broken down");
        String shownTotal = onFx(breakdown::totalText);
        assertTrue(shownTotal.contains(RouteNumbers.euros(total.costEur())), shownTotal);

        RouteDrawing drawn = onFx(() -> window.map().routeDrawing());
        assertEquals(routes.size(), drawn.tracks().size(), "every route is on the map");
        assertFalse(drawn.tracks().get(drawn.tracks().size() - 1).dashed(), "the best on top, solid");
        assertEquals(2, drawn.markers().size(), "start and end");

        long before = countPlannedRoutes();
        int frames = onFx(() -> window.map().framesShown());
        robot.clickOn("#routeSave");
        waitUntil(() -> !panel.isBusy() && panel.messageText().contains(PlannedRoutesLayer.LAYER));
        assertEquals(before + 1, countPlannedRoutes(), "one draft more in the file");
        try (GeoPackageStore store = GeoPackageStore.open(city, GeoPackageStore.Mode.READ_ONLY)) {
            Feature saved = store.read(ThemeLayers.PLANNED_ROUTES, Query.ALL.orderedBy("fid", false)).get(0);
            assertEquals(SITE, saved.getString("from_ref"));
            assertEquals(PlannedRoutesLayer.DRAFT, saved.getString("status"));
            assertEquals((double) total.costEur(), saved.getDouble("cost_eur"));
        }
        assertTrue(robot.lookup("#routeSave").query().isDisabled(), "saved once");
        waitUntil(() -> window.map().framesShown() > frames); // the map draws the file's new route
    }

    @Test
    void aTargetOnlyAMoratoriumReachesIsExplainedInThePanel(FxRobot robot) throws Exception {
        RoutePlannerPanel panel = openPanel(robot);
        robot.clickOn(robot.lookup("#routeSiteBox").queryComboBox().getEditor()).write(closedSite);
        robot.clickOn("#routeToNode");
        robot.clickOn(robot.lookup("#routeNodeBox").queryComboBox().getEditor()).write(closedNode);
        robot.clickOn("#routeRun");
        waitUntil(() -> !panel.isBusy() && panel.messageText().equals(closedMessage));
        assertTrue(onFx(panel::shownRoutes).isEmpty(), "no route listed");
        assertTrue(robot.lookup("#routeMessage").query().getStyleClass().contains("route-message-error"));

        robot.clickOn("#routeRetryMoratorium"); // the message offers to allow it and plan again
        waitUntil(() -> !panel.isBusy() && !panel.shownRoutes().isEmpty());
        assertTrue(onFx(panel::shownRoutes).get(0).moratorium(), "allowed, the route digs and is flagged");
        assertTrue(robot.lookup("#routeAllowMoratorium").queryAs(javafx.scene.control.CheckBox.class).isSelected(),
                "the form says so");
        assertFalse(robot.lookup("#routeRetryMoratorium").query().isVisible());
    }

    @Test
    void planningAllGapsShowsEverySiteAndTheNetworkTotals(FxRobot robot) throws Exception {
        RoutePlannerPanel panel = openPanel(robot);
        robot.clickOn("#routePlanAll");
        waitUntil(() -> !panel.isBusy() && !panel.shownGapRows().isEmpty());

        List<GapRoutesTable.Row> rows = onFx(panel::shownGapRows);
        assertTrue(rows.stream().allMatch(r -> r.site() != null && r.site().underserved()));
        List<GapRoutesTable.Row> routed = rows.stream().filter(r -> r.route() != null).toList();
        assertTrue(routed.size() > rows.size() / 2, routed.size() + " of " + rows.size() + " sites routed");
        assertTrue(rows.stream().filter(r -> r.route() == null).allMatch(r -> !r.note().isBlank() && r.reason() != null),
                "a site without a route says why");

        CostBreakdownView network = onFx(panel::networkBreakdownView);
        RoundedCosts total = onFx(network::totals);
        assertEquals(total.costEur(), onFx(network::rows).stream().mapToLong(CostBreakdownView.Row::eur).sum());
        long sumOfRoutes = routed.stream().mapToLong(GapRoutesTable.Row::costEur).sum();
        assertTrue(total.costEur() > 0 && total.costEur() <= sumOfRoutes,
                "shared stretches counted once: " + total.costEur() + " ≤ " + sumOfRoutes);
        String totals = onFx(panel::gapTotalsText);
        assertTrue(totals.contains(RouteNumbers.euros(total.costEur())), totals);

        RouteDrawing drawn = onFx(() -> window.map().routeDrawing());
        assertEquals(routed.size(), drawn.tracks().size(), "all routes on the map");
        robot.clickOn("#routesTab");
        assertNotEquals(drawn, onFx(() -> window.map().routeDrawing()), "the routes tab shows its own routes");
    }

    @Test
    void aStartPickedOnTheMapIsTakenAndEscCancelsAPick(FxRobot robot) throws Exception {
        RoutePlannerPanel panel = openPanel(robot);
        MapView map = window.map();
        robot.clickOn("#routePickStart");
        assertEquals(MapTool.PICK_POINT, onFx(() -> map.toolProperty().get()));
        Point2D centre = map.localToScreen(map.getWidth() / 2, map.getHeight() / 2);
        robot.clickOn(centre);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(MapTool.PAN, onFx(() -> map.toolProperty().get()), "back to the tool before");
        ToggleButton pickStart = robot.lookup("#routePickStart").queryAs(ToggleButton.class);
        assertFalse(pickStart.isSelected());
        String start = robot.lookup("#routeStartLabel").queryLabeled().getText();
        String site = onFx(() -> robot.lookup("#routeSiteBox").queryComboBox().getEditor().getText());
        assertTrue(!start.equals("–") || !site.isBlank(), "a point or the site clicked into is the start");
        assertEquals(1, onFx(() -> map.routeDrawing().markers().size()), "marker A");

        robot.clickOn("#routePickEnd");
        assertEquals(MapTool.PICK_POINT, onFx(() -> map.toolProperty().get()));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(MapTool.PAN, onFx(() -> map.toolProperty().get()));
        assertFalse(robot.lookup("#routePickEnd").queryAs(ToggleButton.class).isSelected());
        assertEquals("–", robot.lookup("#routeEndLabel").queryLabeled().getText(), "nothing picked");
        assertFalse(panel.isBusy());
    }

    private static long countPlannedRoutes() {
        try (GeoPackageStore store = GeoPackageStore.open(city, GeoPackageStore.Mode.READ_ONLY)) {
            return store.count(ThemeLayers.PLANNED_ROUTES, Query.ALL);
        }
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> onFx(condition));
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }
}
