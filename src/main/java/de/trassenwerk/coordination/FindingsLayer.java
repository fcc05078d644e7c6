package de.trassenwerk.coordination;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.trassenwerk.store.AttributeFilter;
import de.trassenwerk.store.ChangeSet;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.GeometryType;
import de.trassenwerk.store.LayerInfo;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.ThemeLayers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/**
 * The {@code coordination_findings} layer: where a run's findings are kept and where users record
 * what they did about them ({@code user_status} open, contacted, agreed or declined, and a comment).
 *
 * <p>Saving a run is one transaction. Findings are matched by their stable {@code finding_id}: a
 * finding found again is updated (geometry, figures, {@code run_at}) and keeps its user status and
 * comment; a new one is inserted with status {@code open}; one that no longer occurs is deleted when
 * nobody recorded anything on it (status open, no comment), and otherwise kept with
 * {@code "gone_since"} (the run's time) in its {@code details}, so that no user's note is lost. When
 * it occurs again, the mark goes.
 *
 * <p>The layer stores LineStrings (the data model's type): a section of several pieces is stored as
 * one line through them in order, with {@code "parts"} in {@code details}; {@code length_m} counts
 * the pieces only. Thread rules: static methods, each a few store calls; the store's own rules apply
 * (never on the JavaFX thread).
 */
public final class FindingsLayer {
    public static final String LAYER = ThemeLayers.COORDINATION_FINDINGS;
    public static final String OPEN = "open";
    /** The statuses a user can give a finding. */
    public static final List<String> USER_STATUSES = List.of(OPEN, "contacted", "agreed", "declined");
    /** Keys of {@link FindingFields} stored in a column of their own; the others go into {@code details}. */
    private static final Set<String> COLUMNS = Set.of("finding_id", "kind", "route_fid", "site_fid", "other_site_fid",
            "street_fid", "street_name", "district", "organisation", "start_date", "end_date", "length_m", "saving_eur");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FindingsLayer() {
    }

    /** What users recorded on a stored finding, and whether the last saved run no longer found it. */
    public record UserRecord(long fid, long version, String status, String comment, String goneSince) {
        /** Whether a user recorded anything: a status other than open, or a comment. */
        public boolean touched() {
            return status != null && !status.equalsIgnoreCase(OPEN) || comment != null && !comment.isBlank();
        }
    }

    /** What a save did. */
    public record SaveReport(int inserted, int updated, int deleted, int keptGone) {
    }

    /** What users recorded, by finding id; empty when the file has no findings layer yet. */
    public static Map<String, UserRecord> userRecords(FeatureStore store) {
        Map<String, UserRecord> out = new LinkedHashMap<>();
        LayerSchema schema = existing(store);
        if (schema == null) {
            return out;
        }
        requireFields(schema);
        store.read(schema.name(), Query.ALL.withFields(List.of("finding_id", "user_status", "user_comment", "details"),
                false).orderedBy("fid", true), f -> {
                    String id = f.getString("finding_id");
                    if (id != null) {
                        out.putIfAbsent(id, new UserRecord(f.fid(), f.version(), f.getString("user_status"),
                                f.getString("user_comment"), goneSince(f.getString("details"))));
                    }
                });
        return out;
    }

    /** Saves a run's findings, in one transaction (the layer is created first when the file has none). */
    public static SaveReport save(FeatureStore store, CoordinationResult result, Instant runAt) {
        LayerSchema schema = existing(store);
        if (schema == null) {
            LayerSchema theme = ThemeLayers.schema(LAYER);
            store.createLayer(LayerSchema.features(LAYER, theme.geometryType(), result.srsId(), theme.fields()));
            schema = store.schema(LAYER);
        }
        requireFields(schema);
        Map<String, UserRecord> before = userRecords(store);
        String runText = runAt.truncatedTo(ChronoUnit.SECONDS).toString();
        ChangeSet changes = new ChangeSet();
        Set<String> seen = new HashSet<>();
        int inserted = 0;
        int updated = 0;
        for (Finding f : result.findings()) {
            seen.add(f.id());
            Map<String, Object> attrs = attributes(f, runText);
            Geometry g = storable(f.section(), schema.geometryType());
            UserRecord old = before.get(f.id());
            if (old == null) {
                attrs.put("user_status", OPEN);
                changes.insert(schema.name(), Feature.create(g, attrs));
                inserted++;
            } else {
                if (old.status() == null) {
                    attrs.put("user_status", OPEN);
                }
                changes.update(schema.name(), new Feature(old.fid(), g, attrs, old.version()));
                updated++;
            }
        }
        int deleted = 0;
        int kept = 0;
        List<Feature> goneTouched = new ArrayList<>();
        for (Map.Entry<String, UserRecord> e : before.entrySet()) {
            UserRecord r = e.getValue();
            if (seen.contains(e.getKey())) {
                continue;
            }
            if (!r.touched()) {
                changes.delete(schema.name(), r.fid(), r.version());
                deleted++;
            } else {
                kept++;
                if (r.goneSince() == null) {
                    goneTouched.addAll(store.read(schema.name(), Query.where(AttributeFilter.eq("fid", r.fid()))));
                }
            }
        }
        for (Feature f : goneTouched) {
            ObjectNode details = parseDetails(f.getString("details"));
            details.put("gone_since", runText);
            changes.update(schema.name(), new Feature(f.fid(), f.geometry(), Map.of("details", details.toString()),
                    f.version()));
        }
        if (!changes.isEmpty()) {
            store.apply(changes);
        }
        return new SaveReport(inserted, updated, deleted, kept);
    }

