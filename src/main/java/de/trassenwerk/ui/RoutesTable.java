package de.trassenwerk.ui;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.routing.CostClasses;
import de.trassenwerk.routing.CostShare;
import de.trassenwerk.routing.RoundedCosts;
import de.trassenwerk.routing.Route;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TableRow;

/**
 * The routes of one request, best first: rank, target, length, cost and whether the route digs a street
 * under moratorium (flagged rows are tinted). Lengths and costs are the rounded
 * figures of the breakdown ({@link RoundedCosts}), so a row's cost is the sum its breakdown shows.
 * FX thread only.
 */
final class RoutesTable extends TableView<Route> {
    RoutesTable() {
        setId("routesTable");
        getStyleClass().add("routes-table");
        Label empty = new Label(Messages.get("ui.route.table.empty"));
        empty.setWrapText(true);
        empty.setPadding(new javafx.geometry.Insets(8));
        setPlaceholder(empty);
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().add(column("rank", r -> Integer.toString(r.rank()), 30, true));
        getColumns().add(column("to", Route::toRef, 75, false));
        getColumns().add(column("length", r -> RouteNumbers.metres(RoundedCosts.of(r.breakdown()).lengthM()), 65, true));
        getColumns().add(column("cost", r -> RouteNumbers.euros(RoundedCosts.of(r.breakdown()).costEur()), 65, true));
        getColumns().add(column("moratorium", RoutesTable::moratorium, 80, false));
        setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Route item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("route-moratorium");
                if (!empty && item != null && item.moratorium()) {
                    getStyleClass().add("route-moratorium");
                }
            }
        });
    }

    private static String moratorium(Route r) {
        CostShare dug = r.breakdown().get(CostClasses.MORATORIUM_TRENCH);
        return r.moratorium() && dug != null ? Messages.get("ui.route.moratorium.yes", RouteNumbers.metres(dug.m())) : "–";
    }

    private static TableColumn<Route, String> column(String key, Function<Route, String> text, double width,
            boolean numeric) {
        TableColumn<Route, String> c = new TableColumn<>(Messages.get("ui.route.column." + key));
        c.setId("routesColumn-" + key);
        if (numeric) {
            c.getStyleClass().add("number-column");
        }
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        return c;
    }
}
