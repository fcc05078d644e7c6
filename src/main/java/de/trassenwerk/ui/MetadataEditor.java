package de.trassenwerk.ui;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.opendata.DatasetInfo;
import de.trassenwerk.opendata.Licence;
import de.trassenwerk.opendata.PlannedDataset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

/**
 * Edits the metadata of the datasets about to be published: title, description, keywords and
 * licence (dl-de/by-2-0 by default, CC BY 3.0 DE and others per dataset); publisher, contact point,
 * themes and update frequency are shown as the policy sets them. Edits are kept by dataset name
 * and survive a change of the layer selection. FX thread only.
 */
final class MetadataEditor extends BorderPane {
    private final ListView<PlannedDataset> datasets = new ListView<>();
    private final TextField title = new TextField();
    private final TextArea description = new TextArea();
    private final TextField keywords = new TextField();
    private final ComboBox<Licence> licence = new ComboBox<>();
    private final Label fixed = new Label();
    private final Map<String, DatasetInfo> edited = new LinkedHashMap<>();
    private PlannedDataset current;

    MetadataEditor() {
        setId("metadataEditor");
        datasets.setId("metadataDatasets");
        title.setId("metadataTitle");
        description.setId("metadataDescription");
        keywords.setId("metadataKeywords");
        licence.setId("metadataLicence");
        description.setWrapText(true);
        description.setPrefRowCount(6);
        licence.getItems().setAll(Licence.KNOWN);
        licence.setConverter(new StringConverter<>() {
            @Override
            public String toString(Licence l) {
                return l == null ? "" : l.name();
            }

            @Override
            public Licence fromString(String s) {
                return null;
            }
        });
        datasets.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(PlannedDataset d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null : d.info().name());
            }
        });
        datasets.setPrefWidth(260);
        datasets.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            keep();
            load(now);
        });
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.setPadding(new Insets(0, 0, 0, 12));
        form.addRow(0, new Label(Messages.get("ui.publish.meta.title")), title);
        form.addRow(1, new Label(Messages.get("ui.publish.meta.description")), description);
        form.addRow(2, new Label(Messages.get("ui.publish.meta.keywords")), keywords);
        form.addRow(3, new Label(Messages.get("ui.publish.meta.licence")), licence);
        form.add(fixed, 1, 4);
        fixed.setWrapText(true);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        setLeft(datasets);
        setCenter(form);
        setDisable(true);
    }

    /** Shows the datasets of a new plan; edits of datasets still in it are kept. */
    void show(List<PlannedDataset> planned) {
        keep();
        current = null;
        datasets.getItems().setAll(planned);
        setDisable(planned.isEmpty());
        if (!planned.isEmpty()) {
            datasets.getSelectionModel().selectFirst();
        }
    }

    /** The metadata as edited, by dataset name (only datasets that were changed). */
    Map<String, DatasetInfo> edits() {
        keep();
        return Map.copyOf(edited);
    }

    private void load(PlannedDataset d) {
        current = d;
        if (d == null) {
            return;
        }
        DatasetInfo info = edited.getOrDefault(d.info().name(), d.info());
        title.setText(info.title());
        description.setText(info.description());
        keywords.setText(String.join(", ", info.keywords()));
        licence.getSelectionModel().select(info.licence());
        fixed.setText(Messages.get("ui.publish.meta.fixed", info.publisher().name(), info.contactPoint().organisation(),
                info.contactPoint().email(), info.themes().stream().map(t -> Messages.get("opendata.theme." + t.name()))
                        .collect(Collectors.joining(", ")),
                Messages.get("opendata.frequency." + info.updateFrequency().name())));
    }

    /** Stores the form into the edits when it differs from the policy's metadata. */
    private void keep() {
        if (current == null) {
            return;
        }
        DatasetInfo original = current.info();
        List<String> words = Arrays.stream(keywords.getText().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        Licence l = licence.getValue() == null ? original.licence() : licence.getValue();
        String t = title.getText().isBlank() ? original.title() : title.getText().strip();
        String desc = description.getText().isBlank() ? original.description() : description.getText().strip();
        DatasetInfo now = original.edited(t, desc, words.isEmpty() ? original.keywords() : words, l);
        if (now.equals(original)) {
            edited.remove(original.name());
        } else {
            edited.put(original.name(), now);
        }
    }
}
