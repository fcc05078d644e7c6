package de.trassenwerk.ui;

import de.trassenwerk.explore.ColumnFilters;
import de.trassenwerk.explore.FidFilter;
import de.trassenwerk.explore.FilterSyntaxException;
import de.trassenwerk.explore.TableQuery;
import de.trassenwerk.i18n.Messages;
import de.trassenwerk.store.AttributeFilter;
import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.FieldType;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.Query;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.locationtech.jts.geom.Envelope;

/**
 * The attribute table of one layer, for the dock below the map. Rows are read lazily in pages
 * ({@link LazyRows}); sorting (click a column header) and filtering (a filter field under each
 * header, a free-text search) are pushed down to the store as SQL, so a layer of any size stays
 * responsive and is never held in memory. Rows selected here become the workbench's
 * {@link Selection} (highlighted on the map); a selection made elsewhere (map, identify, search)
 * selects its rows here and scrolls to the first, switching the table to that layer if needed.
 *
 * <p>Thread rules: FX thread only. Every store access (schema, counts, pages, fids of selected row
 * ranges, row positions of selected fids) runs through {@link BackgroundReads}; answers that belong
 * to an older query are dropped.
 */
public final class AttributeTable extends BorderPane {
    /** Beyond this many selected fids, their rows are found by reading the fids in table order. */
    private static final int POSITION_QUERIES = 50;
    private static final String PLACEHOLDER_TEXT = "\u2026";

    private final BackgroundReads reads;
    private final Selection selection;
    private final Consumer<Envelope> zoomTo;
    private final TableView<AttributeRow> table = new TableView<>();
    private final ComboBox<String> layerChoice = new ComboBox<>();
    private final TextField search = new TextField();
    private final ToggleButton onlySelected = new ToggleButton(Messages.get("ui.table.onlySelected"));
    private final Label rowCount = new Label();
    private final ReadOnlyStringWrapper layer = new ReadOnlyStringWrapper(this, "layer");
    private final Map<String, String> titles = new LinkedHashMap<>();
    private final Map<String, AttributeFilter> columnFilters = new HashMap<>();
    private final PauseTransition typing = new PauseTransition(Duration.millis(300));
    private LayerSchema schema;
    private long total;
    private TableQuery query;
    private LazyRows rows;
    private long queryGeneration;
    private long selectionGeneration;
    /** True while this table changes its own row selection to follow the workbench's selection. */
    private boolean following;
    /** A selection made elsewhere waits to be scrolled into view. */
    private boolean revealPending;
    private AttributeFilter freeText = AttributeFilter.ALL;

    /**
     * @param zoomTo shows an envelope on the map ("zoom to selected")
     */
    public AttributeTable(BackgroundReads reads, Selection selection, Consumer<Envelope> zoomTo) {
        this.reads = reads;
        this.selection = selection;
        this.zoomTo = zoomTo;
        setId("attributeTable");
        getStyleClass().add("attribute-table");
        table.setId("attributeTableView");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setTableMenuButtonVisible(true);
        table.setPlaceholder(new Label(Messages.get("ui.table.empty")));
        table.setSortPolicy(t -> {
            sortChanged();
            return true;
        });
        table.getSelectionModel().getSelectedIndices().addListener((ListChangeListener<Integer>) c -> rowsSelected());
        selection.selectedProperty().addListener((o, was, now) -> selectionChanged(now));
        reads.storeProperty().addListener((o, was, now) -> clearLayer());
        typing.setOnFinished(e -> reload());
        table.heightProperty().addListener((o, was, now) -> revealSelection());
        setTop(bar());
        setCenter(table);
    }

    // ------------------------------------------------------------------ public API

    /** The layer shown; null when none. */
    public ReadOnlyStringProperty layerProperty() {
        return layer.getReadOnlyProperty();
    }

    /**
     * The layers to choose from (name to title, in the order to list them). Unless the layer shown is
     * among them, {@code preferred} is shown (or the first when it is null).
     */
    public void setLayers(Map<String, String> namesToTitles, String preferred) {
        titles.clear();
        titles.putAll(namesToTitles);
        layerChoice.getItems().setAll(namesToTitles.keySet());
        if (layer.get() == null || !titles.containsKey(layer.get())) {
            String first = namesToTitles.isEmpty() ? null : namesToTitles.keySet().iterator().next();
            showLayer(preferred != null && titles.containsKey(preferred) ? preferred : first);
        }
    }

