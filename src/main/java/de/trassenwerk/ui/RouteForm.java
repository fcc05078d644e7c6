package de.trassenwerk.ui;

import de.trassenwerk.coordination.CoordinationParameters;
import de.trassenwerk.coverage.SiteGap;
import de.trassenwerk.i18n.Messages;
import de.trassenwerk.i18n.UserFacingException;
import de.trassenwerk.routing.Destination;
import de.trassenwerk.routing.NetworkNode;
import de.trassenwerk.routing.Origin;
import de.trassenwerk.routing.RoutePlanner;
import de.trassenwerk.routing.RouteRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * The route planner's request form: where the route starts (a commercial site chosen by number, the site
 * chosen in the gap view, or a point picked on the map), where it ends (the cheapest PoP or cabinet, a
 * named network node, or a point picked on the map), how many routes, whether streets under moratorium
 * may be dug, the planning date, and under "More settings" the coordination parameters (with the
 * defaults of the {@code route} command) and the cost file.
 *
 * <p>Picking asks the map for a point ({@link MapView#pickPoint}); a start picked inside a commercial
 * plot starts at that site. Whenever the start or the end changes, the listener set with
 * {@link #setOnPlacesChanged} runs. FX thread only; the planner handed to {@link #usePlanner} is only
 * read for its site numbers, nodes and plots (in memory).
 */
final class RouteForm extends VBox {
    private static final org.locationtech.jts.geom.GeometryFactory GEOMETRY = new org.locationtech.jts.geom.GeometryFactory();
    private final MapView map;
    private final ToggleGroup from = new ToggleGroup();
    private final RadioButton fromSite = radio("ui.route.from.site", from, "routeFromSite");
    private final RadioButton fromPoint = radio("ui.route.from.point", from, "routeFromPoint");
    private final ComboBox<String> siteBox = new ComboBox<>();
    private final Button fromGapSite = new Button();
    private final ToggleButton pickStart = new ToggleButton(Messages.get("ui.route.pick"));
    private final Label startLabel = new Label("–");
    private final ToggleGroup to = new ToggleGroup();
    private final RadioButton toNearest = radio("ui.route.to.nearest", to, "routeToNearest");
    private final RadioButton toNode = radio("ui.route.to.node", to, "routeToNode");
    private final RadioButton toPoint = radio("ui.route.to.point", to, "routeToPoint");
    private final ComboBox<String> nodeBox = new ComboBox<>();
    private final ToggleButton pickEnd = new ToggleButton(Messages.get("ui.route.pick"));
    private final Label endLabel = new Label("–");
    private final Spinner<Integer> alternatives = new Spinner<>(1, RouteRequest.MAX_ROUTES, 3);
    private final CheckBox allowMoratorium = new CheckBox(Messages.get("ui.route.allowMoratorium"));
    private final DatePicker today = new DatePicker();
    private final Spinner<Double> buffer = new Spinner<>(0.0, 1000.0, CoordinationParameters.DEFAULT_BUFFER_M, 1.0);
    private final Spinner<Integer> lead = new Spinner<>(0, 520, CoordinationParameters.DEFAULT_LEAD_WEEKS);
    private final Spinner<Integer> horizon = new Spinner<>(0, 600, CoordinationParameters.DEFAULT_HORIZON_MONTHS);
    private final Spinner<Integer> moratorium = new Spinner<>(0, 100, CoordinationParameters.DEFAULT_MORATORIUM_YEARS);
    private final CostFileChoice costs = new CostFileChoice();
    private Coordinate startPoint;
    private Coordinate endPoint;
    private RoutePlanner planner;
    private ObservableValue<SiteGap> gapSite;
    private Runnable onPlacesChanged = () -> { };
    private java.util.function.Consumer<String> onPrompt = s -> { };

    RouteForm(MapView map) {
        this.map = map;
        setSpacing(6);
        setPadding(new Insets(8));
        setId("routeForm");
        fromSite.setSelected(true);
        toNearest.setSelected(true);
        combo(siteBox, "routeSiteBox", "ui.route.site.prompt", 130);
        combo(nodeBox, "routeNodeBox", "ui.route.node.prompt", 130);
        fromGapSite.setId("routeFromGapSite");
        fromGapSite.setTooltip(new Tooltip(Messages.get("ui.route.gapSite.tooltip")));
        fromGapSite.setText(Messages.get("ui.route.gapSite", "–"));
        fromGapSite.setDisable(true);
        fromGapSite.setOnAction(e -> useGapSite());
        pickStart.setId("routePickStart");
        pickEnd.setId("routePickEnd");
        pickStart.setTooltip(new Tooltip(Messages.get("ui.route.pick.start")));
        pickEnd.setTooltip(new Tooltip(Messages.get("ui.route.pick.end")));
        pickStart.selectedProperty().addListener((o, was, on) -> pick(pickStart, on, true));
        pickEnd.selectedProperty().addListener((o, was, on) -> pick(pickEnd, on, false));
        startLabel.setId("routeStartLabel");
        endLabel.setId("routeEndLabel");
        startLabel.setMinWidth(0);
        endLabel.setMinWidth(0);
        siteBox.valueProperty().addListener((o, was, now) -> {
            if (now != null && !now.isBlank()) {
                fromSite.setSelected(true);
            }
            onPlacesChanged.run();
        });
        nodeBox.valueProperty().addListener((o, was, now) -> {
            if (now != null && !now.isBlank()) {
                toNode.setSelected(true);
            }
        });
        from.selectedToggleProperty().addListener((o, was, now) -> onPlacesChanged.run());
        to.selectedToggleProperty().addListener((o, was, now) -> onPlacesChanged.run());
        alternatives.setId("routeAlternatives");
        alternatives.setEditable(true);
        alternatives.setPrefWidth(70);
        allowMoratorium.setId("routeAllowMoratorium");
        allowMoratorium.setTooltip(new Tooltip(Messages.get("ui.route.allowMoratorium.tooltip")));
        today.setId("routeToday");
        today.setPromptText(Messages.get("ui.coordination.today.default"));
        today.setPrefWidth(140);

        GridPane places = new GridPane();
        places.setHgap(6);
        places.setVgap(4);
        places.add(heading("ui.route.from"), 0, 0);
        places.add(row(fromSite, siteBox), 1, 0);
        HBox gapRow = row(fromGapSite);
        gapRow.setPadding(new Insets(0, 0, 0, 24));
        places.add(gapRow, 1, 1);
        places.add(row(fromPoint, pickStart, startLabel), 1, 2);
        places.add(heading("ui.route.to"), 0, 3);
        places.add(row(toNearest), 1, 3);
        places.add(row(toNode, nodeBox), 1, 4);
        places.add(row(toPoint, pickEnd, endLabel), 1, 5);
        FlowPane options = new FlowPane(12, 6, labelled("ui.route.alternatives", alternatives), allowMoratorium,
                labelled("ui.route.today", today));
        options.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(places, options, moreSettings());
    }

    /** Called with a prompt for the user (pick a point, what was picked); FX thread. */
    void setOnPrompt(java.util.function.Consumer<String> handler) {
        onPrompt = handler;
    }

    /** Called when the start or the end changes (the routes shown no longer fit the form). */
    void setOnPlacesChanged(Runnable handler) {
        onPlacesChanged = handler;
    }

    /** Offers the site chosen in the gap view's table as the start. */
    void followGapView(ObservableValue<SiteGap> chosen) {
        gapSite = chosen;
        fromGapSite.textProperty().bind(Bindings.createStringBinding(() -> Messages.get("ui.route.gapSite",
                chosen.getValue() == null ? "–" : chosen.getValue().siteNo()), chosen));
        fromGapSite.disableProperty().bind(Bindings.createBooleanBinding(() -> chosen.getValue() == null
                || chosen.getValue().siteNo() == null, chosen));
    }

    /** Takes the site numbers and nodes of {@code p} as choices, and its date when none was set. */
    void usePlanner(RoutePlanner p) {
        if (p == planner) {
            return;
        }
        planner = p;
        String site = siteBox.getValue();
        siteBox.getItems().setAll(p.siteNumbers());
        siteBox.setValue(site);
        String node = nodeBox.getValue();
        List<NetworkNode> nodes = new ArrayList<>(p.networkNodes().stream()
                .filter(n -> n.name() != null && !n.name().isBlank() && n.graphNode() >= 0).toList());
        nodes.sort(Comparator.comparingInt(RouteForm::kindOrder).thenComparing(NetworkNode::name));
        nodeBox.getItems().setAll(nodes.stream().map(NetworkNode::name).distinct().toList());
        nodeBox.setValue(node);
        if (today.getValue() == null) {
            today.setValue(p.parameters().today());
        }
    }

    private static int kindOrder(NetworkNode n) {
        String k = n.kind() == null ? "" : n.kind().trim().toLowerCase(Locale.ROOT);
        return k.equals("pop") ? 0 : k.equals("cabinet") ? 1 : 2;
    }

    // ---------------------------------------------------------------- what the form asks for

    /** Where the route starts. */
    Origin origin() {
        if (fromSite.isSelected()) {
            String site = site();
            if (site == null) {
                throw new UserFacingException("ui.route.error.noSite", null);
            }
            return Origin.site(site);
        }
        if (startPoint == null) {
            throw new UserFacingException("ui.route.error.noStart", null);
        }
        return Origin.point(startPoint.x, startPoint.y);
    }

    /** Where the route ends. */
    Destination destination() {
        if (toNearest.isSelected()) {
            return Destination.nearestNode();
        }
        if (toNode.isSelected()) {
            String node = text(nodeBox);
            if (node == null) {
                throw new UserFacingException("ui.route.error.noNode", null);
            }
            return Destination.node(node);
        }
        if (endPoint == null) {
            throw new UserFacingException("ui.route.error.noEnd", null);
        }
        return Destination.point(endPoint.x, endPoint.y);
    }

    /** The request the form describes. */
    RouteRequest request() {
        commit(alternatives);
        return new RouteRequest(origin(), destination(), alternatives.getValue(), allowMoratorium.isSelected());
    }

    boolean allowMoratorium() {
        return allowMoratorium.isSelected();
    }

    void setAllowMoratorium(boolean allow) {
        allowMoratorium.setSelected(allow);
    }

    /** The settings a planner is built with. */
    RoutePlanning.Settings settings() {
        for (Spinner<?> s : List.of(buffer, lead, horizon, moratorium)) {
            commit(s);
        }
        return new RoutePlanning.Settings(today.getValue(), buffer.getValue(), lead.getValue(), horizon.getValue(),
                moratorium.getValue(), costs.file());
    }

    /** Where the start marker goes: the picked point, or the chosen site's plot; null when unknown. */
    Coordinate startMarker() {
        if (fromPoint.isSelected()) {
            return startPoint;
        }
        String site = site();
        Optional<Geometry> plot = planner == null || site == null ? Optional.empty() : planner.sitePlot(site);
        return plot.map(g -> g.getInteriorPoint().getCoordinate()).orElse(null);
    }

    /** Where the end marker goes: the picked point when the route ends at one; else null. */
    Coordinate endMarker() {
        return toPoint.isSelected() ? endPoint : null;
    }

    private String site() {
        return text(siteBox);
    }

    private static String text(ComboBox<String> box) {
        String v = box.isEditable() && box.getEditor().getText() != null ? box.getEditor().getText() : box.getValue();
        return v == null || v.isBlank() ? null : v.strip();
    }

    // ---------------------------------------------------------------- picking

    private void useGapSite() {
        SiteGap s = gapSite == null ? null : gapSite.getValue();
        if (s != null && s.siteNo() != null) {
            siteBox.setValue(s.siteNo());
            fromSite.setSelected(true);
        }
    }

    private void pick(ToggleButton button, boolean on, boolean start) {
        if (!on) {
            map.cancelPointPick();
            return;
        }
        onPrompt.accept(Messages.get(start ? "ui.route.pick.start" : "ui.route.pick.end"));
        map.pickPoint(p -> {
            button.setSelected(false);
            if (p == null) {
                onPrompt.accept("");
            } else if (start) {
                startPicked(new Coordinate(p.getX(), p.getY()));
            } else {
                endPicked(new Coordinate(p.getX(), p.getY()));
            }
        });
    }

    private void startPicked(Coordinate c) {
        String site = siteAt(c);
        if (site != null) {
            siteBox.setValue(site);
            fromSite.setSelected(true);
            onPrompt.accept(Messages.get("ui.route.picked.site", site));
        } else {
            startPoint = c;
            startLabel.setText(shortXy(c));
            fromPoint.setSelected(true);
            onPrompt.accept(Messages.get("ui.route.picked.start", Origin.point(c.x, c.y).ref()));
        }
        onPlacesChanged.run();
    }

    private void endPicked(Coordinate c) {
        endPoint = c;
        endLabel.setText(shortXy(c));
        toPoint.setSelected(true);
        onPrompt.accept(Messages.get("ui.route.picked.end", Origin.point(c.x, c.y).ref()));
        onPlacesChanged.run();
    }

    /** A picked point to the metre, as the form shows it (the message and the route keep two decimals). */
    private static String shortXy(Coordinate c) {
        return String.format(Locale.ROOT, "%.0f, %.0f", c.x, c.y);
    }

    /** The commercial site whose plot holds {@code c}, or null. */
    private String siteAt(Coordinate c) {
        if (planner == null) {
            return null;
        }
        org.locationtech.jts.geom.Point point = GEOMETRY.createPoint(c);
        for (String no : planner.siteNumbers()) {
            Geometry plot = planner.sitePlot(no).orElse(null);
            if (plot != null && plot.getEnvelopeInternal().contains(c) && plot.contains(point)) {
                return no;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- layout

    private TitledPane moreSettings() {
        buffer.setId("routeBuffer");
        lead.setId("routeLead");
        horizon.setId("routeHorizon");
        moratorium.setId("routeMoratoriumYears");
        for (Spinner<?> s : List.of(buffer, lead, horizon, moratorium)) {
            s.setEditable(true);
            s.setPrefWidth(85);
            s.focusedProperty().addListener((o, was, is) -> {
                if (!is) {
                    commit(s);
                }
            });
        }
        costs.button().setId("routeCosts");
        costs.label().setId("routeCostsLabel");
        FlowPane fields = new FlowPane(12, 6, labelled("ui.coordination.buffer", buffer),
                labelled("ui.coordination.lead", lead), labelled("ui.coordination.horizon", horizon),
                labelled("ui.coordination.moratorium", moratorium), row(costs.button(), costs.label()));
        fields.setAlignment(Pos.CENTER_LEFT);
        TitledPane more = new TitledPane(Messages.get("ui.route.more"), fields);
        more.setId("routeMore");
        more.setExpanded(false);
        more.setAnimated(false);
        return more;
    }

    private static RadioButton radio(String key, ToggleGroup group, String id) {
        RadioButton b = new RadioButton(Messages.get(key));
        b.setToggleGroup(group);
        b.setId(id);
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return b;
    }

    private static void combo(ComboBox<String> box, String id, String promptKey, double width) {
        box.setId(id);
        box.setEditable(true);
        box.setPromptText(Messages.get(promptKey));
        box.setPrefWidth(width);
        box.setVisibleRowCount(15);
    }

    private static Label heading(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("pane-title");
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static HBox row(Node... nodes) {
        HBox box = new HBox(6, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static HBox labelled(String key, Node control) {
        return row(new Label(Messages.get(key)), control);
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
}
