package de.trassenwerk.ui;

import de.trassenwerk.crs.CrsIdentifier;
import de.trassenwerk.crs.SpatialReferences;
import de.trassenwerk.i18n.Messages;
import de.trassenwerk.i18n.UserFacingException;
import de.trassenwerk.io.Dataset;
import de.trassenwerk.io.FeatureCursor;
import de.trassenwerk.io.FeatureSource;
import de.trassenwerk.io.SourceFeature;
import de.trassenwerk.io.importer.ImportListener;
import de.trassenwerk.io.importer.ImportProblem;
import de.trassenwerk.io.importer.ImportReport;
import de.trassenwerk.io.importer.ImportSettings;
import de.trassenwerk.io.importer.InvalidGeometries;
import de.trassenwerk.io.importer.LayerImport;
import de.trassenwerk.io.importer.SourceOptions;
import de.trassenwerk.io.importer.Sources;
import de.trassenwerk.io.importer.WriteMode;
import de.trassenwerk.io.mapping.FieldMapping;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.ThemeLayers;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The import wizard: choose a source (file or service URL) and its layer, check the coordinate
 * system and a preview map, choose the target GeoPackage and layer, what to do with an existing
 * layer, a field mapping and what to do with invalid geometries, then import with a progress bar
 * and a cancel button. Everything the command line's {@code import} can do.
 *
 * <p>Thread rules: the window and its controls live on the FX thread. Opening the source, reading
 * the preview and the import itself run as {@link Task}s on one worker thread of this wizard, one
 * after another, so the opened dataset is only ever used by one thread at a time and never by the
 * FX thread; controls are disabled while a task runs. Cancel sets a flag the import polls.
 */
public final class ImportWizard {
    private static final int PREVIEW_FEATURES = 5000;
    private static final String BY_NAME = "";

