package de.trassenwerk.ui;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.i18n.UserFacingException;
import de.trassenwerk.io.SourceSchema;
import de.trassenwerk.io.mapping.FieldMapping;
import de.trassenwerk.io.mapping.FieldMapping.Rule;
import de.trassenwerk.io.mapping.MappingCheck;
import de.trassenwerk.io.mapping.MappingProblem;
import de.trassenwerk.io.mapping.MappingTarget;
import de.trassenwerk.io.mapping.RuleEdits;
import de.trassenwerk.io.mapping.ValueCoercion;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.ThemeLayers;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The field mapping of the import wizard, editable as in a GIS's field-mapping table: choose a
 * mapping (fields by name, a shipped one, one loaded from a file) or start a new one from the
 * source's and the target layer's field names; add, remove and move rules and edit them in place;
 * see at once what keeps the mapping from being used (the wizard's Import waits until nothing
 * does); save it as a JSON file for the next delivery and for {@code import --mapping FILE}.
 * Editing a shipped or loaded mapping makes an unsaved copy, listed as modified; the original stays
 * as it was. The editor only builds {@link FieldMapping.Rule}s, so whatever it shows is what a
 * mapping file can say.
 *
 * <p>FX thread only. The source's fields and the target layer's fields are read by the wizard on
 * its worker and handed in with {@link #setSource} and {@link #setTarget}.
 */
final class MappingEditor extends VBox {

    /** Asks for a mapping file to load or to save to; a seam so that tests need no native dialog. */
    interface FileDialog {
        /** The file to load, or null when the user cancelled. */
        Path open(Window owner);

        /** The file to save to, or null when the user cancelled. */
        Path save(Window owner, String suggestedName);
    }

    /** What an entry of the mapping list stands for. */
    private enum Kind { BY_NAME, SHIPPED, FILE, DRAFT }

    /** An entry of the mapping list; a draft's rules are the editor's (it has no mapping of its own). */
    private record Choice(Kind kind, String label, Path file, FieldMapping mapping) {
    }

    /** Footprints of a new mapping: the default width, widths from the streets layer's {@code width_m}. */
    private static final FieldMapping.Footprints STANDARD_FOOTPRINTS = new FieldMapping.Footprints(null,
            ThemeLayers.STREETS, "width_m", null);

    private final ComboBox<Choice> choice = new ComboBox<>();
    private final Label state = new Label();
    private final Button save = button("importSaveMapping", "ui.import.mapping.save", "ui.mapping.save.tip");
    private final TextField description = new TextField();
    private final CheckBox footprints = new CheckBox(Messages.get("ui.mapping.footprints"));
    private final TextField footprintWidth = new TextField();
    private final ObservableList<Rule> rules = FXCollections.observableArrayList();
    private final MappingRuleTable table;
    private final RuleValuesPane values;
    private final VBox problems = new VBox(2);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private final Consumer<String> onLayerChosen;
    private final Consumer<String> onError;

    private FileDialog dialog = new ChooserDialog();
    private SourceSchema source;
    private MappingTarget target = MappingTarget.forImport("", null, false);
    private FieldMapping.Footprints baseFootprints;
    private Choice draft;
    private boolean loading;

    /**
     * @param onLayerChosen called with the layer a chosen (shipped or loaded) mapping was made for
     * @param onError shows a message (a file that cannot be read or written)
     */
    MappingEditor(Consumer<String> onLayerChosen, Consumer<String> onError) {
        this.onLayerChosen = onLayerChosen;
        this.onError = onError;
        this.table = new MappingRuleTable(this::replace, c -> r -> RuleEdits.withConversion(r, c, target));
        this.values = new RuleValuesPane(this::replace);
        setSpacing(6);
        getStyleClass().add("mapping-editor");
        table.setItems(rules);
        table.setPrefHeight(190);
        table.setMinHeight(130);
        VBox.setVgrow(table, Priority.ALWAYS);

        choice.setId("importMapping");
        choice.setTooltip(new Tooltip(Messages.get("ui.mapping.choice.tip")));
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Choice c) {
                return c == null ? "" : c.label();
            }

            @Override
            public Choice fromString(String s) {
                return null;
            }
        });
        choice.getItems().add(new Choice(Kind.BY_NAME, Messages.get("ui.import.mapping.byName"), null, null));
        for (String name : FieldMapping.shippedNames()) {
            choice.getItems().add(new Choice(Kind.SHIPPED, name, null, FieldMapping.shipped(name).orElseThrow()));
        }
        choice.setValue(choice.getItems().get(0));
        choice.setPrefWidth(300);
        choice.valueProperty().addListener((o, was, now) -> {
            if (!loading && now != null) {
                show(now);
            }
        });
        state.setId("importMappingState");
        state.getStyleClass().add("mapping-state");
        Button create = button("importNewMapping", "ui.mapping.new", "ui.mapping.new.tip");
        create.setOnAction(e -> newMapping());
        Button load = button("importLoadMapping", "ui.import.mapping.load", "ui.mapping.load.tip");
        load.setOnAction(e -> load());
        save.setOnAction(e -> saveAs());
        Label title = new Label(Messages.get("ui.import.mapping"));
        title.getStyleClass().add("mapping-section-title");
        HBox top = new HBox(6, title, choice, create, load, save, state);
        top.setAlignment(Pos.CENTER_LEFT);

        description.setId("mappingDescription");
        description.setPromptText(Messages.get("ui.mapping.description.prompt"));
        description.setTooltip(new Tooltip(Messages.get("ui.mapping.description.prompt")));
        description.textProperty().addListener((o, was, now) -> changed());
        HBox.setHgrow(description, Priority.ALWAYS);

        Button add = button("mappingAdd", "ui.mapping.add", "ui.mapping.add.tip");
        add.setOnAction(e -> addRule());
        Button remove = button("mappingRemove", "ui.mapping.remove", "ui.mapping.remove.tip");
        remove.setOnAction(e -> removeRule());
        Button up = button("mappingUp", "ui.mapping.up", "ui.mapping.up.tip");
        up.setOnAction(e -> moveRule(-1));
        Button down = button("mappingDown", "ui.mapping.down", "ui.mapping.down.tip");
        down.setOnAction(e -> moveRule(1));
        remove.disableProperty().bind(table.getSelectionModel().selectedIndexProperty().lessThan(0));
        up.disableProperty().bind(table.getSelectionModel().selectedIndexProperty().lessThan(1));
        down.disableProperty().bind(table.getSelectionModel().selectedIndexProperty().lessThan(0)
                .or(table.getSelectionModel().selectedIndexProperty().greaterThanOrEqualTo(
                        javafx.beans.binding.Bindings.size(rules).subtract(1))));
        footprints.setId("mappingFootprints");
        footprints.setTooltip(new Tooltip(Messages.get("ui.mapping.footprints.tip")));
        footprints.selectedProperty().addListener((o, was, now) -> changed());
        footprintWidth.setId("mappingFootprintWidth");
        footprintWidth.setPrefColumnCount(4);
        footprintWidth.setTooltip(footprints.getTooltip());
        footprintWidth.disableProperty().bind(footprints.selectedProperty().not());
        footprintWidth.setOnAction(e -> widthEntered());
        footprintWidth.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                widthEntered();
            }
        });
        Label about = new Label(Messages.get("ui.mapping.description"));
        HBox.setMargin(about, new Insets(0, 0, 0, 12));
        HBox.setMargin(footprints, new Insets(0, 0, 0, 12));
        HBox tools = new HBox(6, add, remove, up, down, about, description, footprints, footprintWidth,
                new Label(Messages.get("ui.mapping.footprints.unit")));
        tools.setAlignment(Pos.CENTER_LEFT);

        problems.setId("importMappingProblems");
        problems.getStyleClass().add("mapping-problems");

        rules.addListener((ListChangeListener<Rule>) c -> changed());
        table.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> showValues());
        table.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        getChildren().addAll(top, tools, table, values, problems);
        show(choice.getValue());
    }

    private static Button button(String id, String key, String tip) {
        Button b = new Button(Messages.get(key));
        b.setId(id);
        b.setTooltip(new Tooltip(Messages.get(tip)));
        return b;
    }

    // ---------------------------------------------------------------- what the wizard hands in and reads

    /** The source's schema once it is known; null while no source layer has been read. */
    void setSource(SourceSchema schema) {
        source = schema;
        table.sourceFields().setAll(sourceFieldNames());
        if (target.open()) {
            table.setTargetFields(sourceFieldNames(), true);
        }
        validate();
    }

    /** The fields the import will write into. */
    void setTarget(MappingTarget t) {
        target = t;
        table.setTargetFields(t.open() ? sourceFieldNames() : t.fieldNames(), t.open());
        validate();
    }

    /** The mapping to import with; null for fields by name. */
    FieldMapping mapping() {
        return choice.getValue().kind() == Kind.BY_NAME ? null : build();
    }

    /** Whether the mapping can be used: Import waits for this. */
    ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Replaces the file dialogs (tests). */
    void useFileDialog(FileDialog d) {
        dialog = d;
    }

    private List<String> sourceFieldNames() {
        return source == null ? List.of() : source.fields().stream().map(FieldInfo::name).toList();
    }

    // ---------------------------------------------------------------- choosing

    private void show(Choice c) {
        FieldMapping m = c.mapping();
        loading = true;
        try {
            rules.setAll(m == null ? List.of() : m.fields());
            description.setText(m == null || m.description() == null ? "" : m.description());
            baseFootprints = m == null ? null : m.footprints();
            footprints.setSelected(baseFootprints != null);
            footprintWidth.setText(width(baseFootprints));
        } finally {
            loading = false;
        }
        showState(c);
        description.setDisable(c.kind() == Kind.BY_NAME);
        footprints.setDisable(c.kind() == Kind.BY_NAME);
        table.setPlaceholder(new Label(Messages.get(c.kind() == Kind.BY_NAME ? "ui.import.mapping.none"
                : "ui.mapping.noRules")));
        if (m != null && m.layer() != null && c.kind() != Kind.DRAFT) {
            onLayerChosen.accept(m.layer());
        }
        validate();
    }

    private void showState(Choice c) {
        state.setText(switch (c.kind()) {
            case SHIPPED -> Messages.get("ui.mapping.state.shipped");
            case FILE -> Messages.get("ui.mapping.state.file", c.file());
            case DRAFT -> Messages.get("ui.mapping.state.unsaved");
            default -> "";
        });
        state.getStyleClass().remove("mapping-state-unsaved");
        if (c.kind() == Kind.DRAFT) {
            state.getStyleClass().add("mapping-state-unsaved");
        }
    }

    /** A new mapping: each source field into the target field of the same name. */
    void newMapping() {
        List<Rule> made = RuleEdits.byName(sourceFieldNames(), target);
        FieldMapping m = new FieldMapping(null, target.layer(), made, MappingCheck.needsFootprints(source, target)
                ? STANDARD_FOOTPRINTS : null);
        select(draft(Messages.get("ui.mapping.newName"), m));
        table.requestFocus();
        if (!rules.isEmpty()) {
            table.getSelectionModel().clearAndSelect(0, table.getColumns().get(1));
        }
    }

    private void load() {
        Path file = dialog.open(getScene() == null ? null : getScene().getWindow());
        if (file == null) {
            return;
        }
        try {
            select(fileChoice(file, FieldMapping.read(file)));
        } catch (UserFacingException e) {
            onError.accept(e.localizedMessage());
        }
    }

    /** Saves the mapping as it is shown; it is then listed as that file. */
    void saveAs() {
        if (save.isDisabled()) {
            return;
        }
        Choice c = choice.getValue();
        String suggested = c.file() != null ? c.file().getFileName().toString()
                : (target.layer().isBlank() ? "mapping" : target.layer()) + "-mapping.json";
        Path file = dialog.save(getScene() == null ? null : getScene().getWindow(), suggested);
        if (file == null) {
            return;
        }
        FieldMapping m = build();
        try {
            m.write(file);
        } catch (UserFacingException e) {
            onError.accept(e.localizedMessage());
            return;
        }
        if (draft != null && c == draft) {
            choice.getItems().remove(draft);
            draft = null;
        }
        Choice saved = fileChoice(file, m);
        loading = true;
        try {
            choice.setValue(saved);
        } finally {
            loading = false;
        }
        showState(saved);
        state.setText(Messages.get("ui.mapping.state.saved", file));
        validate();
    }

    private Choice fileChoice(Path file, FieldMapping m) {
        Choice c = new Choice(Kind.FILE, file.getFileName().toString(), file, m);
        choice.getItems().removeIf(x -> x.kind() == Kind.FILE && x.file().equals(file));
        choice.getItems().add(c);
        return c;
    }

    /** Lists (or replaces) the one unsaved draft. */
    private Choice draft(String label, FieldMapping m) {
        if (draft != null) {
            choice.getItems().remove(draft);
        }
        draft = new Choice(Kind.DRAFT, label, null, m);
        choice.getItems().add(1, draft);
        return draft;
    }

    private void select(Choice c) {
        if (choice.getValue() == c) {
            show(c);
        } else {
            choice.setValue(c);
        }
    }

    // ---------------------------------------------------------------- editing

    /** Something was edited: a shipped, loaded or by-name mapping becomes a draft; the draft keeps the edit. */
    private void changed() {
        if (loading) {
            return;
        }
        Choice c = choice.getValue();
        if (c.kind() != Kind.DRAFT) {
            String label = c.kind() == Kind.BY_NAME ? Messages.get("ui.mapping.newName")
                    : Messages.get("ui.mapping.modified", c.label());
            loading = true;
            try {
                choice.setValue(draft(label, null));
            } finally {
                loading = false;
            }
            showState(draft);
            description.setDisable(false);
            footprints.setDisable(false);
        }
        int at = choice.getItems().indexOf(draft);
        draft = new Choice(Kind.DRAFT, draft.label(), null, build());
        loading = true;
        try {
            choice.getItems().set(at, draft);
            choice.setValue(draft);
        } finally {
            loading = false;
        }
        validate();
    }

    private FieldMapping build() {
        String d = description.getText() == null || description.getText().isBlank() ? null : description.getText().trim();
        String layer = target.layer().isBlank() ? null : target.layer();
        return new FieldMapping(d, layer, List.copyOf(rules), footprintSettings());
    }

    private FieldMapping.Footprints footprintSettings() {
        if (!footprints.isSelected()) {
            return null;
        }
        FieldMapping.Footprints b = baseFootprints == null ? STANDARD_FOOTPRINTS : baseFootprints;
        double w = ValueCoercion.number(footprintWidth.getText()).filter(d -> d > 0).orElse(b.defaultWidth());
        return new FieldMapping.Footprints(w, b.streetsLayer(), b.widthField(), b.searchDistance());
    }

    private void widthEntered() {
        if (ValueCoercion.number(footprintWidth.getText()).filter(d -> d > 0).isEmpty()) {
            footprintWidth.setText(width(footprintSettings()));
        }
        changed();
    }

    private static String width(FieldMapping.Footprints f) {
        double w = (f == null ? STANDARD_FOOTPRINTS : f).defaultWidth();
        return w == Math.rint(w) ? String.format(Locale.ROOT, "%.0f", w) : String.valueOf(w);
    }

    private void replace(int row, Rule r) {
        TablePosition<Rule, ?> focus = table.getFocusModel().getFocusedCell();
        rules.set(row, r);
        table.getSelectionModel().clearAndSelect(row, focus == null ? null : focus.getTableColumn());
        showValues();
    }

    private void addRule() {
        int at = table.getSelectionModel().getSelectedIndex() + 1;
        if (at <= 0) {
            at = rules.size();
        }
        rules.add(at, RuleEdits.next(rules, sourceFieldNames(), target));
        table.requestFocus();
        table.getSelectionModel().clearAndSelect(at, table.getColumns().get(1));
        table.scrollTo(at);
    }

    private void removeRule() {
        int i = table.getSelectionModel().getSelectedIndex();
        if (i < 0) {
            return;
        }
        TablePosition<Rule, ?> focus = table.getFocusModel().getFocusedCell();
        rules.remove(i);
        if (!rules.isEmpty()) {
            table.getSelectionModel().clearAndSelect(Math.min(i, rules.size() - 1),
                    focus == null ? null : focus.getTableColumn());
        }
    }

    private void moveRule(int by) {
        int i = table.getSelectionModel().getSelectedIndex();
        int j = i + by;
        if (i < 0 || j < 0 || j >= rules.size()) {
            return;
        }
        TablePosition<Rule, ?> focus = table.getFocusModel().getFocusedCell();
        List<Rule> reordered = new ArrayList<>(rules);
        reordered.add(j, reordered.remove(i));
        rules.setAll(reordered);
        table.getSelectionModel().clearAndSelect(j, focus == null ? null : focus.getTableColumn());
    }

    private void key(KeyEvent e) {
        if (table.getEditingCell() != null) {
            return;
        }
        if (e.getCode() == KeyCode.DELETE) {
            removeRule();
            e.consume();
        } else if (e.getCode() == KeyCode.INSERT) {
            addRule();
            e.consume();
        } else if (e.isAltDown() && (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN)) {
            moveRule(e.getCode() == KeyCode.UP ? -1 : 1);
            e.consume();
        }
    }

    private void showValues() {
        int i = table.getSelectionModel().getSelectedIndex();
        values.show(i, i >= 0 && i < rules.size() ? rules.get(i) : null);
    }

    // ---------------------------------------------------------------- checking

    private void validate() {
        Choice c = choice.getValue();
        List<MappingProblem> found = c == null || c.kind() == Kind.BY_NAME ? List.of()
                : MappingCheck.check(build(), source, target);
        problems.getChildren().setAll(found.stream().map(p -> {
            Label l = new Label(p.message());
            l.getStyleClass().add("mapping-problem-text");
            l.setWrapText(true);
            return l;
        }).toList());
        problems.setVisible(!found.isEmpty());
        problems.setManaged(!found.isEmpty());
        table.showProblems(found);
        valid.set(found.isEmpty());
        save.setDisable(c == null || c.kind() == Kind.BY_NAME || !MappingCheck.savable(found));
    }

    /** The platform's file chooser. */
    private static final class ChooserDialog implements FileDialog {
        @Override
        public Path open(Window owner) {
            File f = chooser().showOpenDialog(owner);
            return f == null ? null : f.toPath();
        }

        @Override
        public Path save(Window owner, String suggestedName) {
            FileChooser fc = chooser();
            fc.setInitialFileName(suggestedName);
            File f = fc.showSaveDialog(owner);
            return f == null ? null : f.toPath();
        }

        private static FileChooser chooser() {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("ui.import.mapping.filter"), "*.json"));
            return fc;
        }
    }
}
