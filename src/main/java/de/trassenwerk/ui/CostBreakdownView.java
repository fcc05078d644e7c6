package de.trassenwerk.ui;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.routing.CostShare;
import de.trassenwerk.routing.RoundedCosts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * A route's (or a network's) cost breakdown: one row per cost class with its colour (as on the map), its
 * metres, euros and share of the cost, the total below, and two stacked bars that show at a glance how the
 * length and the cost divide among the classes (a long free duct is a thin slice of the cost). The figures
 * are rounded as in {@link RoundedCosts} (metres to one decimal, whole euros), and the total is the sum of
 * the rows shown. FX thread only.
 */
final class CostBreakdownView extends VBox {
    /** One row: a cost class with its rounded metres and euros. */
    record Row(String costClass, double m, long eur) {
    }

    private final Label title = new Label();
    private final TableView<Row> table = new TableView<>();
    private final Label total = new Label();
    private final HBox lengthBar = new HBox();
    private final HBox costBar = new HBox();
    private RoundedCosts shown;

    /** A view whose nodes get ids starting with {@code idPrefix}. */
    CostBreakdownView(String idPrefix) {
        setId(idPrefix);
        setSpacing(6);
        setPadding(new Insets(0, 0, 0, 8));
        title.getStyleClass().add("pane-title");
        table.setId(idPrefix + "Table");
        table.setPlaceholder(new Label(""));
        table.setFixedCellSize(24);
        TableColumn<Row, String> name = column("class", r -> CostClassStyle.label(r.costClass()), 0);
        name.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : item);
                setGraphic(row == null ? null : swatch(row.costClass()));
            }
        });
        table.getColumns().add(name);
        table.getColumns().add(column("m", r -> RouteNumbers.metres(r.m()), 70));
        table.getColumns().add(column("eur", r -> RouteNumbers.euros(r.eur()), 75));
        table.getColumns().add(column("share", r -> share(r.eur()), 50));
        // the figures keep their width; the class names take what is left (less a scroll bar's width)
        name.prefWidthProperty().bind(table.widthProperty().subtract(70 + 75 + 50 + 20));
        total.setId(idPrefix + "Total");
        total.getStyleClass().add("breakdown-total");
        GridPane bars = new GridPane();
        bars.setHgap(6);
        bars.setVgap(3);
        Label length = new Label(Messages.get("ui.route.bar.length"));
        Label cost = new Label(Messages.get("ui.route.bar.cost"));
        length.setMinWidth(Region.USE_PREF_SIZE);
        cost.setMinWidth(Region.USE_PREF_SIZE);
        bars.addRow(0, length, lengthBar);
        bars.addRow(1, cost, costBar);
        GridPane.setHgrow(lengthBar, Priority.ALWAYS);
        GridPane.setHgrow(costBar, Priority.ALWAYS);
        for (HBox bar : List.of(lengthBar, costBar)) {
            bar.getStyleClass().add("breakdown-bar");
            bar.setMinWidth(0);
            bar.setPrefHeight(12);
        }
        lengthBar.setId(idPrefix + "LengthBar");
        costBar.setId(idPrefix + "CostBar");
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(title, table, total, bars);
        show(null, null);
    }

    /** Shows {@code breakdown} (per cost class, in breakdown order) under {@code heading}; null clears. */
    void show(String heading, Map<String, CostShare> breakdown) {
        title.setText(heading == null ? Messages.get("ui.route.breakdown") : heading);
        shown = breakdown == null ? null : RoundedCosts.of(breakdown);
        List<Row> rows = new ArrayList<>();
        if (shown != null) {
            shown.parts().forEach((cls, part) -> rows.add(new Row(cls, part.m(), part.eur())));
        }
        table.getItems().setAll(rows);
        total.setText(shown == null ? "" : Messages.get("ui.route.total", RouteNumbers.metres(shown.lengthM()),
                RouteNumbers.euros(shown.costEur())));
        fill(lengthBar, rows, r -> r.m(), shown == null ? 0 : shown.lengthM());
        fill(costBar, rows, r -> (double) r.eur(), shown == null ? 0 : shown.costEur());
    }

    private String share(long eur) {
        return shown == null || shown.costEur() == 0 ? "–"
                : String.format(Messages.locale(), "%.0f %%", 100.0 * eur / shown.costEur());
    }

    private static void fill(HBox bar, List<Row> rows, Function<Row, Double> value, double sum) {
        bar.getChildren().clear();
        if (!(sum > 0)) {
            return;
        }
        for (Row r : rows) {
            double v = value.apply(r);
            if (v <= 0) {
                continue;
            }
            Region slice = new Region();
            slice.setMinWidth(0);
            slice.setStyle("-fx-background-color: " + css(r.costClass()) + ";");
            slice.prefWidthProperty().bind(bar.widthProperty().multiply(v / sum));
            Tooltip.install(slice, new Tooltip(CostClassStyle.label(r.costClass()) + ": "
                    + Messages.get("ui.route.total", RouteNumbers.metres(r.m()), RouteNumbers.euros(r.eur()))));
            bar.getChildren().add(slice);
        }
    }

    private static String css(String costClass) {
        javafx.scene.paint.Color c = CostClassStyle.fx(costClass);
        return String.format(java.util.Locale.ROOT, "rgb(%d,%d,%d)", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }

    private static Rectangle swatch(String costClass) {
        Rectangle r = new Rectangle(14, 10, CostClassStyle.fx(costClass));
        r.setStroke(javafx.scene.paint.Color.rgb(60, 60, 60));
        return r;
    }

    private static TableColumn<Row, String> column(String key, Function<Row, String> text, double width) {
        TableColumn<Row, String> c = new TableColumn<>(Messages.get("ui.route.breakdown." + key));
        c.setSortable(false);
        c.setReorderable(false);
        if (width > 0) {
            c.getStyleClass().add("number-column");
            c.setPrefWidth(width);
        }
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        return c;
    }

    // ---------------------------------------------------------------- for tests

    /** The rows shown, in order. */
    List<Row> rows() {
        return List.copyOf(table.getItems());
    }

    /** The rounded totals shown, or null. */
    RoundedCosts totals() {
        return shown;
    }

    /** The text of the total line. */
    String totalText() {
        return total.getText();
    }
}
