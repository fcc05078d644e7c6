package de.trassenwerk.ui;

import de.trassenwerk.coordination.AnalysisMonitor;
import de.trassenwerk.coverage.CoverageGaps;
import de.trassenwerk.coverage.SiteGap;
import de.trassenwerk.i18n.Messages;
import de.trassenwerk.i18n.UserFacingException;
import de.trassenwerk.routing.CostClasses;
import de.trassenwerk.routing.CostShare;
import de.trassenwerk.routing.GapPlan;
import de.trassenwerk.routing.PlannedRoutesLayer;
import de.trassenwerk.routing.RoundedCosts;
import de.trassenwerk.routing.Route;
import de.trassenwerk.routing.RoutePlanner;
import de.trassenwerk.routing.RouteRequest;
import de.trassenwerk.routing.RoutingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.locationtech.jts.geom.Envelope;

/**
 * The route planner panel: the request form ({@link RouteForm}) with buttons to plan the route, to plan
 * routes for all under-served sites and to save the best route; the routes found as a table with the
 * breakdown of the chosen one beside it; and "all gaps" as a table of sites with their route's cost and
 * the totals of the network they make together (stretches shared by several routes counted once). The
 * routes are drawn on the map in the colours of their cost classes ({@link RouteDrawings}), the best wide
 * and solid, alternatives thinner and dashed; the tab shown decides whether the map shows the routes of
 * the request or those of all gaps. Failures (a target reachable only through a moratorium, another part
 * of the street network, ...) are shown as the routing's message in the panel.
 *
 * <p>Thread rules: made and used on the FX thread. Building the street graph, planning, finding the
 * under-served sites and saving run as {@link Task}s through the status bar's {@link BackgroundWork}
 * (progress and cancel there), one at a time, in {@link RoutePlanning}, which keeps the graph for the
 * next request. Results come back on the FX thread. {@link #dispose()} cancels a task in flight and
 * takes the routes off the map.
 */
public final class RoutePlannerPanel extends BorderPane {
    private final RoutePlanning planning;
    private final MapView map;
    private final BackgroundWork work;
    private final RouteForm form;
    private final Button run = new Button(Messages.get("ui.route.run"));
    private final Button planAll = new Button(Messages.get("ui.route.planAll"));
    private final Button save = new Button(Messages.get("ui.route.save"));
    private final Label message = new Label();
    private final Button retryWithMoratorium = new Button(Messages.get("ui.route.retryMoratorium"));
    private final RoutesTable routesTable = new RoutesTable();
    private final CostBreakdownView breakdown = new CostBreakdownView("routeBreakdown");
    private final GapRoutesTable gapTable = new GapRoutesTable();
    private final Label gapTotals = new Label();
    private final CostBreakdownView networkBreakdown = new CostBreakdownView("networkBreakdown");
    private final Tab routesTab = new Tab(Messages.get("ui.route.tab.routes"));
    private final Tab gapsTab = new Tab(Messages.get("ui.route.tab.gaps"));
    private final TabPane results = new TabPane(routesTab, gapsTab);
    private final FlowPane legend = new FlowPane(10, 4);
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanProperty saved = new SimpleBooleanProperty(this, "saved");

    private List<Route> routes = List.of();
    private RoutePlanner planner;
    private RoutePlanning.AllGaps allGaps;
    private Task<?> running;
    private Supplier<CoverageGaps.Result> gapResult = () -> null;
    private Consumer<String> onSaved = layer -> { };

