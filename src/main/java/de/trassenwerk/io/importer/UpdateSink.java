package de.trassenwerk.io.importer;

import de.trassenwerk.io.SourcePosition;
import de.trassenwerk.store.ChangeSet;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.Query;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * Re-import of a feed by key: an incoming feature whose key exists in the layer updates that
 * feature when its geometry or one of the fields the feed provides differs (other fields, such as
 * a contact a planner entered, keep their values); a new key adds a feature; layer features whose
 * key the feed no longer has are reported and kept. The layer is remembered as a digest per key
 * (SHA-256 of geometry and provided fields), not as features, so memory stays small. All changes
 * are written in one transaction by {@link #finish()}. Used by the importing thread only.
 */
final class UpdateSink implements FeatureSink<UpdateSink.Incoming> {
    private final GeoPackageStore store;
    private final LayerSchema schema;
    private final String keyField;
    private final List<FieldInfo> provided;
    private final Map<String, Existing> existing = new HashMap<>();
    private final Map<String, SourcePosition> seen = new HashMap<>();
    private final ChangeSet changes = new ChangeSet();
    private final WKBWriter wkb = new WKBWriter(2);
    private long added;
    private long updated;
    private long unchanged;

    private record Existing(long fid, long version, byte[] digest) {
    }

    /** One feature of the feed. */
    record Incoming(Geometry geometry, Map<String, Object> attributes, SourcePosition position) {
    }

    /**
     * @param providedFields the target fields the feed fills (compared and updated)
     */
    UpdateSink(GeoPackageStore store, LayerSchema schema, String keyField, List<FieldInfo> providedFields) {
        this.store = store;
        this.schema = schema;
        this.keyField = schema.field(keyField).orElseThrow(() -> new ImportException("import.error.noKeyField", null,
                keyField, schema.name())).name();
        this.provided = List.copyOf(providedFields);
        List<String> names = new ArrayList<>();
        provided.forEach(f -> names.add(f.name()));
        if (!names.contains(this.keyField)) {
            names.add(this.keyField);
        }
        for (Feature f : store.read(schema.name(), Query.ALL.withFields(names, true))) {
            String key = key(f.get(this.keyField));
            if (key == null) {
                continue;
            }
            if (existing.put(key, new Existing(f.fid(), f.version(), digest(f.geometry(), f.attributes()))) != null) {
                throw new ImportException("import.error.duplicateExistingKey", null, key, this.keyField, schema.name());
            }
        }
    }

    private static String key(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        return value instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : value.toString().trim();
    }

    private byte[] digest(Geometry g, Map<String, Object> attributes) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(g == null ? new byte[] {0} : wkb.write(g));
            for (FieldInfo f : provided) {
                Object v = attributes.get(f.name());
                md.update((f.name() + "=" + (v == null ? "\u0000null" : v.toString()) + "\u0001")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean concurrent() {
        return false;
    }

    @Override
    public Incoming prepare(Geometry geometry, Map<String, Object> attributes, SourcePosition position) {
        return new Incoming(geometry, attributes, position);
    }

    @Override
    public void add(Incoming incoming) {
        Geometry geometry = incoming.geometry();
        Map<String, Object> attributes = incoming.attributes();
        SourcePosition position = incoming.position();
        String key = key(attributes.get(keyField));
        if (key == null) {
            throw new ImportException(List.of(new ImportProblem(position, "import.problem.noKey", keyField)),
                    "import.error.keyMissing", null, keyField);
        }
        SourcePosition before = seen.put(key, position);
        if (before != null) {
            throw new ImportException(List.of(new ImportProblem(before, "import.problem.key", key),
                    new ImportProblem(position, "import.problem.key", key)), "import.error.duplicateKey", null, key,
                    keyField);
        }
        Map<String, Object> values = new HashMap<>();
        for (FieldInfo f : provided) {
            values.put(f.name(), attributes.get(f.name()));
        }
        Existing old = existing.get(key);
        if (old == null) {
            changes.insert(schema.name(), Feature.create(geometry, values));
            added++;
        } else if (Arrays.equals(old.digest, digest(geometry, values))) {
            unchanged++;
        } else {
            changes.update(schema.name(), new Feature(old.fid, geometry, values, old.version));
            updated++;
        }
    }

    long added() {
        return added;
    }

    long updated() {
        return updated;
    }

    long unchanged() {
        return unchanged;
    }

    /** Keys of layer features the feed did not have, sorted. */
    List<String> disappeared() {
        TreeSet<String> gone = new TreeSet<>(existing.keySet());
        gone.removeAll(seen.keySet());
        return List.copyOf(gone);
    }

    @Override
    public void finish() {
        if (!changes.isEmpty()) {
            store.apply(changes);
        }
    }

    @Override
    public void abort() {
        // nothing is written before finish()
    }
}
