package de.trassenwerk.opendata;

import de.trassenwerk.crs.SpatialReferences;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.FieldType;
import de.trassenwerk.store.GeometryType;
import de.trassenwerk.store.LayerInfo;
import de.trassenwerk.store.LayerSchema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Applies a {@link PublicationPolicy} to the layers of a GeoPackage: deny by default (a layer the
 * policy does not name is withheld, and so is every field of a public layer that it does not list),
 * personal fields dropped whatever a layer says, non-public layers withheld (their aggregate planned
 * when they have one), and every requirement a rule has checked against the real schema (a row
 * condition on a missing field withholds the layer rather than publishing unchecked rows).
 * Stateless; any thread.
 */
public final class PublicationPlanner {

    private PublicationPlanner() {
    }

    /**
     * Plans the publication of {@code layers} (as the store lists them); {@code selected} limits it
     * to some source layers (null: all), the others are withheld as not selected.
     */
    public static PublicationPlan plan(PublicationPolicy policy, List<LayerInfo> layers, Collection<String> selected) {
        List<PlannedDataset> datasets = new ArrayList<>();
        List<WithheldLayer> withheld = new ArrayList<>();
        Optional<LayerInfo> areas = layers.stream().filter(l -> l.name().equalsIgnoreCase(policy.areas().layer())
                && l.schema().hasGeometry()).findFirst();
        for (LayerInfo info : layers) {
            String name = info.name();
            if (selected != null && selected.stream().noneMatch(s -> s.trim().equalsIgnoreCase(name))) {
                withheld.add(new WithheldLayer(name, Reason.NOT_SELECTED, null));
                continue;
            }
            Optional<LayerRule> rule = policy.rule(name);
            if (rule.isEmpty()) {
                withheld.add(new WithheldLayer(name, Reason.NOT_IN_POLICY, null));
                continue;
            }
            LayerRule r = rule.get();
            if (r.access() != LayerAccess.PUBLIC) {
                withheld.add(new WithheldLayer(name, r.access() == LayerAccess.INTERNAL ? Reason.INTERNAL
                        : Reason.RESTRICTED, r.reason()));
                if (r.aggregate() != null) {
                    planAggregate(policy, info, r.aggregate(), areas, datasets, withheld);
                }
                continue;
            }
            planLayer(policy, info, r, areas, datasets, withheld);
        }
        return new PublicationPlan(policy, datasets, withheld);
    }

    private static void planLayer(PublicationPolicy policy, LayerInfo info, LayerRule rule, Optional<LayerInfo> areas,
            List<PlannedDataset> datasets, List<WithheldLayer> withheld) {
        LayerSchema s = info.schema();
        if (!s.hasGeometry()) {
            withheld.add(new WithheldLayer(s.name(), Reason.NO_GEOMETRY, null));
            return;
        }
        Integer epsg = epsg(info);
        if (epsg == null) {
            withheld.add(new WithheldLayer(s.name(), Reason.UNKNOWN_CRS, info.crs()));
            return;
        }
        String missing = missingConditionField(s, rule.rows());
        if (missing != null) {
            withheld.add(new WithheldLayer(s.name(), Reason.CONDITION_FIELD_MISSING, missing));
            return;
        }
        if (rule.geometry() == GeometryRule.AREA && areas.isEmpty()) {
            withheld.add(new WithheldLayer(s.name(), Reason.AREAS_MISSING, policy.areas().layer()));
            return;
        }
        List<FieldDecision> decisions = new ArrayList<>();
        List<FieldInfo> out = new ArrayList<>();
        for (FieldInfo f : s.fields()) {
            FieldDecision d = decide(policy, rule, f);
            decisions.add(d);
            if (d.published()) {
                out.add(FieldInfo.of(f.name(), d.outcome() == FieldDecision.Outcome.MONTH ? FieldType.TEXT : f.type()));
            }
        }
        List<String> temporal = new ArrayList<>();
        for (FieldDecision d : decisions) {
            boolean named = rule.temporalFields() == null ? isDateType(d.type())
                    : rule.temporalFields().stream().anyMatch(t -> t.equalsIgnoreCase(d.field()));
            if (d.published() && named) {
                temporal.add(d.field());
            }
        }
        GeometryType type = rule.geometry() == GeometryRule.AREA ? GeometryType.MULTIPOLYGON : s.geometryType();
        LayerSchema output = new LayerSchema(s.name(), LayerSchema.FID, "geom", type, SpatialReferences.PROJECT_SRS,
                false, false, out, false);
        datasets.add(new PlannedDataset(PlannedDataset.Kind.LAYER, s.name(), epsg, rule.dataset(), output, decisions,
                rule.geometry(), rule.rows(), marker(policy, s), temporal, null));
    }