    /**
     * A panel on the GeoPackage {@code gpkg} (read-only, except for the moment of saving a route), which
     * draws on and picks points from {@code map} and runs its work through {@code work}.
     */
    public RoutePlannerPanel(Path gpkg, MapView map, BackgroundWork work) {
        this.planning = new RoutePlanning(Objects.requireNonNull(gpkg));
        this.map = Objects.requireNonNull(map);
        this.work = Objects.requireNonNull(work);
        this.form = new RouteForm(map);
        setId("routePlannerPanel");
        form.setOnPrompt(this::info);
        form.setOnPlacesChanged(this::placesChanged);
        routesTable.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> routeChosen(now));
        gapTable.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> gapSiteChosen(now));
        busy.addListener((o, was, now) -> updateSave());
        saved.addListener((o, was, now) -> updateSave());
        SplitPane split = new SplitPane(formColumn(), resultsColumn());
        split.setDividerPositions(0.33);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        setCenter(split);
    }

    /** The form (scrolling when the dock is low) above the buttons, which stay in sight. */
    private VBox formColumn() {
        run.setId("routeRun");
        run.setDefaultButton(true);
        run.setOnAction(e -> plan());
        planAll.setId("routePlanAll");
        planAll.setTooltip(new Tooltip(Messages.get("ui.route.planAll.tooltip")));
        planAll.setOnAction(e -> planAllGaps());
        save.setId("routeSave");
        save.setTooltip(new Tooltip(Messages.get("ui.route.save.tooltip")));
        save.setOnAction(e -> saveBest());
        run.disableProperty().bind(busy);
        planAll.disableProperty().bind(busy);
        save.setDisable(true);
        FlowPane buttons = new FlowPane(8, 6, run, planAll, save);
        buttons.setPadding(new Insets(6, 8, 6, 8));
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox column = new VBox(scroll, buttons);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        column.setMinWidth(300);
        column.setPrefWidth(370);
        return column;
    }

    /** The message (as wide as the results: room for reasons), the two result tabs, and the map's legend. */
    private VBox resultsColumn() {
        message.setId("routeMessage");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.setMaxWidth(Double.MAX_VALUE);
        retryWithMoratorium.setId("routeRetryMoratorium");
        retryWithMoratorium.setMinWidth(Region.USE_PREF_SIZE);
        retryWithMoratorium.setOnAction(e -> {
            form.setAllowMoratorium(true);
            plan();
        });
        retryWithMoratorium.disableProperty().bind(busy);
        showRetry(false);
        HBox messageBar = new HBox(8, message, retryWithMoratorium);
        messageBar.setAlignment(Pos.CENTER_LEFT);
        messageBar.setPadding(new Insets(4, 8, 4, 8));
        HBox.setHgrow(message, Priority.ALWAYS);

        routesTab.setId("routesTab");
        routesTab.setContent(split(routesTable, breakdown, 0.5));
        gapsTab.setId("gapRoutesTab");
        gapTotals.setId("gapRoutesTotals");
        gapTotals.setWrapText(true);
        gapTotals.setMinHeight(Region.USE_PREF_SIZE);
        gapTotals.setPadding(new Insets(4, 8, 4, 8));
        SplitPane gapSplit = split(gapTable, networkBreakdown, 0.56);
        VBox gapsPane = new VBox(gapTotals, gapSplit);
        VBox.setVgrow(gapSplit, Priority.ALWAYS);
        gapsTab.setContent(gapsPane);
        results.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        results.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> drawRoutes());

        legend.setId("routeLegend");
        legend.setPadding(new Insets(4, 8, 4, 8));
        VBox column = new VBox(messageBar, results, legend);
        VBox.setVgrow(results, Priority.ALWAYS);
        return column;
    }

    private static SplitPane split(javafx.scene.Node a, javafx.scene.Node b, double divider) {
        SplitPane s = new SplitPane(a, b);
        s.setOrientation(Orientation.HORIZONTAL);
        s.setDividerPositions(divider);
        return s;
    }

    /** The panel's title in the user's language, for a tab or menu. */
    public static String title() {
        return Messages.get("ui.route.title");
    }

    /**
     * Offers the site chosen in the gap view as a start, and plans "all gaps" from the gap view's last
     * result ({@code result} may give null: the panel then finds the under-served sites itself).
     */
    public void followGapView(ObservableValue<SiteGap> chosen, Supplier<CoverageGaps.Result> result) {
        form.followGapView(chosen);
        gapResult = result == null ? () -> null : result;
    }

    /** Called on the FX thread with the layer a route was saved into, after the save committed. */
    public void setOnSaved(Consumer<String> handler) {
        onSaved = handler == null ? layer -> { } : handler;
    }

    /** Builds the street graph with the settings shown, in the background, so that the first route is quick. */
    public void prepare() {
        RoutePlanning.Settings settings = form.settings();
        start("route-graph", new Work<RoutePlanner>(Messages.get("ui.route.loading")) {
            @Override
            protected RoutePlanner call() {
                return planning.planner(settings, monitor());
            }
        }, p -> {
            usePlanner(p);
            info(Messages.get("ui.route.ready", p.graph().nodeCount(), p.siteNumbers().size(),
                    p.networkNodes().size()));
        });
    }

    /** Cancels work in flight, ends a pick and takes the routes off the map; the panel is not used afterwards. */
    public void dispose() {
        if (running != null) {
            running.cancel();
        }
        map.cancelPointPick();
        map.setRouteDrawing(null);
    }

    // ---------------------------------------------------------------- planning one route

    /** Plans the route the form describes (FX thread); the table, breakdown and map follow when it is done. */
    public void plan() {
        RouteRequest request;
        try {
            request = form.request();
        } catch (UserFacingException | IllegalArgumentException e) {
            error(describe(e));
            return;
        }
        RoutePlanning.Settings settings = form.settings();
        start("route-planner", new Work<RoutePlanning.Planned>(Messages.get("ui.route.running")) {
            @Override
            protected RoutePlanning.Planned call() {
                return planning.plan(settings, request, monitor());
            }
        }, planned -> showRoutes(planned, request));
    }

    private void showRoutes(RoutePlanning.Planned planned, RouteRequest request) {
        usePlanner(planned.planner());
        routes = planned.routes();
        saved.set(false);
        routesTable.getItems().setAll(routes);
        results.getSelectionModel().select(routesTab);
        routesTable.getSelectionModel().select(0);
        Route best = routes.get(0);
        RoundedCosts costs = RoundedCosts.of(best.breakdown());
        StringBuilder text = new StringBuilder(Messages.get("ui.route.done", routes.size(), best.fromRef(),
                best.toRef(), RouteNumbers.metres(costs.lengthM()), RouteNumbers.euros(costs.costEur())));
        CostShare dug = best.breakdown().get(CostClasses.MORATORIUM_TRENCH);
        if (best.moratorium() && dug != null) {
            text.append(' ').append(Messages.get("ui.route.done.moratorium", RouteNumbers.metres(dug.m())));
        }
        if (routes.size() < request.routes()) {
            text.append(' ').append(Messages.get("ui.route.done.fewer", routes.size(), request.routes()));
        }
        info(text.toString());
        drawRoutes();
        zoomTo(RouteDrawings.extent(routes));
    }

    private void routeChosen(Route r) {
        breakdown.show(r == null ? null : Messages.get("ui.route.breakdown.of", r.rank()), r == null ? null
                : r.breakdown());
        if (results.getSelectionModel().getSelectedItem() == routesTab) {
            drawRoutes();
        }
    }

    /** Start or end changed: the routes shown are no longer those of the form; the map shows the new places. */
    private void placesChanged() {
        if (!routes.isEmpty()) {
            routes = List.of();
            routesTable.getItems().clear();
            saved.set(false);
        }
        if (results.getSelectionModel().getSelectedItem() == routesTab) {
            drawRoutes();
        } else {
            results.getSelectionModel().select(routesTab); // draws the routes tab's places
        }
    }

    // ---------------------------------------------------------------- all gaps

    /** Plans a route from every under-served site to its cheapest PoP or cabinet (FX thread). */
    public void planAllGaps() {
        RoutePlanning.Settings settings = form.settings();
        boolean allow = form.allowMoratorium();
        CoverageGaps.Result gaps = gapResult.get();
        start("route-all-gaps", new Work<RoutePlanning.AllGaps>(Messages.get("ui.route.planAll.running")) {
            @Override
            protected RoutePlanning.AllGaps call() {
                return planning.planAllGaps(settings, allow, gaps, monitor());
            }
        }, this::showAllGaps);
    }

    private void showAllGaps(RoutePlanning.AllGaps all) {
        usePlanner(all.planner());
        allGaps = all;
        GapPlan plan = all.plan();
        gapTable.show(plan, all.sites());
        RoundedCosts sum = RoundedCosts.of(plan.sum().breakdown());
        RoundedCosts network = RoundedCosts.of(plan.network().breakdown());
        gapTotals.setText(Messages.get("ui.route.gaps.count", all.sites().size(), plan.routes().size(),
                plan.failures().size()) + " " + Messages.get("ui.route.gaps.network",
                RouteNumbers.kilometres(network.lengthM()), RouteNumbers.euros(network.costEur()),
                RouteNumbers.kilometres(sum.lengthM()), RouteNumbers.euros(sum.costEur()),
                RouteNumbers.euros(sum.costEur() - network.costEur())));
        networkBreakdown.show(Messages.get("ui.route.gaps.breakdown"), plan.network().breakdown());
        info(Messages.get("ui.route.gaps.done", plan.routes().size(), RouteNumbers.euros(network.costEur())));
        results.getSelectionModel().select(gapsTab);
        drawRoutes();
        zoomTo(RouteDrawings.extent(plan.routes().stream().map(GapPlan.SiteRoute::route).toList()));
    }

    private void gapSiteChosen(GapRoutesTable.Row row) {
        if (row == null) {
            return;
        }
        Envelope e = row.route() != null ? RouteDrawings.extent(List.of(row.route()))
                : row.site() == null ? null : row.site().geometry().getEnvelopeInternal();
        zoomTo(e);
    }

    // ---------------------------------------------------------------- saving

    /** Saves the best route shown as a draft planned route (FX thread starts it; one transaction). */
    public void saveBest() {
        if (routes.isEmpty() || planner == null) {
            return;
        }
        Route best = routes.get(0);
        int srs = planner.srsId();
        start("route-save", new Work<Long>(Messages.get("ui.route.saving")) {
            @Override
            protected Long call() {
                return planning.saveDraft(best, srs);
            }
        }, fid -> {
            saved.set(true);
            RoundedCosts costs = RoundedCosts.of(best.breakdown());
            info(Messages.get("ui.route.saved", best.fromRef(), best.toRef(), RouteNumbers.metres(costs.lengthM()),
                    RouteNumbers.euros(costs.costEur()), PlannedRoutesLayer.LAYER, Long.toString(fid)));
            message.getStyleClass().add("route-message-done");
            onSaved.accept(PlannedRoutesLayer.LAYER);
        });
    }

    private void updateSave() {
        save.setDisable(busy.get() || routes.isEmpty() || saved.get());
    }

    // ---------------------------------------------------------------- map

    private void drawRoutes() {
        if (results.getSelectionModel().getSelectedItem() == gapsTab) {
            map.setRouteDrawing(allGaps == null ? null : RouteDrawings.gapPlan(allGaps.plan()));
            showLegend(allGaps == null ? List.of()
                    : allGaps.plan().routes().stream().map(GapPlan.SiteRoute::route).toList());
            return;
        }
        Route chosen = routesTable.getSelectionModel().getSelectedItem();
        map.setRouteDrawing(RouteDrawings.routes(routes, chosen == null ? 1 : chosen.rank(), form.startMarker(),
                form.endMarker()));
        showLegend(routes);
        updateSave();
    }

    /** The map's legend: the colours of the cost classes drawn, and the line styles when there are alternatives. */
    private void showLegend(List<Route> drawn) {
        legend.getChildren().clear();
        if (drawn.isEmpty()) {
            return;
        }
        legend.getChildren().add(new Label(Messages.get("ui.route.legend")));
        for (String c : classesOf(drawn)) {
            Rectangle swatch = new Rectangle(18, 6, CostClassStyle.fx(c));
            swatch.setStroke(Color.rgb(30, 30, 30));
            legend.getChildren().add(new Label(CostClassStyle.label(c), swatch));
        }
        if (drawn.size() > 1 && drawn.get(1).rank() > 1) {
            legend.getChildren().add(new Label(Messages.get("ui.route.legend.lines")));
        }
    }

    /** The cost classes the routes use, in the order they first appear (breakdown order per route). */
    private static List<String> classesOf(List<Route> rs) {
        List<String> out = new ArrayList<>();
        for (Route r : rs) {
            for (String c : r.breakdown().keySet()) {
                if (!out.contains(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private void zoomTo(Envelope e) {
        if (e != null) {
            Envelope wider = new Envelope(e);
            wider.expandBy(Math.max(100, Math.max(e.getWidth(), e.getHeight()) * 0.15));
            map.zoomTo(wider);
        }
    }

    private void usePlanner(RoutePlanner p) {
        planner = p;
        form.usePlanner(p);
    }

    // ---------------------------------------------------------------- running work

    /** A task of this panel, with a monitor that reports to its progress and asks whether it was cancelled. */
    private abstract static class Work<T> extends Task<T> {
        Work(String title) {
            updateTitle(title);
        }

        AnalysisMonitor monitor() {
            return new AnalysisMonitor() {
                @Override
                public void progress(double fraction) {
                    updateProgress(fraction, 1);
                }

                @Override
                public boolean isCancelled() {
                    return Work.this.isCancelled();
                }
            };
        }
    }

    private <T> void start(String name, Work<T> task, Consumer<T> done) {
        if (busy.get()) {
            return;
        }
        running = task;
        busy.set(true);
        info(task.getTitle());
        task.setOnSucceeded(e -> finished(task, () -> done.accept(task.getValue())));
        task.setOnFailed(e -> finished(task, () -> failed(task.getException())));
        task.setOnCancelled(e -> finished(task, () -> info(Messages.get("ui.route.cancelled"))));
        work.run(name, task);
    }

    private void finished(Task<?> task, Runnable then) {
        if (task != running) {
            return;
        }
        running = null;
        busy.set(false);
        then.run();
    }

    private void failed(Throwable e) {
        if (e instanceof CancellationException) {
            info(Messages.get("ui.route.cancelled"));
            return;
        }
        routes = List.of();
        routesTable.getItems().clear();
        drawRoutes();
        error(describe(e));
        showRetry(e instanceof RoutingException r && r.key().startsWith("routing.error.moratoriumOnly")
                && !form.allowMoratorium());
    }

    /** Offers, beside a message that only a moratorium street leads to the target, to allow it and plan again. */
    private void showRetry(boolean show) {
        retryWithMoratorium.setVisible(show);
        retryWithMoratorium.setManaged(show);
    }

    private static String describe(Throwable e) {
        if (e instanceof UserFacingException u) {
            return u.localizedMessage();
        }
        return Messages.get("ui.route.failed", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private void info(String text) {
        showRetry(false);
        message.getStyleClass().removeAll("route-message-error", "route-message-done");
        message.setText(text);
    }

    private void error(String text) {
        info(text);
        message.getStyleClass().add("route-message-error");
    }

    // ---------------------------------------------------------------- for tests

    /** The message line's text. */
    String messageText() {
        return message.getText();
    }

    /** Whether a task of this panel runs. */
    boolean isBusy() {
        return busy.get();
    }

    List<Route> shownRoutes() {
        return List.copyOf(routesTable.getItems());
    }

    CostBreakdownView breakdownView() {
        return breakdown;
    }

    CostBreakdownView networkBreakdownView() {
        return networkBreakdown;
    }

    List<GapRoutesTable.Row> shownGapRows() {
        return gapTable.shownRows();
    }

    String gapTotalsText() {
        return gapTotals.getText();
    }

    RouteForm form() {
        return form;
    }
}