    /** Shows {@code name}'s rows (nothing when null or unknown). */
    public void showLayer(String name) {
        if (name != null && name.equals(layer.get())) {
            return;
        }
        if (name == null || !titles.containsKey(name)) {
            clearLayer();
            return;
        }
        layer.set(name);
        layerChoice.getSelectionModel().select(name);
        long gen = ++queryGeneration;
        reads.read(store -> new LayerHead(store.schema(name), store.count(name, Query.ALL)), head -> {
            if (gen == queryGeneration) {
                showSchema(head);
            }
        }, this::failed);
    }

    /** The text of the "n of m rows" label; for tests and the status line. */
    public String rowCountText() {
        return rowCount.getText();
    }

    /** Zooms the map to the selected features. */
    public void zoomToSelection() {
        selection.whenEnvelopeKnown(zoomTo);
    }

    /** Puts the keyboard focus into the free-text search of the table. */
    public void focusSearch() {
        search.requestFocus();
    }

    TableView<AttributeRow> tableView() {
        return table;
    }

    // ------------------------------------------------------------------ layout

    private HBox bar() {
        layerChoice.setId("tableLayer");
        layerChoice.setTooltip(new Tooltip(Messages.get("ui.table.layer.tooltip")));
        layerChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(String name) {
                return name == null ? "" : titles.getOrDefault(name, name);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        layerChoice.setOnAction(e -> {
            String chosen = layerChoice.getValue();
            if (chosen != null && !chosen.equals(layer.get())) {
                if (!selection.get().isEmpty() && !chosen.equals(selection.get().layer())) {
                    selection.clear();
                }
                showLayer(chosen);
            }
        });
        search.setId("tableSearch");
        search.setPromptText(Messages.get("ui.table.search.prompt"));
        search.setTooltip(new Tooltip(Messages.get("ui.table.search.tooltip")));
        search.setPrefColumnCount(16);
        search.textProperty().addListener((o, was, now) -> {
            freeText = schema == null ? AttributeFilter.ALL : ColumnFilters.freeText(schema, now);
            typing.playFromStart();
        });
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
            }
        });
        Button zoom = button("tableZoomToSelection", "ui.table.zoomToSelection", "Shortcut+J", this::zoomToSelection);
        Button clear = button("tableClearSelection", "ui.table.clearSelection", "Shortcut+Shift+A", selection::clear);
        zoom.disableProperty().bind(selection.selectedProperty().isEqualTo(SelectedFeatures.NONE));
        clear.disableProperty().bind(zoom.disableProperty());
        onlySelected.setId("tableOnlySelected");
        onlySelected.setTooltip(tooltip("ui.table.onlySelected.tooltip", "Shortcut+Shift+J"));
        onlySelected.selectedProperty().addListener((o, was, now) -> reload());
        rowCount.setId("tableRowCount");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(6, layerChoice, search, zoom, clear, onlySelected, gap, rowCount);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("attribute-table-bar");
        return bar;
    }

    private static Button button(String id, String key, String shortcut, Runnable action) {
        Button b = new Button(Messages.get(key));
        b.setId(id);
        b.setTooltip(tooltip(key + ".tooltip", shortcut));
        b.setOnAction(e -> action.run());
        return b;
    }

    static Tooltip tooltip(String key, String shortcut) {
        return new Tooltip(Messages.get("ui.tooltip.withShortcut", Messages.get(key),
                KeyCombination.keyCombination(shortcut).getDisplayText()));
    }

    /** Shortcuts of the table's buttons, for the scene: zoom to, clear, only selected. */
    Map<KeyCombination, Runnable> shortcuts() {
        Map<KeyCombination, Runnable> m = new LinkedHashMap<>();
        m.put(KeyCombination.keyCombination("Shortcut+J"), this::zoomToSelection);
        m.put(KeyCombination.keyCombination("Shortcut+Shift+A"), selection::clear);
        m.put(KeyCombination.keyCombination("Shortcut+Shift+J"), () -> onlySelected.setSelected(!onlySelected.isSelected()));
        return m;
    }

    // ------------------------------------------------------------------ layer, columns, queries

    /** What a worker reads when a layer is shown. */
    private record LayerHead(LayerSchema schema, long total) {
    }

    private void clearLayer() {
        queryGeneration++;
        layer.set(null);
        schema = null;
        query = null;
        rows = null;
        following = true;
        table.getColumns().clear();
        table.setItems(FXCollections.observableArrayList());
        following = false;
        layerChoice.getSelectionModel().clearSelection();
        rowCount.setText("");
    }

    private void showSchema(LayerHead head) {
        schema = head.schema();
        total = head.total();
        columnFilters.clear();
        freeText = ColumnFilters.freeText(schema, search.getText());
        following = true;
        table.getSortOrder().clear();
        table.getColumns().clear();
        table.getColumns().add(column(ColumnFilters.fidField()));
        for (FieldInfo f : schema.fields()) {
            if (f.type() != FieldType.BLOB) {
                table.getColumns().add(column(f));
            }
        }
        following = false;
        query = null;
        reload();
    }

    private TableColumn<AttributeRow, Object> column(FieldInfo field) {
        TableColumn<AttributeRow, Object> c = new TableColumn<>(field.name());
        c.setUserData(field.name());
        c.setId("column-" + field.name());
        c.setCellValueFactory(d -> d.getValue().value(field.name()));
        c.setCellFactory(col -> new ValueCell(field.type()));
        c.setPrefWidth(Math.max(8.5 * field.name().length() + 30, switch (field.type()) {
            case TEXT -> field.name().equals(LayerSchema.FID) ? 70 : 170;
            case DATE, DATETIME -> 105;
            default -> field.name().equals(LayerSchema.FID) ? 70 : 85;
        }));
        TextField filter = new TextField();
        filter.setId("filter-" + field.name());
        filter.getStyleClass().add("column-filter");
        filter.prefWidthProperty().bind(c.widthProperty().subtract(10));
        filter.setPromptText(Messages.get(isNumeric(field) ? "ui.table.filter.number" : "ui.table.filter.text"));
        filter.setTooltip(new Tooltip(Messages.get("ui.table.filter.tooltip")));
        filter.textProperty().addListener((o, was, now) -> columnFilterTyped(field, filter, now));
        // a click into the filter field must neither sort nor drag the column
        filter.addEventHandler(MouseEvent.ANY, Event::consume);
        c.setGraphic(filter); // below the column name (explore.css)
        return c;
    }

    private static boolean isNumeric(FieldInfo f) {
        return f.type() == FieldType.INTEGER || f.type() == FieldType.REAL;
    }

    private void columnFilterTyped(FieldInfo field, TextField filter, String text) {
        try {
            columnFilters.put(field.name(), ColumnFilters.parse(field, text));
            filter.getStyleClass().remove("filter-error");
            filter.setTooltip(new Tooltip(Messages.get("ui.table.filter.tooltip")));
        } catch (FilterSyntaxException e) {
            columnFilters.remove(field.name());
            if (!filter.getStyleClass().contains("filter-error")) {
                filter.getStyleClass().add("filter-error");
            }
            filter.setTooltip(new Tooltip(e.localizedMessage()));
            return;
        }
        typing.playFromStart();
    }

    /** The table's sort order changed (header click): a new query sorted in SQL. */
    private void sortChanged() {
        if (!following && schema != null) {
            reload();
        }
    }

    private TableQuery currentQuery() {
        List<AttributeFilter> parts = new ArrayList<>(columnFilters.values());
        parts.add(freeText);
        if (onlySelected.isSelected()) {
            SelectedFeatures s = selection.get();
            parts.add(layer.get().equals(s.layer()) ? FidFilter.of(s.fids()) : FidFilter.of(List.of()));
        }
        String orderBy = LayerSchema.FID;
        boolean ascending = true;
        if (!table.getSortOrder().isEmpty()) {
            TableColumn<AttributeRow, ?> c = table.getSortOrder().get(0);
            orderBy = (String) c.getUserData();
            ascending = c.getSortType() == TableColumn.SortType.ASCENDING;
        }
        return new TableQuery(layer.get(), ColumnFilters.all(parts), orderBy, ascending);
    }

    /** Counts the rows of the current query on a worker and shows them (from the top). */
    private void reload() {
        typing.stop();
        if (schema == null) {
            return;
        }
        TableQuery q = currentQuery();
        if (q.equals(query)) {
            return;
        }
        query = q;
        long gen = ++queryGeneration;
        reads.read(q::count, count -> {
            if (gen != queryGeneration) {
                return;
            }
            rows = new LazyRows(q, (int) Math.min(Integer.MAX_VALUE, count), reads, this::failed);
            List<TableColumn<AttributeRow, ?>> sortOrder = new ArrayList<>(table.getSortOrder());
            following = true;
            table.setItems(rows); // clears the sort order, which the new rows follow already
            table.getSortOrder().setAll(sortOrder);
            following = false;
            showCount(count);
            follow(selection.get());
        }, this::failed);
    }

    private void showCount(long shown) {
        NumberFormat f = NumberFormat.getIntegerInstance(Messages.locale());
        rowCount.setText(Messages.get("ui.table.rowCount", f.format(shown), f.format(total)));
    }

    private void failed(RuntimeException e) {
        rowCount.setText(e instanceof de.trassenwerk.i18n.UserFacingException u ? u.localizedMessage()
                : String.valueOf(e.getMessage()));
    }

    // ------------------------------------------------------------------ selection, both ways

    /** The user selected rows: their fids (read for rows not loaded yet) become the selection. */
    private void rowsSelected() {
        if (following || rows == null) {
            return;
        }
        long gen = ++selectionGeneration;
        String shownLayer = layer.get();
        Set<Long> fids = new TreeSet<>();
        List<int[]> unknown = new ArrayList<>();
        int runStart = -1;
        int previous = -2;
        List<Integer> indices = new ArrayList<>(table.getSelectionModel().getSelectedIndices());
        indices.sort(null);
        for (int i : indices) {
            if (i < 0) {
                continue;
            }
            AttributeRow r = rows.loadedRow(i);
            if (r != null) {
                fids.add(r.fid());
                continue;
            }
            if (i != previous + 1 && runStart >= 0) {
                unknown.add(new int[] {runStart, previous});
                runStart = -1;
            }
            if (runStart < 0) {
                runStart = i;
            }
            previous = i;
        }
        if (runStart >= 0) {
            unknown.add(new int[] {runStart, previous});
        }
        if (unknown.isEmpty()) {
            pushSelection(shownLayer, fids);
            return;
        }
        TableQuery q = rows.query();
        reads.read(store -> {
            Set<Long> all = new TreeSet<>(fids);
            for (int[] run : unknown) {
                all.addAll(q.fids(store, run[0], run[1] - run[0] + 1L));
            }
            return all;
        }, all -> {
            if (gen == selectionGeneration && q.equals(query)) {
                pushSelection(shownLayer, all);
            }
        }, this::failed);
    }

    private void pushSelection(String shownLayer, Set<Long> fids) {
        if (!fids.equals(selection.get().fids()) || !shownLayer.equals(selection.get().layer())) {
            selection.select(shownLayer, fids);
        }
    }

    /** The workbench's selection changed: show its layer and select its rows, unless it came from here. */
    private void selectionChanged(SelectedFeatures now) {
        if (now.isEmpty()) {
            if (!table.getSelectionModel().isEmpty()) {
                following = true;
                table.getSelectionModel().clearSelection();
                following = false;
            }
            if (onlySelected.isSelected()) {
                reload();
            }
            return;
        }
        if (!now.layer().equals(layer.get())) {
            showLayer(now.layer()); // its reload follows the selection when the rows are counted
            return;
        }
        if (onlySelected.isSelected() && !currentQuery().equals(query)) {
            reload();
            return;
        }
        if (!now.fids().equals(selectedFidsOfLoadedRows())) {
            follow(now);
        }
    }

    /** Fids of the selected rows when all of them are loaded; null when some are not. */
    private Set<Long> selectedFidsOfLoadedRows() {
        Set<Long> fids = new TreeSet<>();
        for (int i : table.getSelectionModel().getSelectedIndices()) {
            AttributeRow r = rows == null || i < 0 ? null : rows.loadedRow(i);
            if (r == null) {
                return null;
            }
            fids.add(r.fid());
        }
        return fids;
    }

    /**
     * Scrolls the first selected row into view (two rows below the top) if a selection made
     * elsewhere has not been shown yet and the table is on screen; a table in a hidden tab cannot
     * scroll right, so this runs again when its tab is chosen or its size changes.
     */
    public void revealSelection() {
        if (!revealPending || !isShown()) {
            return;
        }
        revealPending = false;
        int first = table.getSelectionModel().getSelectedIndices().stream().filter(i -> i >= 0)
                .mapToInt(Integer::intValue).min().orElse(-1);
        if (first >= 0) {
            table.scrollTo(Math.max(0, first - 2));
        }
    }

    private boolean isShown() {
        for (javafx.scene.Node n = table; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return table.getScene() != null && table.getHeight() > 0;
    }

    /** Finds the rows of the selected fids under the current sort and filter, selects them and scrolls there. */
    private void follow(SelectedFeatures s) {
        if (rows == null || s.isEmpty() || !s.layer().equals(layer.get())) {
            return;
        }
        long gen = ++selectionGeneration;
        TableQuery q = rows.query();
        List<Long> fids = new ArrayList<>(s.fids());
        reads.read(store -> positions(store, q, fids), positions -> {
            if (gen != selectionGeneration || !q.equals(query)) {
                return;
            }
            following = true;
            table.getSelectionModel().clearSelection();
            if (!positions.isEmpty()) {
                int[] rest = positions.subList(1, positions.size()).stream().mapToInt(Integer::intValue).toArray();
                table.getSelectionModel().selectIndices(positions.get(0), rest);
                revealPending = true;
                Platform.runLater(this::revealSelection);
            }
            following = false;
        }, this::failed);
    }

    /** Row positions of {@code fids} in {@code q}'s order, sorted; fids the filter hides are left out. */
    private static List<Integer> positions(FeatureStore store, TableQuery q, List<Long> fids) {
        List<Integer> out = new ArrayList<>();
        if (fids.size() <= POSITION_QUERIES) {
            for (long fid : fids) {
                long p = q.positionOf(store, fid);
                if (p >= 0 && p < Integer.MAX_VALUE) {
                    out.add((int) p);
                }
            }
        } else {
            Set<Long> wanted = new java.util.HashSet<>(fids);
            List<Long> order = q.fids(store, 0, 0);
            for (int i = 0; i < order.size(); i++) {
                if (wanted.contains(order.get(i))) {
                    out.add(i);
                }
            }
        }
        out.sort(null);
        return out;
    }

    // ------------------------------------------------------------------ cells

    /** Shows a value: numbers right-aligned, yes/no in words, an ellipsis while the row is read. */
    private static final class ValueCell extends TableCell<AttributeRow, Object> {
        private final FieldType type;

        ValueCell(FieldType type) {
            this.type = type;
            if (type == FieldType.INTEGER || type == FieldType.REAL) {
                setAlignment(Pos.CENTER_RIGHT);
            }
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("loading-cell");
            if (empty || item == null) {
                setText(null);
            } else if (item == AttributeRow.Placeholder.LOADING) {
                setText(PLACEHOLDER_TEXT);
                getStyleClass().add("loading-cell");
            } else if (item instanceof Boolean b) {
                setText(Messages.get(b ? "ui.table.true" : "ui.table.false"));
            } else if (type == FieldType.REAL && item instanceof Double d) {
                NumberFormat f = NumberFormat.getNumberInstance(Messages.locale());
                f.setMaximumFractionDigits(3);
                f.setGroupingUsed(false);
                setText(f.format(d));
            } else {
                setText(item.toString());
            }
        }
    }
}
