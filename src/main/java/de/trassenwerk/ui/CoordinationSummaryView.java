package de.trassenwerk.ui;

import de.trassenwerk.coordination.CoordinationResult;
import de.trassenwerk.coordination.Finding;
import de.trassenwerk.coordination.FindingKind;
import de.trassenwerk.i18n.Messages;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Totals per kind of finding (count, length, saving) and a bar chart of the co-laying savings per
 * district, for the findings the table currently shows. FX thread only.
 */
final class CoordinationSummaryView extends VBox {
    private final GridPane totals = new GridPane();
    private final BarChart<String, Number> chart;

    CoordinationSummaryView() {
        setSpacing(10);
        setStyle("-fx-padding: 10;");
        totals.setId("coordinationTotals");
        totals.setHgap(24);
        totals.setVgap(4);
        CategoryAxis districts = new CategoryAxis();
        districts.setLabel(Messages.get("ui.coordination.column.district"));
        NumberAxis euros = new NumberAxis();
        euros.setLabel(Messages.get("ui.coordination.chart.euros"));
        chart = new BarChart<>(districts, euros);
        chart.setId("savingsChart");
        chart.setTitle(Messages.get("ui.coordination.chart.title"));
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        VBox.setVgrow(chart, Priority.ALWAYS);
        getChildren().addAll(totals, chart);
        show(List.of());
    }

    /** Shows the totals and the chart of these findings. */
    void show(List<Finding> findings) {
        totals.getChildren().clear();
        totals.addRow(0, bold("ui.coordination.column.kind"), bold("ui.coordination.summary.count"),
                bold("ui.coordination.column.length"), bold("ui.coordination.column.saving"));
        int row = 1;
        for (Map.Entry<FindingKind, CoordinationResult.Totals> e : CoordinationResult.summary(findings).entrySet()) {
            CoordinationResult.Totals t = e.getValue();
            Label count = new Label(Integer.toString(t.count()));
            count.setId("total-" + e.getKey().key());
            totals.addRow(row++, new Label(CoordinationLabels.kind(e.getKey().key())), count,
                    new Label(CoordinationLabels.metres(t.lengthM())), new Label(CoordinationLabels.euros(t.savingEur())));
        }
        Map<String, Long> byDistrict = new TreeMap<>(java.text.Collator.getInstance(Messages.locale()));
        for (Finding f : findings) {
            if (f.kind() == FindingKind.CO_LAYING && f.savingEur() != null) {
                String d = f.district() == null ? Messages.get("ui.coordination.noDistrict") : f.district();
                byDistrict.merge(d, f.savingEur(), Long::sum);
            }
        }
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(Messages.get("ui.coordination.chart.title"));
        byDistrict.forEach((d, eur) -> series.getData().add(new XYChart.Data<>(d, eur)));
        chart.getData().setAll(List.of(series));
    }

    private static Label bold(String key) {
        Label l = new Label(Messages.get(key));
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    BarChart<String, Number> chart() {
        return chart;
    }
}