    private final Stage stage = new Stage();
    private final Consumer<Path> onImported;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "import-wizard");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean cancelled = new AtomicBoolean();

    private final TextField source = field("importSource");
    private final Button open = button("importOpen", "ui.import.open");
    private final ChoiceBox<String> layer = new ChoiceBox<>();
    private final ComboBox<String> crs = new ComboBox<>();
    private final Label crsNote = new Label();
    private final ImportPreview preview = new ImportPreview();
    private final TextField target = field("importTarget");
    private final ComboBox<String> targetLayer = new ComboBox<>();
    private final ChoiceBox<WriteMode> mode = new ChoiceBox<>();
    private final TextField key = field("importKey");
    private final ComboBox<String> mapping = new ComboBox<>();
    private final TableView<FieldMapping.Rule> rules = new TableView<>();
    private final ToggleGroup invalid = new ToggleGroup();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final Button go = button("importGo", "ui.import.go");
    private final Button cancel = button("importCancel", "ui.import.cancel");
    private final TextArea report = new TextArea();

    private Dataset dataset;
    private FeatureSource chosen;
    private FieldMapping loadedMapping;
    private boolean busy;

    private ImportWizard(Window owner, Path targetGpkg, Consumer<Path> onImported) {
        this.onImported = onImported == null ? p -> { } : onImported;
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(Messages.get("ui.import.title"));
        target.setText(targetGpkg == null ? "" : targetGpkg.toString());
        stage.setScene(new Scene(layout(), 980, 720));
        stage.setOnHidden(e -> closeDataset());
        wire();
    }

    /**
     * Opens the wizard beside {@code owner} with {@code targetGpkg} as the proposed target;
     * {@code onImported} is called on the FX thread with the target after each successful import.
     */
    public static ImportWizard show(Window owner, Path targetGpkg, Consumer<Path> onImported) {
        ImportWizard w = new ImportWizard(owner, targetGpkg, onImported);
        w.stage.show();
        return w;
    }

    /** The wizard's window. */
    public Stage stage() {
        return stage;
    }

    // ---------------------------------------------------------------- layout

    private static TextField field(String id) {
        TextField f = new TextField();
        f.setId(id);
        return f;
    }

    private static Button button(String id, String key) {
        Button b = new Button(Messages.get(key));
        b.setId(id);
        return b;
    }

    private BorderPane layout() {
        layer.setId("importLayer");
        crs.setId("importCrs");
        crs.setEditable(true);
        crs.setItems(FXCollections.observableArrayList(SpatialReferences.known().stream().map(c -> "EPSG:" + c).toList()));
        crsNote.setId("importCrsNote");
        crsNote.setWrapText(true);
        targetLayer.setId("importTargetLayer");
        targetLayer.setEditable(true);
        targetLayer.setItems(FXCollections.observableArrayList(ThemeLayers.all().stream().map(LayerSchema::name).toList()));
        mode.setId("importMode");
        mode.setItems(FXCollections.observableArrayList(WriteMode.values()));
        mode.setValue(WriteMode.CREATE);
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(WriteMode m) {
                return m == null ? "" : Messages.get("ui.import.mode." + m.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public WriteMode fromString(String s) {
                return null;
            }
        });
        key.setPromptText(Messages.get("ui.import.keyPrompt"));
        mapping.setId("importMapping");
        List<String> mappings = new ArrayList<>();
        mappings.add(BY_NAME);
        mappings.addAll(FieldMapping.shippedNames());
        mapping.setItems(FXCollections.observableArrayList(mappings));
        mapping.setValue(BY_NAME);
        mapping.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null || s.isEmpty() ? Messages.get("ui.import.mapping.byName") : s;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        rules.setId("importRules");
        rules.setPrefHeight(140);
        rules.setPlaceholder(new Label(Messages.get("ui.import.mapping.none")));
        TableColumn<FieldMapping.Rule, String> from = new TableColumn<>(Messages.get("ui.import.mapping.from"));
        from.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().from() == null ? "" : c.getValue().from()));
        TableColumn<FieldMapping.Rule, String> to = new TableColumn<>(Messages.get("ui.import.mapping.to"));
        to.setCellValueFactory(c -> new SimpleStringProperty(String.join(", ", c.getValue().to())));
        TableColumn<FieldMapping.Rule, String> how = new TableColumn<>(Messages.get("ui.import.mapping.convert"));
        how.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().convert().name().toLowerCase(java.util.Locale.ROOT)
                + (c.getValue().value() != null ? " " + c.getValue().value() : "")));
        rules.getColumns().add(from);
        rules.getColumns().add(to);
        rules.getColumns().add(how);
        rules.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        RadioButton fail = radio("importInvalidFail", "ui.import.invalid.fail", InvalidGeometries.FAIL);
        RadioButton repair = radio("importInvalidRepair", "ui.import.invalid.repair", InvalidGeometries.REPAIR);
        RadioButton skip = radio("importInvalidSkip", "ui.import.invalid.skip", InvalidGeometries.SKIP);
        fail.setSelected(true);

        Button browse = button("importBrowse", "ui.import.browse");
        browse.setOnAction(e -> browse());
        Button chooseTarget = button("importChooseTarget", "ui.import.chooseTarget");
        chooseTarget.setOnAction(e -> chooseTarget());
        Button loadMapping = button("importLoadMapping", "ui.import.mapping.load");
        loadMapping.setOnAction(e -> loadMapping());
        Button saveMapping = button("importSaveMapping", "ui.import.mapping.save");
        saveMapping.setOnAction(e -> saveMapping());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.setPadding(new Insets(10));
        int row = 0;
        form.addRow(row++, new Label(Messages.get("ui.import.source")), grow(source), new HBox(6, browse, open));
        form.addRow(row++, new Label(Messages.get("ui.import.layer")), layer);
        form.addRow(row++, new Label(Messages.get("ui.import.crs")), crs, crsNote);
        form.addRow(row++, new Label(Messages.get("ui.import.target")), grow(target), chooseTarget);
        form.addRow(row++, new Label(Messages.get("ui.import.targetLayer")), targetLayer);
        form.addRow(row++, new Label(Messages.get("ui.import.existing")), mode, key);
        form.addRow(row++, new Label(Messages.get("ui.import.mapping")), mapping, new HBox(6, loadMapping, saveMapping));
        form.add(rules, 1, row++, 2, 1);
        form.addRow(row, new Label(Messages.get("ui.import.invalid")), new HBox(12, fail, repair, skip));

        progress.setId("importProgress");
        progress.setPrefWidth(260);
        status.setId("importStatus");
        report.setId("importReport");
        report.setEditable(false);
        report.setWrapText(true);
        report.setPrefRowCount(6);
        Button close = button("importClose", "ui.import.close");
        close.setOnAction(e -> stage.close());
        cancel.setDisable(true);
        HBox bar = new HBox(8, progress, status, spacer(), go, cancel, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 10, 10));
        VBox right = new VBox(6, new Label(Messages.get("ui.import.preview")), preview);
        right.setPadding(new Insets(10));
        BorderPane root = new BorderPane(form);
        root.setRight(right);
        root.setBottom(new VBox(4, report, bar));
        BorderPane.setMargin(report, new Insets(0, 10, 0, 10));
        return root;
    }

    private RadioButton radio(String id, String key, InvalidGeometries value) {
        RadioButton r = new RadioButton(Messages.get(key));
        r.setId(id);
        r.setUserData(value);
        r.setToggleGroup(invalid);
        return r;
    }

    private static TextField grow(TextField f) {
        GridPane.setHgrow(f, Priority.ALWAYS);
        f.setPrefColumnCount(40);
        return f;
    }

    private static HBox spacer() {
        HBox h = new HBox();
        HBox.setHgrow(h, Priority.ALWAYS);
        return h;
    }

    private void wire() {
        open.setOnAction(e -> openSource());
        source.setOnAction(e -> openSource());
        layer.valueProperty().addListener((o, was, now) -> {
            if (now != null && !busy) {
                chooseLayer(now);
            }
        });
        mode.valueProperty().addListener((o, was, now) -> key.setDisable(now != WriteMode.UPDATE));
        key.setDisable(true);
        mapping.valueProperty().addListener((o, was, now) -> showMapping());
        go.setOnAction(e -> startImport());
        cancel.setOnAction(e -> {
            cancelled.set(true);
            status.setText(Messages.get("ui.import.cancelling"));
        });
    }

    // ---------------------------------------------------------------- steps (FX thread)

    private void browse() {
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get("ui.import.browse"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("ui.import.filter"),
                "*.geojson", "*.json", "*.csv", "*.txt", "*.tsv", "*.shp", "*.gpkg"));
        File f = fc.showOpenDialog(stage);
        if (f != null) {
            source.setText(f.getPath());
            openSource();
        }
    }

    private void chooseTarget() {
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get("ui.import.chooseTarget"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("GeoPackage (*.gpkg)", "*.gpkg"));
        File f = fc.showSaveDialog(stage);
        if (f != null) {
            target.setText(f.getPath());
        }
    }

    private void loadMapping() {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("ui.import.mapping.filter"), "*.json"));
        File f = fc.showOpenDialog(stage);
        if (f == null) {
            return;
        }
        try {
            loadedMapping = FieldMapping.read(f.toPath());
            mapping.getItems().add(f.getPath());
            mapping.setValue(f.getPath());
        } catch (UserFacingException e) {
            report.setText(e.localizedMessage());
        }
    }

    private void saveMapping() {
        FieldMapping m = currentMapping();
        if (m == null) {
            return;
        }
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("ui.import.mapping.filter"), "*.json"));
        File f = fc.showSaveDialog(stage);
        if (f != null) {
            try {
                m.write(f.toPath());
            } catch (UserFacingException e) {
                report.setText(e.localizedMessage());
            }
        }
    }

    private FieldMapping currentMapping() {
        String m = mapping.getValue();
        if (m == null || m.equals(BY_NAME)) {
            return null;
        }
        return FieldMapping.shipped(m).orElse(loadedMapping);
    }

    private void showMapping() {
        FieldMapping m = currentMapping();
        rules.getItems().setAll(m == null ? List.of() : m.fields());
        if (m != null && m.layer() != null) {
            targetLayer.setValue(m.layer());
        }
    }

    private void openSource() {
        String text = source.getText().trim();
        if (text.isEmpty() || busy) {
            return;
        }
        preview.clear();
        report.clear();
        Dataset old = dataset;
        dataset = null;
        chosen = null;
        run(new Task<Dataset>() {
            @Override
            protected Dataset call() {
                if (old != null) {
                    old.close();
                }
                updateMessage(Messages.get("ui.import.opening", text));
                return Sources.open(text, SourceOptions.DEFAULT);
            }
        }, d -> {
            dataset = d;
            layer.setValue(null);
            layer.setItems(FXCollections.observableArrayList(d.layers()));
            status.setText(Messages.get("ui.import.layers", d.layers().size()));
            if (d.layers().size() == 1) {
                layer.setValue(d.layers().get(0));
            }
        });
    }

    /** Chooses a source layer: reads its coordinate system and the preview on the worker. */
    private void chooseLayer(String name) {
        Dataset d = dataset;
        if (d == null) {
            return;
        }
        preview.clear();
        run(new Task<Chosen>() {
            @Override
            protected Chosen call() {
                updateMessage(Messages.get("ui.import.reading", name));
                FeatureSource s = d.layer(name);
                int srs = 0;
                String note = null;
                try {
                    srs = s.srsId();
                    note = s.crsNote();
                } catch (UserFacingException e) {
                    note = e.localizedMessage();
                }
                List<Geometry> sample = new ArrayList<>();
                Envelope extent = new Envelope();
                long count = 0;
                boolean more = false;
                try (FeatureCursor c = s.features()) {
                    while (c.hasNext()) {
                        if (count == PREVIEW_FEATURES) {
                            more = true;
                            break;
                        }
                        SourceFeature f = c.next();
                        count++;
                        if (f.geometry() != null && !f.geometry().isEmpty()) {
                            sample.add(f.geometry());
                            extent.expandToInclude(f.geometry().getEnvelopeInternal());
                        }
                    }
                }
                return new Chosen(s, srs, note, new ImportPreview.Sample(sample, count, more,
                        extent.isNull() ? null : extent, srs > 0 ? "EPSG:" + srs : "?"));
            }
        }, c -> {
            chosen = c.source();
            crs.setValue(c.srsId() > 0 ? "EPSG:" + c.srsId() : null);
            crsNote.setText(c.note() == null ? "" : c.note());
            preview.show(c.sample());
            if (targetLayer.getValue() == null || targetLayer.getValue().isBlank()) {
                targetLayer.setValue(c.source().name());
            }
            status.setText("");
        });
    }

    private record Chosen(FeatureSource source, int srsId, String note, ImportPreview.Sample sample) {
    }

    private void startImport() {
        FeatureSource s = chosen;
        if (s == null || busy) {
            report.setText(Messages.get("ui.import.noSource"));
            return;
        }
        ImportSettings settings;
        try {
            settings = settings();
        } catch (UserFacingException e) {
            report.setText(e.localizedMessage());
            return;
        }
        cancelled.set(false);
        report.clear();
        Path file = settings.target();
        run(new Task<ImportReport>() {
            @Override
            protected ImportReport call() {
                updateMessage(Messages.get("ui.import.importing"));
                ImportListener listener = (features, fraction, phase) -> {
                    updateMessage(Messages.get("cli.import.progress." + phase.name().toLowerCase(java.util.Locale.ROOT),
                            features, ""));
                    if (fraction >= 0) {
                        updateProgress(fraction, 1);
                    }
                };
                return LayerImport.run(s, settings, listener, cancelled::get);
            }
        }, r -> {
            report.setText(describe(r));
            status.setText(Messages.get("ui.import.done"));
            onImported.accept(file);
        });
    }

    private ImportSettings settings() {
        String t = target.getText().trim();
        String l = targetLayer.getValue() == null ? "" : targetLayer.getValue().trim();
        if (t.isEmpty() || l.isEmpty()) {
            throw new UserFacingException("ui.import.error.target", null);
        }
        ImportSettings s = ImportSettings.into(Path.of(t), l)
                .withInvalid((InvalidGeometries) invalid.getSelectedToggle().getUserData())
                .withMapping(currentMapping());
        WriteMode m = mode.getValue();
        if (m == WriteMode.UPDATE) {
            if (key.getText().isBlank()) {
                throw new UserFacingException("ui.import.error.key", null);
            }
            s = s.updatingBy(key.getText().trim());
        } else {
            s = s.withMode(m);
        }
        String c = crs.getValue() == null ? crs.getEditor().getText() : crs.getValue();
        if (c != null && !c.isBlank()) {
            int code = CrsIdentifier.parse(c).map(CrsIdentifier::epsg)
                    .orElseThrow(() -> new UserFacingException("cli.import.error.crs", null, c));
            s = s.withSourceCrs(code);
        }
        return s;
    }

    private static String describe(ImportReport r) {
        StringBuilder b = new StringBuilder();
        b.append(Messages.get("cli.import.done", r.read(), r.source(), r.target(), r.layer(), "EPSG:" + r.targetCrs(),
                String.format(Messages.locale(), "%.1f", r.millis() / 1000.0))).append('\n');
        b.append(Messages.get("cli.import.counts", r.added(), r.updated(), r.unchanged())).append('\n');
        if (!r.disappeared().isEmpty()) {
            b.append(Messages.get("cli.import.disappeared", r.disappeared().size(), String.join(", ", r.disappeared())))
                    .append('\n');
        }
        if (r.repaired() > 0) {
            b.append(Messages.get("cli.import.repaired", r.repaired())).append('\n');
        }
        if (r.skippedCount() > 0) {
            b.append(Messages.get("cli.import.skipped", r.skippedCount())).append('\n');
            for (ImportProblem p : r.skipped()) {
                b.append("  ").append(p.describe()).append('\n');
            }
        }
        if (!r.unmappedFields().isEmpty()) {
            b.append(Messages.get("cli.import.unmapped", String.join(", ", r.unmappedFields()))).append('\n');
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- running tasks

    /** Runs a task on the wizard's worker; {@code done} gets its value on the FX thread. */
    private <T> void run(Task<T> task, Consumer<T> done) {
        busy = true;
        setControlsDisabled(true);
        progress.progressProperty().bind(task.progressProperty());
        status.textProperty().bind(task.messageProperty());
        task.setOnSucceeded(e -> {
            finish();
            done.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finish();
            Throwable t = task.getException();
            report.setText(t instanceof UserFacingException u ? u.localizedMessage()
                    : Messages.get("cli.error.unexpected", String.valueOf(t)));
            status.setText(Messages.get("ui.import.failed"));
        });
        worker.submit(task);
    }

    private void finish() {
        busy = false;
        progress.progressProperty().unbind();
        status.textProperty().unbind();
        setControlsDisabled(false);
    }

    private void setControlsDisabled(boolean disabled) {
        source.setDisable(disabled);
        open.setDisable(disabled);
        layer.setDisable(disabled);
        go.setDisable(disabled);
        cancel.setDisable(!disabled);
    }

    private void closeDataset() {
        Dataset d = dataset;
        dataset = null;
        cancelled.set(true);
        worker.submit(() -> {
            if (d != null) {
                d.close();
            }
        });
        worker.shutdown();
    }
}
