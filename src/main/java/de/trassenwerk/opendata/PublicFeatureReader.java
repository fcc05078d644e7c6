package de.trassenwerk.opendata;

import de.trassenwerk.store.Feature;
import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the source features of a {@link PlannedDataset} into public ones: features marked
 * restricted and those failing a row condition are skipped, only the published fields are kept
 * (dates generalised to their month where the policy says so), geometries replaced by their area
 * where it says so; for an aggregate, one feature per area with its yes/no. Reads only the fields it
 * needs; the public features carry no fid and no version. One reader per dataset and thread.
 */
final class PublicFeatureReader {
    private static final Pattern MONTH = Pattern.compile("^(\\d{4}-\\d{2})(-\\d{2})?([T ].*)?$");

    private final FeatureStore store;
    private final PlannedDataset plan;
    private final AreaIndex areas;
    private final BooleanSupplier cancelled;
    private long read;
    private long published;
    private long filtered;
    private long restricted;
    private long outside;

    /** {@code areas} may be null when the plan needs none (geometry kept, not an aggregate). */
    PublicFeatureReader(FeatureStore store, PlannedDataset plan, AreaIndex areas, BooleanSupplier cancelled) {
        this.store = store;
        this.plan = plan;
        this.areas = areas;
        this.cancelled = cancelled;
    }

    /** Sends every public feature of the dataset to {@code sink}, in a stable order. */
    void forEach(Consumer<Feature> sink) {
        if (plan.kind() == PlannedDataset.Kind.AGGREGATE) {
            aggregate(sink);
            return;
        }
        store.read(plan.sourceLayer(), Query.ALL.withFields(neededFields(), true).orderedBy("fid", true), f -> {
            Feature pub = toPublic(f);
            if (pub != null) {
                published++;
                sink.accept(pub);
            }
        });
    }

    /** The counts of the last {@link #forEach}. */
    DatasetCounts counts() {
        return new DatasetCounts(read, published, filtered, restricted, outside);
    }

    private List<String> neededFields() {
        Set<String> names = new LinkedHashSet<>();
        for (FieldDecision d : plan.fields()) {
            if (d.published()) {
                names.add(d.field());
            }
        }
        for (RowCondition c : plan.rows()) {
            names.add(store.schema(plan.sourceLayer()).field(c.field()).orElseThrow().name());
        }
        if (plan.restrictedMarker() != null) {
            names.add(plan.restrictedMarker());
        }
        return new ArrayList<>(names);
    }

    /** Whether the feature may be used at all: not restricted, passes every condition. Counts it. */
    private boolean admitted(Feature f) {
        read++;
        if ((read & 1023) == 0 && cancelled.getAsBoolean()) {
            throw new CancellationException();
        }
        if (plan.restrictedMarker() != null && Boolean.TRUE.equals(f.getBoolean(plan.restrictedMarker()))) {
            restricted++;
            return false;
        }
        for (RowCondition c : plan.rows()) {
            if (!c.matches(withFieldCase(f, c.field()))) {
                filtered++;
                return false;
            }
        }
        return true;
    }

    private Feature toPublic(Feature f) {
        if (!admitted(f)) {
            return null;
        }
        var geometry = f.geometry();
        if (plan.geometry() == GeometryRule.AREA) {
            var area = areas.largestPart(geometry);
            if (area.isEmpty()) {
                outside++;
                return null;
            }
            geometry = area.get().geometry();
        }
        Map<String, Object> attrs = new LinkedHashMap<>();
        for (FieldDecision d : plan.fields()) {
            if (d.outcome() == FieldDecision.Outcome.KEEP) {
                attrs.put(d.field(), f.get(d.field()));
            } else if (d.outcome() == FieldDecision.Outcome.MONTH) {
                attrs.put(d.field(), month(f.get(d.field())));
            }
        }
        return Feature.create(geometry, attrs);
    }

    private void aggregate(Consumer<Feature> sink) {
        List<String> fields = new ArrayList<>();
        for (RowCondition c : plan.rows()) {
            fields.add(store.schema(plan.sourceLayer()).field(c.field()).orElseThrow().name());
        }
        if (plan.restrictedMarker() != null) {
            fields.add(plan.restrictedMarker());
        }
        Map<String, Boolean> yes = new TreeMap<>();
        store.read(plan.sourceLayer(), Query.ALL.withFields(fields, true), f -> {
            if (!admitted(f)) {
                return;
            }
            var area = areas.largestPart(f.geometry());
            if (area.isEmpty()) {
                outside++;
            } else {
                yes.put(area.get().code(), true);
            }
        });
        List<FieldInfo> out = plan.output().fields();
        for (AreaIndex.Area a : areas.all()) {
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put(out.get(0).name(), a.code());
            attrs.put(out.get(1).name(), a.name());
            attrs.put(out.get(2).name(), yes.getOrDefault(a.code(), false));
            published++;
            sink.accept(Feature.create(a.geometry(), attrs));
        }
    }

    /** The feature with {@code field} readable under the spelling the policy uses. */
    private static Feature withFieldCase(Feature f, String field) {
        if (f.attributes().containsKey(field)) {
            return f;
        }
        for (Map.Entry<String, Object> e : f.attributes().entrySet()) {
            if (e.getKey().equalsIgnoreCase(field)) {
                return f.withAttribute(field, e.getValue());
            }
        }
        return f;
    }

    /** {@code 2027-07-17} (or a date-time) as {@code 2027-07}; null for anything that is not an ISO date. */
    static String month(Object value) {
        if (value == null) {
            return null;
        }
        Matcher m = MONTH.matcher(value.toString().trim());
        return m.matches() ? m.group(1) : null;
    }
}
