package de.trassenwerk.ui;

import de.trassenwerk.coordination.AnalysisMonitor;
import de.trassenwerk.coordination.CoordinationParameters;
import de.trassenwerk.coordination.CostModel;
import de.trassenwerk.coordination.Finding;
import de.trassenwerk.coordination.FindingKind;
import de.trassenwerk.coordination.FindingsCsv;
import de.trassenwerk.coordination.FindingsLayer;
import de.trassenwerk.i18n.Messages;
import de.trassenwerk.i18n.UserFacingException;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * The trenching-coordination panel: parameters and a run button, the findings as a filterable,
 * sortable table, the users' status and comment on each finding, totals with a chart of savings by
 * district, the who-to-call list, and CSV export. Clicking a finding hands its geometries to the
 * callback set with {@link #setOnFindingFocus} (the main window zooms and highlights them on the map).
 *
 * <p>Thread rules: made and used on the FX thread. Everything that touches the file runs as a
 * {@link Task} on the panel's own worker thread, one after another: the analysis (with progress and
 * cancel), saving a status, fetching a finding's geometries, writing an export. Results come back on
 * the FX thread. {@link #dispose()} stops the worker.
 */
public final class CoordinationPanel extends BorderPane {
    private static final String ALL = "\u0000all";

    private final CoordinationFile file;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "coordination");
        t.setDaemon(true);
        return t;
    });

    private final DatePicker today = new DatePicker();
    private final Spinner<Double> buffer = new Spinner<>(0.0, 1000.0, CoordinationParameters.DEFAULT_BUFFER_M, 1.0);
    private final Spinner<Integer> lead = new Spinner<>(0, 520, CoordinationParameters.DEFAULT_LEAD_WEEKS);
    private final Spinner<Integer> horizon = new Spinner<>(0, 600, CoordinationParameters.DEFAULT_HORIZON_MONTHS);
    private final Spinner<Integer> moratorium = new Spinner<>(0, 100, CoordinationParameters.DEFAULT_MORATORIUM_YEARS);
    private final Spinner<Integer> doubleDig = new Spinner<>(0, 600, CoordinationParameters.DEFAULT_DOUBLE_DIG_MONTHS);
    private final CostFileChoice costs = new CostFileChoice();
    private final CheckBox save = new CheckBox(Messages.get("ui.coordination.save"));
    private final Button run = new Button(Messages.get("ui.coordination.run"));
    private final Button cancel = new Button(Messages.get("ui.coordination.cancel"));
    private final ProgressBar progress = new ProgressBar(0);
    private final Label message = new Label();

    private final ObservableList<FindingRow> rows = FXCollections.observableArrayList();
    private final FilteredList<FindingRow> filtered = new FilteredList<>(rows);
    private final FindingsTable table = new FindingsTable();
    private final ComboBox<String> kindFilter = filter("filterKind", CoordinationLabels::kind);
    private final ComboBox<String> districtFilter = filter("filterDistrict", s -> s);
    private final ComboBox<String> organisationFilter = filter("filterOrganisation", s -> s);
    private final ComboBox<String> statusFilter = filter("filterStatus", CoordinationLabels::status);
    private final ComboBox<String> status = new ComboBox<>(FXCollections.observableArrayList(FindingsLayer.USER_STATUSES));
    private final TextField comment = new TextField();
    private final Button saveStatus = new Button(Messages.get("ui.coordination.status.save"));
    private final CoordinationSummaryView summary = new CoordinationSummaryView();
    private final ContactListView contacts = new ContactListView();

    private Consumer<FindingFocus> onFindingFocus = f -> { };
    private Task<CoordinationFile.Outcome> running;
    private boolean saved;

    /** A panel on the GeoPackage {@code gpkg} (read-only unless findings are saved). */
    public CoordinationPanel(Path gpkg) {
        this.file = new CoordinationFile(Objects.requireNonNull(gpkg));
        setId("coordinationPanel");
        setTop(parameterBar());
        TabPane tabs = new TabPane(new Tab(Messages.get("ui.coordination.tab.findings"), findingsPane()),
                new Tab(Messages.get("ui.coordination.tab.summary"), summary),
                new Tab(Messages.get("ui.coordination.tab.contacts"), contacts));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
        SortedList<FindingRow> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> selected(is));
        for (ComboBox<String> f : List.of(kindFilter, districtFilter, organisationFilter, statusFilter)) {
            f.valueProperty().addListener((obs, was, is) -> applyFilters());
        }
        kindFilter.getItems().setAll(ALL, FindingKind.CO_LAYING.key(), FindingKind.MORATORIUM_CLASH.key(),
                FindingKind.DOUBLE_DIG.key());
        statusFilter.getItems().setAll(ALL);
        statusFilter.getItems().addAll(FindingsLayer.USER_STATUSES);
        for (ComboBox<String> f : List.of(kindFilter, districtFilter, organisationFilter, statusFilter)) {
            if (f.getItems().isEmpty()) {
                f.getItems().add(ALL);
            }
            f.setValue(ALL);
        }
        editorEnabled(false);
    }

    /** The panel's title in the user's language, for a tab, window or menu item. */
    public static String title() {
        return Messages.get("ui.coordination.title");
    }

    /** Called on the FX thread with a finding's geometries when the user selects it in the table. */
    public void setOnFindingFocus(Consumer<FindingFocus> handler) {
        onFindingFocus = handler == null ? f -> { } : handler;
    }

    /** Stops the worker thread (a running analysis is cancelled). */
    public void dispose() {
        if (running != null) {
            running.cancel();
        }
        worker.shutdownNow();
    }

    // ---------------------------------------------------------------- layout

    private FlowPane parameterBar() {
        today.setId("coordinationToday");
        today.setPromptText(Messages.get("ui.coordination.today.default"));
        today.setPrefWidth(150);
        for (Spinner<?> s : List.of(buffer, lead, horizon, moratorium, doubleDig)) {
            s.setEditable(true);
            s.setPrefWidth(90);
            s.focusedProperty().addListener((obs, was, is) -> {
                if (!is) {
                    commit(s);
                }
            });
        }
        buffer.setId("coordinationBuffer");
        lead.setId("coordinationLead");
        horizon.setId("coordinationHorizon");
        moratorium.setId("coordinationMoratorium");
        doubleDig.setId("coordinationDoubleDig");
        save.setId("coordinationSave");
        save.setSelected(true);
        run.setId("coordinationRun");
        run.setDefaultButton(true);
        run.setOnAction(e -> runAnalysis());
        cancel.setId("coordinationCancel");
        cancel.setDisable(true);
        cancel.setOnAction(e -> {
            if (running != null) {
                running.cancel();
            }
        });
        progress.setId("coordinationProgress");
        progress.setPrefWidth(140);
        message.setId("coordinationMessage");
        FlowPane bar = new FlowPane(12, 6, labelled("ui.coordination.today", today),
                labelled("ui.coordination.buffer", buffer), labelled("ui.coordination.lead", lead),
                labelled("ui.coordination.horizon", horizon), labelled("ui.coordination.moratorium", moratorium),
                labelled("ui.coordination.doubleDig", doubleDig), new HBox(6, costs.button(), costs.label()), save, run, cancel,
                progress, message);
        bar.setPadding(new Insets(8));
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static HBox labelled(String key, javafx.scene.Node control) {
        HBox box = new HBox(4, new Label(Messages.get(key)), control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private VBox findingsPane() {
        Button export = new Button(Messages.get("ui.coordination.export"));
        export.setId("exportCsv");
        export.setOnAction(e -> chooseExport());
        FlowPane filters = new FlowPane(10, 6, labelled("ui.coordination.column.kind", kindFilter),
                labelled("ui.coordination.column.district", districtFilter),
                labelled("ui.coordination.column.organisation", organisationFilter),
                labelled("ui.coordination.column.status", statusFilter), export);
        filters.setAlignment(Pos.CENTER_LEFT);
        status.setId("findingStatus");
        status.setConverter(converter(CoordinationLabels::status));
        comment.setId("findingComment");
        comment.setPromptText(Messages.get("ui.coordination.column.comment"));
        HBox.setHgrow(comment, Priority.ALWAYS);
        saveStatus.setId("findingStatusSave");
        saveStatus.setOnAction(e -> saveUserStatus());
        HBox editor = new HBox(8, new Label(Messages.get("ui.coordination.column.status")), status, comment, saveStatus);
        editor.setAlignment(Pos.CENTER_LEFT);
        VBox pane = new VBox(8, filters, table, editor);
        pane.setPadding(new Insets(8));
        VBox.setVgrow(table, Priority.ALWAYS);
        return pane;
    }

    private static ComboBox<String> filter(String id, java.util.function.Function<String, String> label) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.setConverter(converter(v -> ALL.equals(v) ? Messages.get("ui.coordination.filter.all") : label.apply(v)));
        return box;
    }

    private static StringConverter<String> converter(java.util.function.Function<String, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(String v) {
                return v == null ? "" : label.apply(v);
            }

            @Override
            public String fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static <T> void commit(Spinner<T> s) {
        try {
            T v = s.getValueFactory().getConverter().fromString(s.getEditor().getText());
            if (v != null) {
                s.getValueFactory().setValue(v);
            }
        } catch (RuntimeException e) {
            s.getEditor().setText(s.getValueFactory().getConverter().toString(s.getValue()));
        }
    }

    // ---------------------------------------------------------------- running

    /** Starts the analysis with the parameters shown (FX thread); the table fills when it is done. */
    public void runAnalysis() {
        for (Spinner<?> s : List.of(buffer, lead, horizon, moratorium, doubleDig)) {
            commit(s);
        }
        java.time.LocalDate day = today.getValue();
        double b = buffer.getValue();
        int l = lead.getValue();
        int h = horizon.getValue();
        int m = moratorium.getValue();
        int d = doubleDig.getValue();
        Path costsPath = costs.file();
        boolean store = save.isSelected();
        Task<CoordinationFile.Outcome> task = new Task<>() {
            @Override
            protected CoordinationFile.Outcome call() {
                Task<?> self = this;
                CostModel model = costsPath == null ? CostModel.DEFAULT : CostModel.load(costsPath);
                return file.run(day, b, l, h, m, d, model, store, new AnalysisMonitor() {
                    @Override
                    public void progress(double fraction) {
                        updateProgress(fraction, 1);
                    }

                    @Override
                    public boolean isCancelled() {
                        return self.isCancelled();
                    }
                });
            }
        };
        running = task;
        run.setDisable(true);
        cancel.setDisable(false);
        progress.progressProperty().bind(task.progressProperty());
        message.setText(Messages.get("ui.coordination.running"));
        task.setOnSucceeded(e -> finished(task, task.getValue(), null));
        task.setOnFailed(e -> finished(task, null, task.getException()));
        task.setOnCancelled(e -> finished(task, null, new CancellationException()));
        worker.execute(task);
    }

    private void finished(Task<?> task, CoordinationFile.Outcome outcome, Throwable failure) {
        if (task != running) {
            return;
        }
        running = null;
        run.setDisable(false);
        cancel.setDisable(true);
        progress.progressProperty().unbind();
        progress.setProgress(outcome == null ? 0 : 1);
        if (failure != null) {
            message.setText(failure instanceof CancellationException ? Messages.get("ui.coordination.cancelled")
                    : describe(failure));
            return;
        }
        saved = outcome.saved();
        List<FindingRow> list = new ArrayList<>();
        for (Finding f : outcome.result().findings()) {
            list.add(new FindingRow(f, outcome.records().get(f.id())));
        }
        rows.setAll(list);
        today.setValue(outcome.result().parameters().today());
        choices(districtFilter, list.stream().map(r -> r.finding().district()));
        choices(organisationFilter, list.stream().flatMap(r -> java.util.stream.Stream.of(r.finding().organisation(),
                r.finding().otherOrganisation())));
        table.sortBySaving();
        applyFilters();
        message.setText(Messages.get(saved ? "ui.coordination.doneSaved" : "ui.coordination.done", list.size(),
                outcome.result().parameters().today()));
        editorEnabled(false);
    }

    private static void choices(ComboBox<String> box, java.util.stream.Stream<String> values) {
        String keep = box.getValue();
        TreeSet<String> set = values.filter(Objects::nonNull).collect(Collectors.toCollection(
                () -> new TreeSet<>(java.text.Collator.getInstance(Messages.locale()))));
        List<String> items = new ArrayList<>();
        items.add(ALL);
        items.addAll(set);
        box.getItems().setAll(items);
        box.setValue(items.contains(keep) ? keep : ALL);
    }

    private void applyFilters() {
        String kind = kindFilter.getValue();
        String district = districtFilter.getValue();
        String organisation = organisationFilter.getValue();
        String state = statusFilter.getValue();
        filtered.setPredicate(r -> (kind == null || ALL.equals(kind) || r.finding().kind().key().equals(kind))
                && (district == null || ALL.equals(district) || district.equals(r.finding().district()))
                && (organisation == null || ALL.equals(organisation) || organisation.equals(r.finding().organisation())
                        || organisation.equals(r.finding().otherOrganisation()))
                && (state == null || ALL.equals(state) || state.equals(r.statusProperty().get())));
        List<Finding> shown = filtered.stream().map(FindingRow::finding).collect(Collectors.toList());
        summary.show(shown);
        contacts.show(shown);
    }

    // ---------------------------------------------------------------- a finding

    private void selected(FindingRow row) {
        editorEnabled(row != null && saved);
        if (row == null) {
            return;
        }
        status.setValue(row.statusProperty().get());
        comment.setText(row.commentProperty().get() == null ? "" : row.commentProperty().get());
        Finding f = row.finding();
        Task<FindingFocus> task = new Task<>() {
            @Override
            protected FindingFocus call() {
                return file.focus(f);
            }
        };
        task.setOnSucceeded(e -> {
            FindingRow now = table.getSelectionModel().getSelectedItem();
            if (now != null && now.finding().id().equals(f.id())) {
                onFindingFocus.accept(task.getValue());
            }
        });
        task.setOnFailed(e -> message.setText(describe(task.getException())));
        worker.execute(task);
    }

    private void editorEnabled(boolean on) {
        status.setDisable(!on);
        comment.setDisable(!on);
        saveStatus.setDisable(!on);
    }

    private void saveUserStatus() {
        FindingRow row = table.getSelectionModel().getSelectedItem();
        if (row == null || !saved) {
            return;
        }
        String newStatus = status.getValue();
        String newComment = comment.getText() == null || comment.getText().isBlank() ? null : comment.getText().strip();
        String id = row.finding().id();
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() {
                file.setUserStatus(id, newStatus, newComment);
                return null;
            }
        };
        saveStatus.setDisable(true);
        task.setOnSucceeded(e -> {
            row.statusProperty().set(newStatus);
            row.commentProperty().set(newComment);
            saveStatus.setDisable(false);
            message.setText(Messages.get("ui.coordination.status.saved", CoordinationLabels.status(newStatus)));
            applyFilters();
        });
        task.setOnFailed(e -> {
            saveStatus.setDisable(false);
            message.setText(describe(task.getException()));
        });
        worker.execute(task);
    }

    // ---------------------------------------------------------------- export

    private void chooseExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("ui.coordination.export"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        chooser.setInitialFileName("koordinierung.csv");
        File chosen = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (chosen != null) {
            exportCsv(chosen.toPath());
        }
    }

    /**
     * Writes the rows the table shows, in its order, as CSV (the JSON keys plus {@code user_status} and
     * {@code user_comment}), on the worker; returns the task so that callers can wait for it.
     */
    public Task<Void> exportCsv(Path target) {
        List<Finding> findings = new ArrayList<>();
        Map<String, List<String>> notes = new java.util.HashMap<>();
        for (FindingRow r : table.getItems()) {
            findings.add(r.finding());
            notes.put(r.finding().id(), java.util.Arrays.asList(r.statusProperty().get(), r.commentProperty().get()));
        }
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() throws IOException {
                Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
                try {
                    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                        FindingsCsv.write(findings, List.of("user_status", "user_comment"), f -> notes.get(f.id()), w);
                    }
                    Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(tmp);
                }
                return null;
            }
        };
        task.setOnSucceeded(e -> message.setText(Messages.get("ui.coordination.exported", findings.size(), target)));
        task.setOnFailed(e -> message.setText(describe(task.getException())));
        worker.execute(task);
        return task;
    }

    private static String describe(Throwable e) {
        return e instanceof UserFacingException u ? u.localizedMessage() : String.valueOf(e);
    }

    // ---------------------------------------------------------------- for tests

    /** The rows the table shows (FX thread). */
    List<FindingRow> shownRows() {
        return List.copyOf(table.getItems());
    }

    CoordinationSummaryView summaryView() {
        return summary;
    }
}
