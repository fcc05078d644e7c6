package de.trassenwerk.ui;

import de.trassenwerk.crs.CrsIdentifier;
import de.trassenwerk.crs.SpatialReferences;
import de.trassenwerk.i18n.Messages;
import de.trassenwerk.i18n.UserFacingException;
import de.trassenwerk.io.Dataset;
import de.trassenwerk.io.FeatureCursor;
import de.trassenwerk.io.FeatureSource;
import de.trassenwerk.io.SourceFeature;
import de.trassenwerk.io.SourceSchema;
import de.trassenwerk.io.importer.ImportListener;
import de.trassenwerk.io.importer.ImportProblem;
import de.trassenwerk.io.importer.ImportReport;
import de.trassenwerk.io.importer.ImportSettings;
import de.trassenwerk.io.importer.InvalidGeometries;
import de.trassenwerk.io.importer.LayerImport;
import de.trassenwerk.io.importer.SourceOptions;
import de.trassenwerk.io.importer.Sources;
import de.trassenwerk.io.importer.WriteMode;
import de.trassenwerk.io.mapping.MappingTarget;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.ThemeLayers;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The import wizard: choose a source (file or service URL) and its layer, check the coordinate
 * system and a preview map, choose the target GeoPackage and layer, what to do with an existing
 * layer, a field mapping (chosen, or made and edited in the {@link MappingEditor}; Import waits
 * until it fits the source and the layer) and what to do with invalid geometries, then import with
 * a progress bar and a cancel button. Everything the command line's {@code import} can do.
 *
 * <p>Thread rules: the window and its controls live on the FX thread. Opening the source, reading
 * the preview and the source's fields, looking up the target layer's fields and the import itself
 * run as {@link Task}s on one worker thread of this wizard, one after another, so the opened
 * dataset is only ever used by one thread at a time and never by the FX thread; controls are
 * disabled while a task that reads the source runs. Cancel sets a flag the import polls.
 */
public final class ImportWizard {
    private static final int PREVIEW_FEATURES = 5000;

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
    private final MappingEditor mapping = new MappingEditor(this::mappingMadeFor, this::showError);
    private final ToggleGroup invalid = new ToggleGroup();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final Button go = button("importGo", "ui.import.go");
    private final Button cancel = button("importCancel", "ui.import.cancel");
    private final TextArea report = new TextArea();

    private final BooleanProperty busy = new SimpleBooleanProperty();

    private Dataset dataset;
    private FeatureSource chosen;
    /** Counts the target look-ups; only the latest one's answer is shown. */
    private long targetLookups;

