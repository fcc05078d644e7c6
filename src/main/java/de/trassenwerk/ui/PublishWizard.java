package de.trassenwerk.ui;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.i18n.UserFacingException;
import de.trassenwerk.opendata.Format;
import de.trassenwerk.opendata.Publication;
import de.trassenwerk.opendata.PublicationPlan;
import de.trassenwerk.opendata.PublicationPlanner;
import de.trassenwerk.opendata.PublicationPolicy;
import de.trassenwerk.opendata.PublishRequest;
import de.trassenwerk.opendata.PublishedDataset;
import de.trassenwerk.opendata.Publisher;
import de.trassenwerk.opendata.ckan.CkanDryRun;
import de.trassenwerk.opendata.ckan.CkanPublisher;
import de.trassenwerk.opendata.ckan.CkanToken;
import de.trassenwerk.opendata.ckan.HttpCkanApi;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.LayerInfo;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The publish wizard: (1) pick layers and see the publication policy applied — fields kept,
 * generalised, dropped, layers withheld and why; (2) preview the public map; (3) edit the datasets'
 * metadata; (4) publish into a folder and, optionally, onto a CKAN portal (token from the
 * environment only), with progress and cancel. Opened with {@link #show(Window, Path)}.
 *
 * <p>Thread rules: everything here runs on the FX thread except the {@link Task}s it starts: reading
 * the layer list and a policy file, writing and drawing the preview ({@link PublicMapPreview}) and
 * publishing. Planning is computed on the FX thread from the layer list already read (no I/O).
 */
public final class PublishWizard {
    private static final int STEPS = 4;

    private final Stage stage;
    private final Path gpkg;
    private final Function<String, String> environment;
    private final Path tempDir;
    private final Map<String, BooleanProperty> selected = new LinkedHashMap<>();
    private final ListView<String> layerList = new ListView<>();
    private final PolicyTable policyTable = new PolicyTable();
    private final Label policyLabel = new Label();
    private final PublicMapPreview preview;
    private final MetadataEditor metadata = new MetadataEditor();
    private final TextField folder = new TextField();
    private final TextField baseUrl = new TextField();
    private final CheckBox ckan = new CheckBox(Messages.get("ui.publish.ckan"));
    private final TextField ckanUrl = new TextField("https://opendata.ruhr");
    private final TextField ckanOrg = new TextField();
    private final CheckBox dryRun = new CheckBox(Messages.get("ui.publish.ckan.dryRun"));
    private final Button publishButton = new Button(Messages.get("ui.publish.run"));
    private final Button cancelButton = new Button(Messages.get("ui.work.cancel"));
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final TextArea log = new TextArea();
    private final StackPane steps = new StackPane();
    private final List<Label> stepTitles = new ArrayList<>();
    private final Button back = new Button(Messages.get("ui.publish.back"));
    private final Button next = new Button(Messages.get("ui.publish.next"));
    private List<LayerInfo> layers = List.of();
    private PublicationPolicy policy = PublicationPolicy.defaults();
    private PublicationPlan plan;
    private PublicationPlan previewed;
    private Task<Publication> publishing;
    private int step;

    private PublishWizard(Window owner, Path gpkg, Function<String, String> environment) throws IOException {
        this.gpkg = gpkg;
        this.environment = environment;
        this.tempDir = Files.createTempDirectory("trassenwerk-publish-preview");
        this.preview = new PublicMapPreview(tempDir);
        stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle(Messages.get("ui.publish.title", gpkg.getFileName()));
        BorderPane root = new BorderPane();
        root.setId("publishWizard");
        root.getStyleClass().add("publish-wizard");
        root.setTop(stepBar());
        steps.getChildren().addAll(layersStep(), previewStep(), metadataStep(), publishStep());
        root.setCenter(steps);
        root.setBottom(navigation());
        Scene scene = new Scene(root, 1060, 720);
        scene.getStylesheets().add(Objects.requireNonNull(PublishWizard.class.getResource("publish-wizard.css"))
                .toExternalForm());
        stage.setScene(scene);
        stage.setOnHidden(e -> removeTempDir());
        goTo(0);
        loadLayers();
    }

    /** Opens the wizard for {@code gpkg} beside {@code owner} (may be null); FX thread. */
    public static void show(Window owner, Path gpkg) {
        open(owner, gpkg, System::getenv);
    }

    /** Opens the wizard with {@code environment} as the source of the CKAN token; returns it, for tests. */
    static PublishWizard open(Window owner, Path gpkg, Function<String, String> environment) {
        try {
            PublishWizard w = new PublishWizard(owner, gpkg, environment);
            w.stage.show();
            return w;
        } catch (IOException e) {
            throw new UserFacingException("ui.publish.error.temp", e, String.valueOf(e.getMessage()));
        }
    }

    Stage stage() {
        return stage;
    }

    PolicyTable policyTable() {
        return policyTable;
    }

    PublicMapPreview preview() {
        return preview;
    }

    /** Whether a publication is running; for tests. */
    boolean isPublishing() {
        return publishing != null && publishing.isRunning();
    }

    // ---------------------------------------------------------------- step 1: layers and policy

    private Node layersStep() {
        layerList.setId("layerChoice");
        layerList.setPrefWidth(230);
        layerList.setCellFactory(CheckBoxListCell.forListView(selected::get));
        Button load = new Button(Messages.get("ui.publish.policy.load"));
        load.setId("loadPolicy");
        load.setOnAction(e -> choosePolicy());
        Button defaults = new Button(Messages.get("ui.publish.policy.default"));
        defaults.setOnAction(e -> {
            policy = PublicationPolicy.defaults();
            replan();
        });
        HBox policyBar = new HBox(8, policyLabel, spacer(), defaults, load);
        policyBar.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(6, title("ui.publish.layers"), layerList);
        VBox.setVgrow(layerList, Priority.ALWAYS);
        VBox center = new VBox(6, policyBar, policyTable);
        VBox.setVgrow(policyTable, Priority.ALWAYS);
        BorderPane pane = new BorderPane(center, null, null, null, left);
        BorderPane.setMargin(center, new Insets(0, 0, 0, 10));
        pane.setPadding(new Insets(10));
        return pane;
    }

    private void loadLayers() {
        Task<List<LayerInfo>> task = new Task<>() {
            @Override
            protected List<LayerInfo> call() {
                try (GeoPackageStore store = GeoPackageStore.open(gpkg, GeoPackageStore.Mode.READ_ONLY)) {
                    return store.layers();
                }
            }
        };
        task.setOnSucceeded(e -> {
            layers = task.getValue();
            for (LayerInfo l : layers) {
                BooleanProperty on = new SimpleBooleanProperty(true);
                on.addListener((o, was, now) -> replan());
                selected.put(l.name(), on);
            }
            layerList.getItems().setAll(selected.keySet());
            replan();
        });
        task.setOnFailed(e -> status.setText(message(task.getException())));
        start(task, "publish-layers");
    }

    private void choosePolicy() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("ui.publish.policy.load"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("ui.publish.policy.filter"), "*.json"));
        File file = chooser.showOpenDialog(stage);
        if (file == null) {
            return;
        }
        Task<PublicationPolicy> task = new Task<>() {
            @Override
            protected PublicationPolicy call() {
                return PublicationPolicy.load(file.toPath());
            }
        };
        task.setOnSucceeded(e -> {
            policy = task.getValue();
            replan();
        });
        task.setOnFailed(e -> policyLabel.setText(message(task.getException())));
        start(task, "publish-policy");
    }

    /** Applies the policy to the chosen layers (no I/O: the layer list is already read). */
    private void replan() {
        List<String> chosen = selected.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList();
        plan = PublicationPlanner.plan(policy, layers, chosen);
        policyTable.show(plan);
        metadata.show(plan.datasets());
        policyLabel.setText(Messages.get("ui.publish.policy.shown", policy.source(), plan.datasets().size(),
                plan.withheld().size()));
        publishButton.setDisable(plan.datasets().isEmpty());
        if (step == 1) {
            refreshPreview();
        }
    }

    // ---------------------------------------------------------------- step 2: preview

    private Node previewStep() {
        VBox box = new VBox(6, title("ui.publish.preview"), preview);
        VBox.setVgrow(preview, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        return box;
    }

    private void refreshPreview() {
        if (plan != null && plan != previewed && !plan.datasets().isEmpty()) {
            previewed = plan;
            preview.show(gpkg, plan);
        }
    }

    // ---------------------------------------------------------------- step 3: metadata

    private Node metadataStep() {
        VBox box = new VBox(6, title("ui.publish.metadata"), metadata);
        VBox.setVgrow(metadata, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        return box;
    }

    // ---------------------------------------------------------------- step 4: publish

    private Node publishStep() {
        folder.setId("publishFolder");
        baseUrl.setId("publishBaseUrl");
        ckan.setId("publishCkan");
        ckanUrl.setId("publishCkanUrl");
        ckanOrg.setId("publishCkanOrg");
        dryRun.setId("publishDryRun");
        publishButton.setId("publishButton");
        cancelButton.setId("publishCancel");
        progress.setId("publishProgress");
        status.setId("publishStatus");
        log.setId("publishLog");
        folder.setText(gpkg.toAbsolutePath().resolveSibling("opendata").toString());
        baseUrl.setPromptText("https://…/opendata/");
        ckanOrg.setPromptText(Messages.get("ui.publish.ckan.orgPrompt"));
        Button choose = new Button(Messages.get("ui.publish.folder.choose"));
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(Messages.get("ui.publish.folder"));
            File dir = chooser.showDialog(stage);
            if (dir != null) {
                folder.setText(dir.toPath().resolve("opendata").toString());
            }
        });
        for (Node n : List.of(ckanUrl, ckanOrg, dryRun)) {
            n.disableProperty().bind(ckan.selectedProperty().not());
        }
        Label token = new Label(Messages.get(CkanToken.from(environment) == null ? "ui.publish.ckan.noToken"
                : "ui.publish.ckan.token", CkanToken.VARIABLE));
        token.setWrapText(true);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label(Messages.get("ui.publish.folder")), folder, choose);
        form.addRow(1, new Label(Messages.get("ui.publish.baseUrl")), baseUrl);
        form.add(ckan, 1, 2);
        form.addRow(3, new Label(Messages.get("ui.publish.ckan.url")), ckanUrl);
        form.addRow(4, new Label(Messages.get("ui.publish.ckan.org")), ckanOrg);
        form.add(dryRun, 1, 5);
        form.add(token, 1, 6);
        GridPane.setHgrow(folder, Priority.ALWAYS);
        publishButton.setDefaultButton(true);
        publishButton.setOnAction(e -> publish());
        cancelButton.setDisable(true);
        cancelButton.setOnAction(e -> {
            if (publishing != null) {
                publishing.cancel();
            }
        });
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox run = new HBox(8, publishButton, cancelButton, progress);
        HBox.setHgrow(progress, Priority.ALWAYS);
        run.setAlignment(Pos.CENTER_LEFT);
        log.setEditable(false);
        log.setPrefRowCount(12);
        log.getStyleClass().add("publish-log");
        VBox box = new VBox(10, title("ui.publish.publish"), form, run, status, log);
        VBox.setVgrow(log, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        return box;
    }

    private void publish() {
        URI base;
        URI ckanUri;
        try {
            base = baseUrl.getText().isBlank() ? null : new URI(baseUrl.getText().strip());
        } catch (java.net.URISyntaxException ex) {
            status.setText(Messages.get("cli.publish.error.url", baseUrl.getText()));
            return;
        }
        try {
            ckanUri = new URI(ckanUrl.getText().strip());
        } catch (java.net.URISyntaxException ex) {
            status.setText(Messages.get("cli.publish.error.url", ckanUrl.getText()));
            return;
        }
        boolean upload = ckan.isSelected();
        boolean dry = dryRun.isSelected();
        String token = CkanToken.from(environment);
        if (upload && !dry && token == null) {
            status.setText(Messages.get("cli.publish.error.noToken", CkanToken.VARIABLE));
            return;
        }
        if (upload && ckanOrg.getText().isBlank()) {
            status.setText(Messages.get("cli.publish.error.ckanOptions"));
            return;
        }
        Path out = Path.of(folder.getText().strip());
        List<String> chosen = selected.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList();
        PublishRequest request = new PublishRequest(gpkg, out, policy, chosen, EnumSet.allOf(Format.class), base,
                metadata.edits());
        String org = ckanOrg.getText().strip();
        StringWriter report = new StringWriter();
        Task<Publication> task = new Task<>() {
            @Override
            protected Publication call() {
                updateTitle(Messages.get("ui.publish.running"));
                Publication p = new Publisher().publish(request, (f, m) -> {
                    updateProgress(f, 1);
                    updateMessage(m);
                }, this::isCancelled);
                if (upload) {
                    PrintWriter w = new PrintWriter(report);
                    if (dry) {
                        CkanDryRun.print(p, out, ckanUri, org, token != null, w);
                    } else {
                        updateMessage(Messages.get("ui.publish.uploading", ckanUri));
                        for (CkanPublisher.Outcome o : new CkanPublisher(new HttpCkanApi(ckanUri, token), org).publish(p, out)) {
                            w.println(Messages.get(o.created() ? "cli.publish.ckanCreated" : "cli.publish.ckanUpdated",
                                    o.dataset(), o.resourcesCreated(), o.resourcesUpdated()));
                        }
                    }
                    w.flush();
                }
                return p;
            }
        };
        publishing = task;
        progress.progressProperty().bind(task.progressProperty());
        status.textProperty().bind(task.messageProperty());
        publishButton.setDisable(true);
        cancelButton.setDisable(false);
        log.clear();
        task.setOnSucceeded(e -> {
            finished();
            Publication p = task.getValue();
            StringBuilder text = new StringBuilder();
            for (PublishedDataset d : p.datasets()) {
                text.append(Messages.get("cli.publish.dataset", d.info().name(), d.plan().sourceLayer(),
                        d.counts().published(),
                        String.join(", ", d.files().stream().map(f -> f.fileName()).toList()))).append('\n');
            }
            text.append(report);
            log.setText(text.toString());
            status.setText(Messages.get("ui.publish.done", out));
        });
        task.setOnFailed(e -> {
            finished();
            status.setText(message(task.getException()));
        });
        task.setOnCancelled(e -> {
            finished();
            status.setText(Messages.get("ui.publish.cancelled"));
        });
        start(task, "publish");
    }

    private void finished() {
        progress.progressProperty().unbind();
        status.textProperty().unbind();
        publishButton.setDisable(plan == null || plan.datasets().isEmpty());
        cancelButton.setDisable(true);
    }

    // ---------------------------------------------------------------- navigation

    private Node stepBar() {
        HBox bar = new HBox(18);
        bar.getStyleClass().add("wizard-steps");
        String[] keys = {"ui.publish.layers", "ui.publish.preview", "ui.publish.metadata", "ui.publish.publish"};
        for (int i = 0; i < STEPS; i++) {
            Label l = new Label((i + 1) + "  " + Messages.get(keys[i]));
            l.getStyleClass().add("wizard-step");
            int target = i;
            l.setOnMouseClicked(e -> goTo(target));
            stepTitles.add(l);
            bar.getChildren().add(l);
        }
        return bar;
    }

    private Node navigation() {
        back.setId("wizardBack");
        next.setId("wizardNext");
        Button close = new Button(Messages.get("ui.publish.close"));
        close.setId("wizardClose");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        back.setOnAction(e -> goTo(step - 1));
        next.setOnAction(e -> goTo(step + 1));
        HBox bar = new HBox(8, spacer(), back, next, close);
        bar.setPadding(new Insets(8, 10, 10, 10));
        return bar;
    }

    /** Shows step {@code i} (0 to 3). */
    void goTo(int i) {
        step = Math.max(0, Math.min(STEPS - 1, i));
        for (int s = 0; s < STEPS; s++) {
            steps.getChildren().get(s).setVisible(s == step);
            stepTitles.get(s).getStyleClass().remove("wizard-step-current");
        }
        stepTitles.get(step).getStyleClass().add("wizard-step-current");
        back.setDisable(step == 0);
        next.setDisable(step == STEPS - 1);
        if (step == 1) {
            refreshPreview();
        }
    }

    private static Label title(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("pane-title");
        return l;
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private static String message(Throwable t) {
        return t instanceof UserFacingException u ? u.localizedMessage() : Messages.get("cli.error.unexpected", String.valueOf(t));
    }

    private static void start(Task<?> task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }

    private void removeTempDir() {
        if (publishing != null) {
            publishing.cancel();
        }
        preview.cancel();
        Thread t = new Thread(() -> {
            try (var files = Files.walk(tempDir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException ignored) {
                // a left-over preview in the temporary folder is harmless
            }
        }, "publish-cleanup");
        t.setDaemon(true);
        t.start();
    }
}
