package de.trassenwerk.ui;

import de.trassenwerk.i18n.Messages;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The findings as a table: kind, street, works, route, district, organisation, dates, length,
 * saving, the users' status and comment. Sortable by every column; sorted by saving (largest first)
 * until the user picks another order. FX thread only.
 */
final class FindingsTable extends TableView<FindingRow> {
    private final TableColumn<FindingRow, Long> saving;

    FindingsTable() {
        setId("findingsTable");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new javafx.scene.control.Label(Messages.get("ui.coordination.table.empty")));
        getColumns().add(text("kind", r -> CoordinationLabels.kind(r.finding().kind().key())));
        getColumns().add(text("street", r -> r.finding().streetName()));
        getColumns().add(text("sites", FindingRow::sites));
        TableColumn<FindingRow, Long> route = column("route", r -> r.finding().routeFid());
        getColumns().add(route);
        getColumns().add(text("district", r -> r.finding().district()));
        getColumns().add(text("organisation", FindingRow::organisations));
        getColumns().add(column("start", r -> r.finding().startDate() != null ? r.finding().startDate()
                : r.finding().digDate()));
        getColumns().add(this.<LocalDate>column("end", r -> r.finding().endDate()));
        TableColumn<FindingRow, Double> length = column("length", r -> r.finding().roundedLengthM());
        length.setCellFactory(c -> rightAligned(CoordinationLabels::metres));
        getColumns().add(length);
        saving = column("saving", r -> r.finding().savingEur());
        saving.setCellFactory(c -> rightAligned(v -> CoordinationLabels.euros(v)));
        saving.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        saving.setSortType(TableColumn.SortType.DESCENDING);
        getColumns().add(saving);
        TableColumn<FindingRow, String> status = new TableColumn<>(Messages.get("ui.coordination.column.status"));
        status.setCellValueFactory(c -> c.getValue().statusProperty());
        status.setCellFactory(c -> plain(CoordinationLabels::status));
        getColumns().add(status);
        TableColumn<FindingRow, String> comment = new TableColumn<>(Messages.get("ui.coordination.column.comment"));
        comment.setCellValueFactory(c -> c.getValue().commentProperty());
        getColumns().add(comment);
        getSortOrder().add(saving);
    }

    /** Sorts by saving, largest first. */
    void sortBySaving() {
        saving.setSortType(TableColumn.SortType.DESCENDING);
        getSortOrder().setAll(java.util.List.of(saving));
    }

    private <T> TableColumn<FindingRow, T> column(String key, Function<FindingRow, T> value) {
        TableColumn<FindingRow, T> c = new TableColumn<>(Messages.get("ui.coordination.column." + key));
        c.setCellValueFactory(cell -> (ObservableValue<T>) new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    private TableColumn<FindingRow, String> text(String key, Function<FindingRow, String> value) {
        return column(key, value);
    }

    private static <T> TableCell<FindingRow, T> rightAligned(Function<T, String> format) {
        TableCell<FindingRow, T> cell = plain(format);
        cell.setStyle("-fx-alignment: CENTER-RIGHT;");
        return cell;
    }

    private static <T> TableCell<FindingRow, T> plain(Function<T, String> format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        };
    }
}