    private static FieldDecision decide(PublicationPolicy policy, LayerRule rule, FieldInfo f) {
        if (policy.isPersonal(f.name())) {
            return new FieldDecision(f.name(), f.type(), FieldDecision.Outcome.DROP, Reason.PERSONAL);
        }
        FieldRule r = rule.fieldRule(f.name());
        if (r == null) {
            return new FieldDecision(f.name(), f.type(), FieldDecision.Outcome.WITHHELD, Reason.NOT_IN_POLICY);
        }
        if (r == FieldRule.DROP) {
            return new FieldDecision(f.name(), f.type(), FieldDecision.Outcome.DROP, Reason.DROPPED_BY_POLICY);
        }
        if (f.type() == FieldType.BLOB || (r == FieldRule.MONTH && !isDateType(f.type()) && f.type() != FieldType.TEXT)) {
            return new FieldDecision(f.name(), f.type(), FieldDecision.Outcome.WITHHELD, Reason.UNSUPPORTED_TYPE);
        }
        return r == FieldRule.MONTH ? new FieldDecision(f.name(), f.type(), FieldDecision.Outcome.MONTH, Reason.GENERALISED)
                : new FieldDecision(f.name(), f.type(), FieldDecision.Outcome.KEEP, null);
    }

    private static void planAggregate(PublicationPolicy policy, LayerInfo info, AggregateRule a, Optional<LayerInfo> areas,
            List<PlannedDataset> datasets, List<WithheldLayer> withheld) {
        LayerSchema s = info.schema();
        Integer epsg = epsg(info);
        if (areas.isEmpty() || areas.get().schema().field(policy.areas().codeField()).isEmpty()
                || areas.get().schema().field(policy.areas().nameField()).isEmpty()) {
            withheld.add(new WithheldLayer(a.layer(), Reason.AREAS_MISSING, policy.areas().layer()));
            return;
        }
        if (!s.hasGeometry() || epsg == null) {
            withheld.add(new WithheldLayer(a.layer(), Reason.UNKNOWN_CRS, info.crs()));
            return;
        }
        String missing = missingConditionField(s, a.when());
        if (missing != null) {
            withheld.add(new WithheldLayer(a.layer(), Reason.CONDITION_FIELD_MISSING, missing));
            return;
        }
        List<FieldInfo> out = List.of(FieldInfo.of(policy.areas().codeField(), FieldType.TEXT),
                FieldInfo.of(policy.areas().nameField(), FieldType.TEXT), FieldInfo.of(a.field(), FieldType.BOOLEAN));
        LayerSchema output = new LayerSchema(a.layer(), LayerSchema.FID, "geom", GeometryType.MULTIPOLYGON,
                SpatialReferences.PROJECT_SRS, false, false, out, false);
        datasets.add(new PlannedDataset(PlannedDataset.Kind.AGGREGATE, s.name(), epsg, a.dataset(), output, List.of(),
                GeometryRule.AREA, a.when(), marker(policy, s), List.of(), a));
    }

    private static String missingConditionField(LayerSchema s, List<RowCondition> conditions) {
        for (RowCondition c : conditions) {
            if (s.field(c.field()).isEmpty()) {
                return c.field();
            }
        }
        return null;
    }

    private static String marker(PublicationPolicy policy, LayerSchema s) {
        if (policy.restrictedMarker() == null) {
            return null;
        }
        return s.field(policy.restrictedMarker()).map(FieldInfo::name).orElse(null);
    }

    private static boolean isDateType(FieldType t) {
        return t == FieldType.DATE || t == FieldType.DATETIME;
    }

    /** The EPSG code of a layer's CRS ({@code EPSG:25832}), or null when it has none. */
    static Integer epsg(LayerInfo info) {
        String crs = info.crs();
        if (crs == null || !crs.toUpperCase(Locale.ROOT).startsWith("EPSG:")) {
            return null;
        }
        try {
            return Integer.parseInt(crs.substring(5).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
