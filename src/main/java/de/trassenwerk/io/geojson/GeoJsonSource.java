package de.trassenwerk.io.geojson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.trassenwerk.crs.CrsIdentifier;
import de.trassenwerk.crs.SpatialReferences;
import de.trassenwerk.io.FeatureCursor;
import de.trassenwerk.io.FeatureSource;
import de.trassenwerk.io.FieldTypeTally;
import de.trassenwerk.io.ReadException;
import de.trassenwerk.io.SourceFeature;
import de.trassenwerk.io.SourcePosition;
import de.trassenwerk.io.SourceSchema;
import de.trassenwerk.store.GeometryType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A GeoJSON file (RFC 7946, and the 2008 form with a {@code crs} member) read as a stream: a
 * FeatureCollection of any size is read one feature at a time, so memory does not grow with the
 * file. A single Feature, or a bare geometry (GeometryCollection included), is read as one feature.
 * Without a {@code crs} member coordinates are WGS 84 longitude/latitude (EPSG:4326), as RFC 7946
 * says. A feature's {@code id} becomes the attribute {@code id} unless its properties have one.
 * The schema (fields and types) is found by one extra pass that skips geometries (it stops when
 * the thread is interrupted). Besides files
 * it reads any stream (a page of a service's answer) through an {@link Opener}; for services that
 * follow GeoServer's convention, a {@code crs} member in URN form of a northing-first system
 * (EPSG:4326, Gauss-Krüger) means the coordinates come northing first and are swapped. Not
 * thread-safe; each {@link #features()} call opens the input anew.
 */
public final class GeoJsonSource implements FeatureSource {
    static final JsonFactory JSON = new ObjectMapper().getFactory()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER.mappedFeature());

    /** Opens the GeoJSON text from its start, as often as needed. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    private final String source;
    private final String name;
    private final long size;
    private final Opener opener;
    private final boolean authorityAxisOrder;
    private CrsIdentifier crs;
    private SourceSchema schema;

    public GeoJsonSource(Path file) {
        this(baseName(file), file.getFileName().toString(), size(file), () -> Files.newInputStream(file), false);
    }

    /**
     * @param name the layer name
     * @param source the source for positions in messages (file name, or URL)
     * @param size the size in bytes, for progress (0 when unknown)
     * @param opener opens the text from its start
     * @param authorityAxisOrder whether a URN {@code crs} member of a northing-first system means swapped coordinates
     */
    public GeoJsonSource(String name, String source, long size, Opener opener, boolean authorityAxisOrder) {
        this.name = name;
        this.source = source;
        this.size = size;
        this.opener = opener;
        this.authorityAxisOrder = authorityAxisOrder;
    }

    private static String baseName(Path file) {
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ReadException("io.error.unreadable", e, file.toString(), e.getMessage());
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int srsId() {
        return crs().epsg();
    }

    private CrsIdentifier crs() {
        if (crs == null) {
            crs = findCrs();
        }
        return crs;
    }

    @Override
    public SourceSchema schema() {
        if (schema == null) {
            schema = scan();
        }
        return schema;
    }

    @Override
    public FeatureCursor features() {
        return new Cursor();
    }

    @Override
    public void close() {
        // every cursor closes its own file
    }

    private String source() {
        return source;
    }

    private JsonParser open() {
        try {
            return JSON.createParser(opener.open());
        } catch (IOException e) {
            throw new ReadException("io.error.unreadable", e, source, e.getMessage());
        }
    }

    private ReadException malformed(JsonParser p, long feature, IOException e) {
        long line = p.currentLocation().getLineNr();
        String what = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (!(e instanceof JsonProcessingException)) {
            return new ReadException("io.error.unreadable", e, source, what);
        }
        SourcePosition at = feature > 0 ? SourcePosition.feature(source(), feature, line)
                : SourcePosition.line(source(), line);
        return new ReadException(at, "io.error.json", e, what);
    }

    /** The crs member wherever it stands at the top level; EPSG:4326 without one. */
    private CrsIdentifier findCrs() {
        try (JsonParser p = open()) {
            try {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new ReadException(SourcePosition.line(source(), 1), "io.error.geojson.notObject", null);
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String member = p.currentName();
                    p.nextToken();
                    if (member.equals("crs")) {
                        return crs(p);
                    }
                    p.skipChildren();
                }
                return new CrsIdentifier(SpatialReferences.WGS84, false);
            } catch (IOException e) {
                throw malformed(p, 0, e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a crs member: {"type":"name","properties":{"name":...}} or {"type":"EPSG","properties":{"code":n}}. */
    private CrsIdentifier crs(JsonParser p) throws IOException {
        long line = p.currentLocation().getLineNr();
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return new CrsIdentifier(SpatialReferences.WGS84, false);
        }
        Map<?, ?> crs = p.readValueAs(Map.class);
        Object props = crs.get("properties");
        Object value = props instanceof Map<?, ?> m ? (m.get("name") != null ? m.get("name") : m.get("code")) : null;
        String text = value == null ? "" : value.toString();
        if ("EPSG".equalsIgnoreCase(String.valueOf(crs.get("type"))) && value instanceof Number n) {
            text = "EPSG:" + n.intValue();
        }
        return CrsIdentifier.parse(text).orElseThrow(() -> new ReadException(
                SourcePosition.line(source(), line), "io.error.geojson.crs", null, String.valueOf(crs)));
    }

    private SourceSchema scan() {
        FieldTypeTally tally = new FieldTypeTally();
        try (JsonParser p = open()) {
            long feature = 0;
            try {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new ReadException(SourcePosition.line(source(), 1), "io.error.geojson.notObject", null);
                }
                CrsIdentifier crsFound = new CrsIdentifier(SpatialReferences.WGS84, false);
                String topType = null;
                boolean collection = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String member = p.currentName();
                    JsonToken value = p.nextToken();
                    if (member.equals("features") && value == JsonToken.START_ARRAY) {
                        collection = true;
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            feature++;
                            if (feature % 10_000 == 0 && Thread.currentThread().isInterrupted()) {
                                throw new ReadException("io.error.interrupted", null, source);
                            }
                            scanFeature(p, tally);
                        }
                    } else if (member.equals("crs")) {
                        crsFound = crs(p);
                    } else if (member.equals("type") && value == JsonToken.VALUE_STRING) {
                        topType = p.getText();
                    } else if (member.equals("properties") && value == JsonToken.START_OBJECT) {
                        scanProperties(p, tally);
                    } else if (member.equals("geometry") && value == JsonToken.START_OBJECT) {
                        tally.geometry(geometryType(GeoJsonGeometryReader.typeOnly(p)));
                    } else {
                        p.skipChildren();
                    }
                }
                if (!collection && topType != null && !topType.equals("Feature")) {
                    tally.geometry(geometryType(topType));
                }
                crs = crsFound;
                return new SourceSchema(name, tally.fields(), tally.geometryType(), crsFound.epsg(), null);
            } catch (IOException e) {
                throw malformed(p, feature, e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void scanFeature(JsonParser p, FieldTypeTally tally) throws IOException {
        Object id = null;
        boolean propertiesHaveId = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String member = p.currentName();
            JsonToken value = p.nextToken();
            if (member.equals("properties") && value == JsonToken.START_OBJECT) {
                propertiesHaveId = scanProperties(p, tally);
            } else if (member.equals("geometry")) {
                tally.geometry(geometryType(GeoJsonGeometryReader.typeOnly(p)));
            } else if (member.equals("id")) {
                id = scalar(p);
            } else {
                p.skipChildren();
            }
        }
        if (id != null && !propertiesHaveId) {
            tally.value("id", id);
        }
    }

    private static boolean scanProperties(JsonParser p, FieldTypeTally tally) throws IOException {
        boolean hasId = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            hasId |= field.equals("id");
            if (tally.settled(field)) {
                p.skipChildren();
            } else {
                tally.value(field, scalar(p));
            }
        }
        return hasId;
    }

    private static GeometryType geometryType(String type) {
        if (type == null) {
            return null;
        }
        try {
            return GeometryType.parse(type);
        } catch (IllegalArgumentException e) {
            return GeometryType.GEOMETRY;
        }
    }

    /** A property value: String, Long, Double, Boolean, null; objects and arrays as JSON text. */
    static Object scalar(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? (Object) p.getDoubleValue()
                        : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                return p.readValueAsTree().toString();
        }
    }

    /** Streams the features; holds one feature at a time. */
    private final class Cursor implements FeatureCursor {
        private final boolean swap = authorityAxisOrder && crs().swapsAxes();
        private final JsonParser p = open();
        private final GeoJsonGeometryReader geometries = new GeoJsonGeometryReader(new GeometryFactory(), swap);
        private boolean inFeatures;
        /** While a feature is being parsed (its number is {@code count} already). */
        private boolean inFeature;
        private boolean done;
        private long count;
        private SourceFeature next;
        // members of a top-level Feature or bare geometry, read as one feature at the end
        private String topType;
        private Map<String, Object> topProperties;
        private Geometry topGeometry;
        private Object topId;
        private ReadException topProblem;

        Cursor() {
            try {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new ReadException(SourcePosition.line(source(), 1), "io.error.geojson.notObject", null);
                }
            } catch (IOException e) {
                close();
                throw malformed(p, 0, e);
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                try {
                    next = advance();
                } catch (IOException e) {
                    done = true;
                    throw malformed(p, inFeature ? count : count + 1, e);
                }
                if (next == null) {
                    done = true;
                }
            }
            return next != null;
        }

        @Override
        public SourceFeature next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            SourceFeature f = next;
            next = null;
            return f;
        }

        private SourceFeature advance() throws IOException {
            while (true) {
                if (inFeatures) {
                    JsonToken t = p.nextToken();
                    if (t == JsonToken.START_OBJECT) {
                        inFeature = true;
                        SourceFeature f = feature();
                        inFeature = false;
                        return f;
                    }
                    if (t != JsonToken.END_ARRAY) {
                        throw new ReadException(SourcePosition.feature(source(), count + 1,
                                p.currentLocation().getLineNr()), "io.error.geojson.notFeature", null);
                    }
                    inFeatures = false;
                    continue;
                }
                JsonToken t = p.nextToken();
                if (t == JsonToken.END_OBJECT || t == null) {
                    return topLevelFeature();
                }
                String member = p.currentName();
                JsonToken value = p.nextToken();
                switch (member) {
                    case "features":
                        if (value == JsonToken.START_ARRAY) {
                            inFeatures = true;
                        } else {
                            p.skipChildren();
                        }
                        break;
                    case "type":
                        topType = value == JsonToken.VALUE_STRING ? p.getText() : null;
                        break;
                    case "properties":
                        topProperties = value == JsonToken.START_OBJECT ? properties() : null;
                        if (value != JsonToken.START_OBJECT) {
                            p.skipChildren();
                        }
                        break;
                    case "geometry":
                        topGeometry = geometry(1);
                        break;
                    case "id":
                        topId = scalar(p);
                        break;
                    default:
                        p.skipChildren();
                }
            }
        }

        /** After the top-level object: a Feature or a bare geometry is one feature. */
        private SourceFeature topLevelFeature() throws IOException {
            if (topType == null || topType.equals("FeatureCollection") || count > 0) {
                return null;
            }
            count = 1;
            SourcePosition at = SourcePosition.feature(source(), 1, 1);
            if (topType.equals("Feature")) {
                if (topProblem != null) {
                    return SourceFeature.unreadable(topProblem);
                }
                Map<String, Object> attrs = topProperties == null ? new LinkedHashMap<>() : topProperties;
                if (topId != null) {
                    attrs.putIfAbsent("id", topId);
                }
                return SourceFeature.of(topGeometry, attrs, at);
            }
            return readBareGeometry(at);
        }

        /** A bare geometry: read the file again as one geometry object. */
        private SourceFeature readBareGeometry(SourcePosition at) throws IOException {
            try (JsonParser again = open()) {
                again.nextToken();
                try {
                    return SourceFeature.of(new GeoJsonGeometryReader(new GeometryFactory(), swap).read(again),
                            new LinkedHashMap<>(), at);
                } catch (GeoJsonGeometryReader.BadGeometry e) {
                    return SourceFeature.unreadable(new ReadException(at, "io.error.geometry", null, e.getMessage()));
                }
            }
        }

        private SourceFeature feature() throws IOException {
            count++;
            long line = p.currentLocation().getLineNr();
            SourcePosition at = SourcePosition.feature(source(), count, line);
            Map<String, Object> attrs = null;
            Geometry g = null;
            Object id = null;
            ReadException problem = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String member = p.currentName();
                JsonToken value = p.nextToken();
                switch (member) {
                    case "properties":
                        if (value == JsonToken.START_OBJECT) {
                            attrs = properties();
                        } else {
                            p.skipChildren();
                        }
                        break;
                    case "geometry":
                        try {
                            g = geometries.read(p);
                        } catch (GeoJsonGeometryReader.BadGeometry e) {
                            problem = new ReadException(at, "io.error.geometry", null, e.getMessage());
                        }
                        break;
                    case "id":
                        id = scalar(p);
                        break;
                    default:
                        p.skipChildren();
                }
            }
            if (problem != null) {
                return SourceFeature.unreadable(problem);
            }
            if (attrs == null) {
                attrs = new LinkedHashMap<>();
            }
            if (id != null) {
                attrs.putIfAbsent("id", id);
            }
            return SourceFeature.of(g, attrs, at);
        }

        private Geometry geometry(long feature) throws IOException {
            try {
                return geometries.read(p);
            } catch (GeoJsonGeometryReader.BadGeometry e) {
                topProblem = new ReadException(SourcePosition.feature(source(), feature, p.currentLocation().getLineNr()),
                        "io.error.geometry", null, e.getMessage());
                return null;
            }
        }

        private Map<String, Object> properties() throws IOException {
            Map<String, Object> attrs = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                attrs.put(field, scalar(p));
            }
            return attrs;
        }

        @Override
        public double progress() {
            return size == 0 ? 1 : Math.min(1, p.currentLocation().getByteOffset() / (double) size);
        }

        @Override
        public void close() {
            try {
                p.close();
            } catch (IOException ignored) {
                // reading is over either way
            }
        }
    }
}
