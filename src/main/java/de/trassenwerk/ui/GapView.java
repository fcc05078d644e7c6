package de.trassenwerk.ui;

import de.trassenwerk.coordination.AnalysisMonitor;
import de.trassenwerk.coverage.CoverageGaps;
import de.trassenwerk.coverage.DistrictGapSummary;
import de.trassenwerk.coverage.GapParameters;
import de.trassenwerk.coverage.GapStatus;
import de.trassenwerk.coverage.SiteGap;
import de.trassenwerk.i18n.Messages;
import de.trassenwerk.i18n.UserFacingException;
import de.trassenwerk.render.ThematicOverlay;
import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.store.ThemeLayers;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.locationtech.jts.geom.Geometry;

/**
 * The gap view: coverage gaps of commercial land. A threshold and a run button; the sites as a sortable
 * table (under-served rows tinted, a filter for only those), a bar chart of under-served sites and
 * hectares by district, and a legend of the colours in which the map shows the sites by gap status
 * ({@link #mapOverlay}). Choosing a row hands the site to the callback set with {@link #setOnSiteChosen}
 * (the main window zooms to it and selects it) and makes it the {@link #selectedSiteProperty() selected
 * site}, which other panels (the route planner) may read.
 *
 * <p>Thread rules: made and used on the FX thread. The analysis runs as a {@link Task} through the status
 * bar's {@link BackgroundWork} (progress and cancel there), reading the store on that task's thread;
 * results come back on the FX thread. {@link #dispose()} cancels a run in flight.
 */
public final class GapView extends BorderPane {
    /** The key of this view's overlay on the map. */
    public static final String OVERLAY_KEY = "coverage-gaps";
    /** Colours by gap status (RGB), shared by the map overlay, the legend and the table's tint. */
    private static final Map<GapStatus, int[]> COLOURS = new EnumMap<>(Map.of(
            GapStatus.SERVED, new int[] {26, 152, 80},
            GapStatus.UNDERSERVED, new int[] {215, 48, 31},
            GapStatus.NO_COVERAGE, new int[] {122, 1, 119}));

    private final FeatureStore store;
    private final String source;
    private final BackgroundWork work;
    private final Spinner<Integer> threshold = new Spinner<>(1, GapParameters.MAX_THRESHOLD_MBPS,
            GapParameters.DEFAULT_THRESHOLD_MBPS, 50);
    private final Button run = new Button(Messages.get("ui.gaps.run"));
    private final CheckBox onlyUnderserved = new CheckBox(Messages.get("ui.gaps.onlyUnderserved"));
    private final Label message = new Label();
    private final ObservableList<SiteGap> rows = FXCollections.observableArrayList();
    private final FilteredList<SiteGap> filtered = new FilteredList<>(rows);
    private final TableView<SiteGap> table = new TableView<>();
    private final BarChart<Number, String> chart;
    private final ReadOnlyObjectWrapper<CoverageGaps.Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<SiteGap> selectedSite = new ReadOnlyObjectWrapper<>(this, "selectedSite");
    private Consumer<SiteGap> onSiteChosen = s -> { };
    private Task<CoverageGaps.Result> running;