    /** Records a user's status and comment on a stored finding, in one transaction. */
    public static void setUserStatus(FeatureStore store, String findingId, String status, String comment) {
        String s = status == null ? OPEN : status.trim().toLowerCase(Locale.ROOT);
        if (!USER_STATUSES.contains(s)) {
            throw new CoordinationException("coordination.error.userStatus", status, String.join(", ", USER_STATUSES));
        }
        LayerSchema schema = existing(store);
        if (schema == null) {
            throw new CoordinationException("coordination.error.notSaved", findingId);
        }
        List<Feature> rows = store.read(schema.name(), Query.where(AttributeFilter.eq("finding_id", findingId))
                .withFields(List.of("finding_id"), true).orderedBy("fid", true));
        if (rows.isEmpty()) {
            throw new CoordinationException("coordination.error.notSaved", findingId);
        }
        Feature row = rows.get(0);
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("user_status", s);
        attrs.put("user_comment", comment == null || comment.isBlank() ? null : comment);
        store.apply(new ChangeSet().update(schema.name(), new Feature(row.fid(), row.geometry(), attrs, row.version())));
    }

    private static LayerSchema existing(FeatureStore store) {
        for (LayerInfo l : store.layers()) {
            if (l.name().equalsIgnoreCase(LAYER)) {
                return l.schema();
            }
        }
        return null;
    }

    private static void requireFields(LayerSchema schema) {
        List<String> missing = new ArrayList<>();
        for (FieldInfo f : ThemeLayers.schema(LAYER).fields()) {
            if (schema.field(f.name()).isEmpty()) {
                missing.add(f.name());
            }
        }
        if (!missing.isEmpty() || !schema.hasGeometry()) {
            throw new CoordinationException("coordination.error.findingsLayer", schema.name(),
                    missing.isEmpty() ? "geometry" : String.join(", ", missing));
        }
    }

    private static Map<String, Object> attributes(Finding f, String runAt) {
        Map<String, Object> values = FindingFields.of(f);
        Map<String, Object> attrs = new LinkedHashMap<>();
        ObjectNode details = MAPPER.createObjectNode();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (COLUMNS.contains(e.getKey())) {
                attrs.put(e.getKey(), e.getValue());
            } else if (e.getValue() instanceof Long l) {
                details.put(e.getKey(), l);
            } else if (e.getValue() != null) {
                details.put(e.getKey(), e.getValue().toString());
            }
        }
        if (f.parts() > 1) {
            details.put("parts", f.parts());
        }
        attrs.put("details", details.toString());
        attrs.put("run_at", runAt);
        return attrs;
    }

    /**
     * The section as the layer can hold it: several pieces joined into one line where the layer takes
     * LineStrings only, one line wrapped where it takes MultiLineStrings only.
     */
    static Geometry storable(Geometry section, GeometryType type) {
        if (section == null || type.accepts(GeometryType.of(section))) {
            return section;
        }
        if (type == GeometryType.MULTILINESTRING && section instanceof LineString l) {
            return Sections.GF.createMultiLineString(new LineString[] {l});
        }
        if (type != GeometryType.LINESTRING) {
            return section; // the store names the mismatch
        }
        List<Coordinate> coords = new ArrayList<>();
        for (int i = 0; i < section.getNumGeometries(); i++) {
            for (Coordinate c : section.getGeometryN(i).getCoordinates()) {
                if (coords.isEmpty() || !coords.get(coords.size() - 1).equals2D(c)) {
                    coords.add(c);
                }
            }
        }
        return Sections.GF.createLineString(coords.toArray(new Coordinate[0]));
    }

    private static ObjectNode parseDetails(String text) {
        if (text != null && !text.isBlank()) {
            try {
                JsonNode n = MAPPER.readTree(text);
                if (n instanceof ObjectNode o) {
                    return o;
                }
            } catch (JsonProcessingException e) {
                // not ours: start afresh, the old text is kept under "previous"
                ObjectNode o = MAPPER.createObjectNode();
                o.put("previous", text);
                return o;
            }
        }
        return MAPPER.createObjectNode();
    }

    private static String goneSince(String details) {
        JsonNode n = parseDetails(details).get("gone_since");
        return n == null ? null : n.asText();
    }
}
