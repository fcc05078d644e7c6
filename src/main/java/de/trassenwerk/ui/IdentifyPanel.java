package de.trassenwerk.ui;

import de.trassenwerk.explore.IdentifiedFeature;
import de.trassenwerk.i18n.Messages;
import de.trassenwerk.store.Feature;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;

/**
 * The results of an identify click, for the dock below the map: the features found, grouped by
 * layer (topmost layer first), each with its attributes as field/value pairs. Choosing a feature (or
 * one of its values) selects it, so it is highlighted on the map and its row shown in the
 * attribute table. FX thread only; it shows what it is given and reads nothing itself.
 */
public final class IdentifyPanel extends BorderPane {
    private final Selection selection;
    private final Label heading = new Label(Messages.get("ui.identify.hint"));
    private final TreeTableView<Entry> tree = new TreeTableView<>();
    private boolean filling;

    /** One line of the tree: a layer, a feature or an attribute; {@code fid} -1 for a layer line. */
    record Entry(String label, String value, String layer, long fid) {
    }

    public IdentifyPanel(Selection selection) {
        this.selection = selection;
        setId("identifyPanel");
        getStyleClass().add("identify-panel");
        heading.setId("identifyHeading");
        heading.getStyleClass().add("pane-title");
        tree.setId("identifyTree");
        tree.setShowRoot(false);
        tree.setPlaceholder(new Label(Messages.get("ui.identify.hint")));
        TreeTableColumn<Entry, String> name = new TreeTableColumn<>(Messages.get("ui.identify.column.field"));
        name.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().getValue().label()));
        name.setPrefWidth(260);
        TreeTableColumn<Entry, String> value = new TreeTableColumn<>(Messages.get("ui.identify.column.value"));
        value.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().getValue().value()));
        value.setPrefWidth(420);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tree.getColumns().add(name);
        tree.getColumns().add(value);
        tree.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> chosen(now));
        setTop(heading);
        setCenter(tree);
    }

    /**
     * Shows the features found at map point ({@code x}, {@code y}), grouped by layer in the order
     * given, and selects the first of them.
     *
     * @param titles the layer titles to show, by layer name
     */
    public void show(double x, double y, List<IdentifiedFeature> hits, Map<String, String> titles) {
        NumberFormat coordinate = NumberFormat.getNumberInstance(Messages.locale());
        coordinate.setMaximumFractionDigits(1);
        coordinate.setMinimumFractionDigits(1);
        coordinate.setGroupingUsed(false);
        heading.setText(Messages.get(hits.isEmpty() ? "ui.identify.none" : "ui.identify.found", hits.size(),
                coordinate.format(x), coordinate.format(y)));
        Map<String, List<IdentifiedFeature>> byLayer = new LinkedHashMap<>();
        for (IdentifiedFeature h : hits) {
            byLayer.computeIfAbsent(h.layer(), k -> new ArrayList<>()).add(h);
        }
        TreeItem<Entry> root = new TreeItem<>(new Entry("", "", null, -1));
        TreeItem<Entry> first = null;
        for (Map.Entry<String, List<IdentifiedFeature>> layer : byLayer.entrySet()) {
            String title = titles.getOrDefault(layer.getKey(), layer.getKey());
            TreeItem<Entry> layerItem = new TreeItem<>(new Entry(title, Messages.get("ui.identify.count",
                    layer.getValue().size()), layer.getKey(), -1));
            layerItem.setExpanded(true);
            for (IdentifiedFeature h : layer.getValue()) {
                TreeItem<Entry> featureItem = new TreeItem<>(new Entry(Messages.get("ui.identify.feature", h.fid()),
                        describe(h.feature()), h.layer(), h.fid()));
                for (Map.Entry<String, Object> a : h.attributes().entrySet()) {
                    featureItem.getChildren().add(new TreeItem<>(new Entry(a.getKey(), format(a.getValue()),
                            h.layer(), h.fid())));
                }
                featureItem.setExpanded(first == null);
                layerItem.getChildren().add(featureItem);
                if (first == null) {
                    first = featureItem;
                }
            }
            root.getChildren().add(layerItem);
        }
        filling = true;
        tree.setRoot(root);
        filling = false;
        if (first != null) {
            tree.getSelectionModel().select(first);
        }
    }

    /** The heading above the results; for tests. */
    String headingText() {
        return heading.getText();
    }

    TreeTableView<Entry> tree() {
        return tree;
    }

    private void chosen(TreeItem<Entry> item) {
        if (filling || item == null || item.getValue().fid() < 0) {
            return;
        }
        Entry e = item.getValue();
        if (!selection.get().contains(e.layer(), e.fid()) || selection.get().size() != 1) {
            selection.select(e.layer(), List.of(e.fid()));
        }
    }

    /** A short name for a feature: its first non-empty text attribute. */
    private static String describe(Feature f) {
        for (Object v : f.attributes().values()) {
            if (v instanceof String s && !s.isBlank()) {
                return s;
            }
        }
        return "";
    }

    static String format(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Boolean b) {
            return Messages.get(b ? "ui.table.true" : "ui.table.false");
        }
        if (v instanceof Double d) {
            NumberFormat f = NumberFormat.getNumberInstance(Messages.locale());
            f.setMaximumFractionDigits(3);
            f.setGroupingUsed(false);
            return f.format(d);
        }
        return v.toString();
    }
}
