package de.trassenwerk.ui;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.opendata.FieldDecision;
import de.trassenwerk.opendata.PlannedDataset;
import de.trassenwerk.opendata.PublicationPlan;
import de.trassenwerk.opendata.WithheldLayer;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The publication policy applied to a GeoPackage, as a table: per published layer its geometry and
 * each field (published, generalised, dropped, withheld) and per withheld layer the reason, in the
 * policy's own words where it gives them. Rows are coloured by outcome. FX thread only.
 */
final class PolicyTable extends TableView<PolicyTable.Row> {

    /** One line of the table. */
    record Row(String layer, String field, Outcome outcome, String decision, String reason) {
    }

    /** How a row is shown: published as it is, coarser, left out. */
    enum Outcome { PUBLISHED, GENERALISED, LEFT_OUT }

    PolicyTable() {
        setId("policyTable");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().add(column("ui.publish.column.layer", Row::layer, 170));
        getColumns().add(column("ui.publish.column.field", Row::field, 150));
        getColumns().add(column("ui.publish.column.decision", Row::decision, 190));
        getColumns().add(column("ui.publish.column.reason", Row::reason, 320));
        setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("policy-published", "policy-generalised", "policy-left-out");
                if (!empty && row != null) {
                    getStyleClass().add("policy-" + row.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                }
            }
        });
    }

    private static TableColumn<Row, String> column(String key, java.util.function.Function<Row, String> value, double width) {
        TableColumn<Row, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.length() < 40 ? null : new javafx.scene.control.Tooltip(text));
            }
        });
        return c;
    }

    /** Shows {@code plan}. */
    void show(PublicationPlan plan) {
        getItems().setAll(rows(plan));
    }

    /** The rows for a plan: published datasets with their geometry and fields first, then the withheld layers. */
    static List<Row> rows(PublicationPlan plan) {
        List<Row> rows = new ArrayList<>();
        for (PlannedDataset d : plan.datasets()) {
            if (d.kind() == PlannedDataset.Kind.AGGREGATE) {
                rows.add(new Row(d.outputLayer(), "", Outcome.GENERALISED, Messages.get("ui.publish.decision.aggregate"),
                        Messages.get("ui.publish.reason.aggregate", d.sourceLayer(), d.aggregate().field())));
                continue;
            }
            String geometry = Messages.get("ui.publish.geometry");
            rows.add(d.geometry() == de.trassenwerk.opendata.GeometryRule.AREA
                    ? new Row(d.outputLayer(), geometry, Outcome.GENERALISED, Messages.get("ui.publish.decision.area"),
                            Messages.get("ui.publish.reason.area"))
                    : new Row(d.outputLayer(), geometry, Outcome.PUBLISHED, Messages.get("ui.publish.decision.keep"),
                            d.rows().isEmpty() ? "" : Messages.get("ui.publish.reason.rows", d.rows())));
            for (FieldDecision f : d.fields()) {
                Outcome o = switch (f.outcome()) {
                    case KEEP -> Outcome.PUBLISHED;
                    case MONTH -> Outcome.GENERALISED;
                    default -> Outcome.LEFT_OUT;
                };
                String decision = Messages.get("ui.publish.decision." + f.outcome().name().toLowerCase(java.util.Locale.ROOT));
                rows.add(new Row(d.outputLayer(), f.field(), o, decision,
                        f.reason() == null ? "" : Messages.get(f.reason().messageKey())));
            }
        }
        for (WithheldLayer w : plan.withheld()) {
            String reason = Messages.get(w.reason().messageKey());
            rows.add(new Row(w.layer(), "", Outcome.LEFT_OUT, Messages.get("ui.publish.decision.withheld"),
                    w.detail() == null ? reason : reason + ": " + w.detail()));
        }
        return rows;
    }
}
