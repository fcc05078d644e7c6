package de.trassenwerk.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.trassenwerk.i18n.Messages;
import de.trassenwerk.store.ChangeSet;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.GeometryType;
import de.trassenwerk.store.LayerInfo;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.ThemeLayers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps a planned route as data: one feature of {@code planned_routes} (created with the schema of
 * {@link ThemeLayers} when the file has none), written in one transaction, with status {@code draft},
 * {@code from_ref} (site number or {@code X,Y}), {@code to_ref} (node name or {@code X,Y}), a name,
 * {@code length_m} (one decimal), {@code cost_eur} (whole euros), {@code cost_breakdown} (JSON
 * {@code {class: {m, eur}}}, the same rounding) and no {@code needed_by}. A saved draft takes part in
 * the coordination analysis like any other. Thread rules: the store's (never on the JavaFX thread).
 */
public final class PlannedRoutesLayer {
    public static final String LAYER = ThemeLayers.PLANNED_ROUTES;
    public static final String DRAFT = "draft";
    private static final List<String> FIELDS = List.of("name", "from_ref", "to_ref", "status", "needed_by", "length_m",
            "cost_eur", "cost_breakdown");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PlannedRoutesLayer() {
    }

    /**
     * Saves a route as a draft; returns its fid. {@code srsId} is the coordinate system of the route (that
     * of the data it was planned on).
     *
     * @throws RoutingException when an existing {@code planned_routes} layer lacks one of the fields
     */
    public static long saveDraft(FeatureStore store, Route route, int srsId) {
        LayerSchema schema = null;
        for (LayerInfo l : store.layers()) {
            if (l.name().equalsIgnoreCase(LAYER)) {
                schema = l.schema();
            }
        }
        if (schema == null) {
            LayerSchema theme = ThemeLayers.schema(LAYER);
            schema = LayerSchema.features(theme.name(), GeometryType.LINESTRING, srsId, theme.fields());
            store.createLayer(schema);
        }
        LayerSchema target = schema;
        List<String> missing = FIELDS.stream().filter(f -> target.field(f).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new RoutingException("routing.error.routesLayer", target.name(), String.join(", ", missing));
        }
        RoundedCosts rounded = RoundedCosts.of(route.breakdown());
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put(name(target, "name"), Messages.get("routing.route.name", route.fromRef(), route.toRef()));
        attrs.put(name(target, "from_ref"), route.fromRef());
        attrs.put(name(target, "to_ref"), route.toRef());
        attrs.put(name(target, "status"), DRAFT);
        attrs.put(name(target, "needed_by"), null);
        attrs.put(name(target, "length_m"), rounded.lengthM());
        attrs.put(name(target, "cost_eur"), (double) rounded.costEur());
        attrs.put(name(target, "cost_breakdown"), rounded.toJson(MAPPER).toString());
        return store.apply(new ChangeSet().insert(target.name(), Feature.create(route.geometry(), attrs))).get(0);
    }

    private static String name(LayerSchema schema, String field) {
        return schema.field(field).map(FieldInfo::name).orElse(field.toLowerCase(Locale.ROOT));
    }
}
