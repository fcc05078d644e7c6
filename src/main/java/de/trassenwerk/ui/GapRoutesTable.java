package de.trassenwerk.ui;

import de.trassenwerk.coverage.SiteGap;
import de.trassenwerk.i18n.Messages;
import de.trassenwerk.routing.GapPlan;
import de.trassenwerk.routing.RoundedCosts;
import de.trassenwerk.routing.Route;
import de.trassenwerk.routing.RoutingException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * The sites of "plan all gaps", one row each: site number, name, district, the node its route reaches,
 * the route's length and cost (rounded as in its breakdown), and a note: the metres dug under moratorium,
 * or why no route was found (such rows are tinted). Sortable; at first by cost, dearest first, the sites
 * without a route last. FX thread only.
 */
final class GapRoutesTable extends TableView<GapRoutesTable.Row> {
    /**
     * One site: its gap record, its route (null when none was found) and the note shown.
     *
     * @param site  the under-served site
     * @param route the best route to its cheapest node, or null
     * @param note   the moratorium note or, in a few words, why there is no route; empty when none
     * @param reason the whole message why there is no route; null when there is one
     */
    record Row(SiteGap site, Route route, String note, String reason) {
        Double lengthM() {
            return route == null ? null : RoundedCosts.of(route.breakdown()).lengthM();
        }

        Long costEur() {
            return route == null ? null : RoundedCosts.of(route.breakdown()).costEur();
        }
    }

    private final javafx.collections.ObservableList<Row> rows = javafx.collections.FXCollections.observableArrayList();

    GapRoutesTable() {
        setId("gapRoutesTable");
        getStyleClass().add("routes-table");
        Label empty = new Label(Messages.get("ui.route.gaps.empty"));
        empty.setWrapText(true);
        empty.setPadding(new javafx.geometry.Insets(8));
        setPlaceholder(empty);
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().add(column("site", r -> r.site().siteNo(), null, 70));
        TableColumn<Row, String> name = column("name", r -> r.site().name(), null, 130);
        name.setVisible(false); // the narrow dock shows it on demand (the table's column menu)
        getColumns().add(name);
        getColumns().add(column("district", r -> r.site().district(), null, 85));
        getColumns().add(column("to", r -> r.route() == null ? null : r.route().toRef(), null, 65));
        getColumns().add(column("length", Row::lengthM, RouteNumbers::metres, 65));
        getColumns().add(column("cost", Row::costEur, v -> RouteNumbers.euros(v), 70));
        getColumns().add(column("note", Row::note, null, 140));
        setTableMenuButtonVisible(true);
        setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Row item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("route-moratorium", "route-failed");
                setTooltip(null);
                if (!empty && item != null && item.route() == null) {
                    getStyleClass().add("route-failed");
                    setTooltip(new Tooltip(item.reason()));
                } else if (!empty && item != null && item.route().moratorium()) {
                    getStyleClass().add("route-moratorium");
                }
            }
        });
        SortedList<Row> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(comparatorProperty());
        setItems(sorted);
    }

    /** Shows the sites of {@code plan}; {@code sites} are the under-served sites it was planned for. */
    void show(GapPlan plan, List<SiteGap> sites) {
        Map<String, SiteGap> byNo = new HashMap<>();
        for (SiteGap s : sites) {
            byNo.putIfAbsent(s.siteNo(), s);
        }
        List<Row> list = new ArrayList<>();
        for (GapPlan.SiteRoute r : plan.routes()) {
            SiteGap site = byNo.get(r.origin().ref());
            String note = r.route().moratorium() ? Messages.get("ui.route.moratorium.yes",
                    RouteNumbers.metres(r.route().breakdown().get(
                            de.trassenwerk.routing.CostClasses.MORATORIUM_TRENCH).m())) : "";
            list.add(new Row(site, r.route(), note, null));
        }
        for (GapPlan.Failure f : plan.failures()) {
            list.add(new Row(byNo.get(f.origin().ref()), null, shortReason(f.reason()),
                    f.reason().localizedMessage()));
        }
        list.sort(Comparator.comparing(Row::costEur, Comparator.nullsLast(Comparator.reverseOrder())));
        getSortOrder().clear();
        rows.setAll(list);
    }

    /** Why a site has no route, in a few words; the whole message is the row's tooltip. */
    private static String shortReason(RoutingException e) {
        String key = e.key();
        if (key.startsWith("routing.error.moratoriumOnly")) {
            return Messages.get("ui.route.gaps.reason.moratorium");
        }
        if (key.equals("routing.error.disconnected") || key.equals("routing.error.noNodeReachable")) {
            return Messages.get("ui.route.gaps.reason.disconnected");
        }
        return e.localizedMessage();
    }

    /** Empties the table. */
    void clear() {
        rows.clear();
    }

    private static <T> TableColumn<Row, T> column(String key, Function<Row, T> value, Function<T, String> text,
            double width) {
        TableColumn<Row, T> c = new TableColumn<>(Messages.get("ui.route.column." + key));
        c.setId("gapRoutesColumn-" + key);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 65));
        if (text != null) {
            c.getStyleClass().add("number-column");
        }
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text == null ? item.toString() : text.apply(item));
            }
        });
        return c;
    }

    /** The rows shown, in the table's order; for tests. */
    List<Row> shownRows() {
        return List.copyOf(getItems());
    }
}