    /**
     * A view on {@code store} (read on workers only), whose data {@code source} names in messages; runs go
     * through {@code work}.
     */
    public GapView(FeatureStore store, String source, BackgroundWork work) {
        this.store = Objects.requireNonNull(store);
        this.source = Objects.requireNonNull(source);
        this.work = Objects.requireNonNull(work);
        setId("gapView");
        setTop(controls());
        chart = new BarChart<>(new NumberAxis(), new CategoryAxis()); // districts down the side: readable names
        chart.setId("gapsChart");
        chart.setTitle(Messages.get("ui.gaps.chart.title"));
        chart.setAnimated(false);
        chart.setMinWidth(260);
        chart.setCategoryGap(6);
        chart.setLegendSide(javafx.geometry.Side.TOP);
        chart.setBarGap(1);
        chart.getStyleClass().add("gaps-chart");
        buildTable();
        SplitPane split = new SplitPane(table, chart);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.66);
        setCenter(split);
    }

    /** The view's title in the user's language, for a tab or menu. */
    public static String title() {
        return Messages.get("ui.gaps.title");
    }

    /** The site chosen in the table (any gap status); null when none. Read-only for other panels. */
    public ReadOnlyObjectProperty<SiteGap> selectedSiteProperty() {
        return selectedSite.getReadOnlyProperty();
    }

    /** The last finished run; null before the first. */
    public ReadOnlyObjectProperty<CoverageGaps.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Called on the FX thread with the site the user chose in the table. */
    public void setOnSiteChosen(Consumer<SiteGap> handler) {
        onSiteChosen = handler == null ? s -> { } : handler;
    }

    /** Cancels a run in flight; the view is not used afterwards. */
    public void dispose() {
        if (running != null) {
            running.cancel();
        }
    }

    /**
     * The sites of {@code r} coloured by gap status for the map: served green, under-served red, without
     * coverage purple, each with a translucent fill; drawn while {@code commercial_sites} is shown.
     */
    public static ThematicOverlay mapOverlay(CoverageGaps.Result r) {
        Map<GapStatus, List<Geometry>> byStatus = new EnumMap<>(GapStatus.class);
        for (GapStatus s : GapStatus.values()) {
            byStatus.put(s, new ArrayList<>());
        }
        for (SiteGap s : r.sites()) {
            byStatus.get(s.gapStatus()).add(s.geometry());
        }
        List<ThematicOverlay.ThematicClass> classes = new ArrayList<>();
        for (GapStatus s : GapStatus.values()) {
            int[] c = COLOURS.get(s);
            classes.add(new ThematicOverlay.ThematicClass(new java.awt.Color(c[0], c[1], c[2], 120),
                    new java.awt.Color(c[0], c[1], c[2]), byStatus.get(s)));
        }
        return new ThematicOverlay(ThemeLayers.COMMERCIAL_SITES, classes);
    }

    // ---------------------------------------------------------------- layout

    private FlowPane controls() {
        threshold.setId("gapsThreshold");
        threshold.setEditable(true);
        threshold.setPrefWidth(100);
        threshold.getEditor().setOnAction(e -> runAnalysis());
        run.setId("gapsRun");
        run.setOnAction(e -> runAnalysis());
        onlyUnderserved.setId("gapsOnlyUnderserved");
        onlyUnderserved.selectedProperty().addListener((o, was, on) -> filtered.setPredicate(
                on ? SiteGap::underserved : null));
        message.setId("gapsMessage");
        HBox legend = new HBox(8, new Label(Messages.get("ui.gaps.legend")));
        legend.setAlignment(Pos.CENTER_LEFT);
        for (GapStatus s : GapStatus.values()) {
            int[] c = COLOURS.get(s);
            Rectangle swatch = new Rectangle(12, 12, Color.rgb(c[0], c[1], c[2], 0.6));
            swatch.setStroke(Color.rgb(c[0], c[1], c[2]));
            legend.getChildren().add(new Label(Messages.get("coverage.gap." + s.key()), swatch));
        }
        HBox thresholdBox = new HBox(4, new Label(Messages.get("ui.gaps.threshold")), threshold);
        thresholdBox.setAlignment(Pos.CENTER_LEFT);
        FlowPane bar = new FlowPane(12, 6, thresholdBox, run, onlyUnderserved, legend, message);
        bar.setPadding(new Insets(8));
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void buildTable() {
        table.setId("gapsTable");
        table.getStyleClass().add("gaps-table");
        table.setPlaceholder(new Label(Messages.get("ui.gaps.running")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("site_no", SiteGap::siteNo, null));
        table.getColumns().add(column("name", SiteGap::name, null));
        table.getColumns().add(column("district", SiteGap::district, null));
        table.getColumns().add(column("quarter", SiteGap::quarter, null));
        table.getColumns().get(1).setPrefWidth(170);
        table.getColumns().get(2).setPrefWidth(130);
        table.getColumns().get(3).setPrefWidth(120);
        table.getColumns().add(column("area_ha", SiteGap::areaHa, v -> String.format(Messages.locale(), "%.2f", v)));
        table.getColumns().add(column("status", SiteGap::status, null));
        table.getColumns().add(column("best_mbps", SiteGap::bestMbps, v -> String.format(Messages.locale(), "%d", v)));
        table.getColumns().add(column("gigabit_share", SiteGap::gigabitShare,
                v -> String.format(Messages.locale(), "%.0f %%", 100 * v)));
        table.getColumns().add(column("underserved", SiteGap::gapStatus, s -> Messages.get("coverage.gap." + s.key())));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(SiteGap item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("gap-underserved", "gap-no-coverage");
                if (!empty && item != null && item.underserved()) {
                    getStyleClass().add(item.gapStatus() == GapStatus.NO_COVERAGE ? "gap-no-coverage" : "gap-underserved");
                }
            }
        });
        SortedList<SiteGap> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            selectedSite.set(now);
            if (now != null) {
                onSiteChosen.accept(now);
            }
        });
    }

    /** A sortable column of {@code value}s (nulls shown as a dash), shown through {@code text} (null: as is). */
    private static <T> TableColumn<SiteGap, T> column(String key, Function<SiteGap, T> value, Function<T, String> text) {
        TableColumn<SiteGap, T> c = new TableColumn<>(Messages.get("coverage.column." + key));
        c.setId("gapsColumn-" + key);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? "–" : text == null ? item.toString() : text.apply(item));
            }
        });
        return c;
    }

    // ---------------------------------------------------------------- running

    /** Runs the analysis with the threshold shown (FX thread); table, chart and map follow when it is done. */
    public void runAnalysis() {
        commitThreshold();
        GapParameters params = new GapParameters(threshold.getValue());
        if (running != null) {
            running.cancel();
        }
        Task<CoverageGaps.Result> task = new Task<>() {
            @Override
            protected CoverageGaps.Result call() {
                updateTitle(Messages.get("ui.gaps.running"));
                Task<?> self = this;
                return CoverageGaps.analyse(store, source, params, new AnalysisMonitor() {
                    @Override
                    public void progress(double fraction) {
                        updateProgress(fraction, 1);
                    }

                    @Override
                    public boolean isCancelled() {
                        return self.isCancelled();
                    }
                });
            }
        };
        running = task;
        message.setText(Messages.get("ui.gaps.running"));
        task.setOnSucceeded(e -> finished(task, task.getValue(), null));
        task.setOnFailed(e -> finished(task, null, task.getException()));
        task.setOnCancelled(e -> finished(task, null, null));
        work.run("coverage-gaps", task);
    }

    private void commitThreshold() {
        try {
            Integer v = threshold.getValueFactory().getConverter().fromString(threshold.getEditor().getText().strip());
            if (v != null) {
                threshold.getValueFactory().setValue(v);
            }
        } catch (RuntimeException e) {
            // not a number: the spinner keeps its value
        }
        threshold.getEditor().setText(threshold.getValueFactory().getConverter().toString(threshold.getValue()));
    }

    private void finished(Task<?> task, CoverageGaps.Result r, Throwable failure) {
        if (task != running) {
            return;
        }
        running = null;
        if (r == null) {
            message.setText(failure == null ? Messages.get("ui.gaps.cancelled") : Messages.get("ui.gaps.failed",
                    failure instanceof UserFacingException u ? u.localizedMessage() : String.valueOf(failure)));
            return;
        }
        rows.setAll(r.sites());
        ((Label) table.getPlaceholder()).setText("");
        showChart(r.districts());
        long none = r.sites().stream().filter(s -> s.gapStatus() == GapStatus.NO_COVERAGE).count();
        message.setText(Messages.get("ui.gaps.done", r.sites().size(), r.underserved().size(),
                String.format(Messages.locale(), "%.1f", r.underservedHa()), Integer.toString(r.parameters().thresholdMbps()), none));
        result.set(r);
    }

    private void showChart(List<DistrictGapSummary> districts) {
        XYChart.Series<Number, String> sites = new XYChart.Series<>();
        sites.setName(Messages.get("ui.gaps.chart.sites"));
        XYChart.Series<Number, String> hectares = new XYChart.Series<>();
        hectares.setName(Messages.get("ui.gaps.chart.hectares"));
        List<DistrictGapSummary> bottomUp = new ArrayList<>(districts);
        java.util.Collections.reverse(bottomUp); // the category axis runs bottom to top
        for (DistrictGapSummary d : bottomUp) {
            String name = d.district() == null ? Messages.get("coverage.noDistrict") : d.district();
            sites.getData().add(new XYChart.Data<>(d.underservedSites(), name));
            hectares.getData().add(new XYChart.Data<>(Math.round(d.underservedHa() * 10) / 10.0, name));
        }
        chart.getData().setAll(List.of(sites, hectares));
    }

    // ---------------------------------------------------------------- for tests

    /** The rows the table shows, in its order (FX thread). */
    List<SiteGap> shownRows() {
        return List.copyOf(table.getItems());
    }

    BarChart<Number, String> chart() {
        return chart;
    }

    TableView<SiteGap> table() {
        return table;
    }
}