    private ImportWizard(Window owner, Path targetGpkg, Consumer<Path> onImported) {
        this.onImported = onImported == null ? p -> { } : onImported;
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(Messages.get("ui.import.title"));
        target.setText(targetGpkg == null ? "" : targetGpkg.toString());
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(layout(), Math.min(1180, screen.getWidth() - 40), Math.min(900, screen.getHeight() - 40));
        scene.getStylesheets().add(Objects.requireNonNull(ImportWizard.class.getResource("import-wizard.css"))
                .toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), mapping::saveAs);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), mapping::newMapping);
        stage.setScene(scene);
        stage.setOnHidden(e -> closeDataset());
        wire();
        lookUpTarget();
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

    /** The field mapping section (tests replace its file dialogs). */
    MappingEditor mappingEditor() {
        return mapping;
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
        mapping.disableProperty().bind(busy);

        RadioButton fail = radio("importInvalidFail", "ui.import.invalid.fail", InvalidGeometries.FAIL);
        RadioButton repair = radio("importInvalidRepair", "ui.import.invalid.repair", InvalidGeometries.REPAIR);
        RadioButton skip = radio("importInvalidSkip", "ui.import.invalid.skip", InvalidGeometries.SKIP);
        fail.setSelected(true);

        Button browse = button("importBrowse", "ui.import.browse");
        browse.setOnAction(e -> browse());
        Button chooseTarget = button("importChooseTarget", "ui.import.chooseTarget");
        chooseTarget.setOnAction(e -> chooseTarget());

        GridPane form = new GridPane();
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        form.getColumnConstraints().add(labels);
        form.setHgap(8);
        form.setVgap(6);
        form.setPadding(new Insets(10));
        int row = 0;
        form.addRow(row++, new Label(Messages.get("ui.import.source")), grow(source),
                unshrinkable(new HBox(6, browse, open)));
        form.addRow(row++, new Label(Messages.get("ui.import.layer")), layer);
        form.addRow(row++, new Label(Messages.get("ui.import.crs")), crs, crsNote);
        form.addRow(row++, new Label(Messages.get("ui.import.target")), grow(target), chooseTarget);
        form.addRow(row++, new Label(Messages.get("ui.import.targetLayer")), targetLayer);
        form.addRow(row++, new Label(Messages.get("ui.import.existing")), mode, key);
        form.add(new Label(Messages.get("ui.import.invalid")), 0, row);
        form.add(unshrinkable(new HBox(12, fail, repair, skip)), 1, row, 2, 1);

        progress.setId("importProgress");
        progress.setPrefWidth(260);
        status.setId("importStatus");
        report.setId("importReport");
        report.setEditable(false);
        report.setWrapText(true);
        report.setPrefRowCount(3);
        Button close = button("importClose", "ui.import.close");
        close.setOnAction(e -> stage.close());
        cancel.setDisable(true);
        HBox bar = new HBox(8, progress, status, spacer(), go, cancel, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 10, 10));
        VBox right = new VBox(6, new Label(Messages.get("ui.import.preview")), preview);
        right.setPadding(new Insets(10));
        HBox.setHgrow(form, Priority.ALWAYS);
        mapping.setPadding(new Insets(0, 10, 6, 10));
        VBox.setVgrow(mapping, Priority.ALWAYS);
        VBox.setMargin(report, new Insets(0, 10, 0, 10));
        HBox top = new HBox(form, right);
        top.setMinHeight(Region.USE_PREF_SIZE);
        VBox body = new VBox(top, mapping);
        BorderPane root = new BorderPane(body);
        root.setBottom(new VBox(4, report, bar));
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
        f.setPrefColumnCount(32);
        return f;
    }

    private static HBox unshrinkable(HBox box) {
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
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
            if (now != null && !busy.get()) {
                chooseLayer(now);
            }
        });
        mode.valueProperty().addListener((o, was, now) -> {
            key.setDisable(now != WriteMode.UPDATE);
            lookUpTarget();
        });
        key.setDisable(true);
        targetLayer.valueProperty().addListener((o, was, now) -> lookUpTarget());
        target.setOnAction(e -> lookUpTarget());
        target.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                lookUpTarget();
            }
        });
        go.disableProperty().bind(busy.or(mapping.validProperty().not()));
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
            lookUpTarget();
        }
    }

    /** A chosen mapping was made for {@code layer}: it becomes the target layer. */
    private void mappingMadeFor(String layerName) {
        targetLayer.setValue(layerName);
    }

    private void showError(String message) {
        report.setText(message);
    }

    /**
     * Finds on the worker which fields the import will write (the existing layer's, a theme layer's,
     * or any for a new layer) and hands them to the mapping editor.
     */
    private void lookUpTarget() {
        String file = target.getText() == null ? "" : target.getText().trim();
        String name = targetLayer.getValue() == null ? "" : targetLayer.getValue().trim();
        boolean keeps = mode.getValue() == WriteMode.APPEND || mode.getValue() == WriteMode.UPDATE;
        long lookup = ++targetLookups;
        if (worker.isShutdown()) {
            return;
        }
        Task<MappingTarget> task = new Task<>() {
            @Override
            protected MappingTarget call() {
                return MappingTarget.forImport(name, existingLayer(file, name), keeps);
            }
        };
        task.setOnSucceeded(e -> {
            if (lookup == targetLookups) {
                mapping.setTarget(task.getValue());
            }
        });
        worker.submit(task);
    }

    /** The layer {@code name} of the GeoPackage {@code file}, or null when there is none (worker thread). */
    private static LayerSchema existingLayer(String file, String name) {
        if (file.isEmpty() || name.isEmpty()) {
            return null;
        }
        try {
            Path p = Path.of(file);
            if (!Files.isRegularFile(p)) {
                return null;
            }
            try (GeoPackageStore store = GeoPackageStore.open(p, GeoPackageStore.Mode.READ_ONLY)) {
                return store.hasLayer(name) ? store.schema(name) : null;
            }
        } catch (InvalidPathException | UserFacingException e) {
            return null; // the import itself names what is wrong with the target
        }
    }

    private void openSource() {
        String text = source.getText().trim();
        if (text.isEmpty() || busy.get()) {
            return;
        }
        preview.clear();
        report.clear();
        mapping.setSource(null);
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
        mapping.setSource(null);
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
            readFields(c.source());
        });
    }

    /** Reads the source's fields for the mapping (a GeoJSON's by a pass over the file; the import reuses them). */
    private void readFields(FeatureSource s) {
        run(new Task<SourceSchema>() {
            @Override
            protected SourceSchema call() {
                updateMessage(Messages.get("ui.mapping.readingFields", s.name()));
                return s.schema();
            }
        }, schema -> {
            if (chosen == s) {
                mapping.setSource(schema);
            }
            status.setText("");
        });
    }

    private record Chosen(FeatureSource source, int srsId, String note, ImportPreview.Sample sample) {
    }

    private void startImport() {
        FeatureSource s = chosen;
        if (s == null || busy.get()) {
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
                .withMapping(mapping.mapping());
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
        busy.set(true);
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
        busy.set(false);
        progress.progressProperty().unbind();
        if (progress.getProgress() < 0) {
            progress.setProgress(0); // a task that never said how far it got leaves no busy bar behind
        }
        status.textProperty().unbind();
        setControlsDisabled(false);
    }

    private void setControlsDisabled(boolean disabled) {
        source.setDisable(disabled);
        open.setDisable(disabled);
        layer.setDisable(disabled);
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
