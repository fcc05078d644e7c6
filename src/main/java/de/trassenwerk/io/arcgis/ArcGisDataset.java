package de.trassenwerk.io.arcgis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.trassenwerk.crs.SpatialReferences;
import de.trassenwerk.io.Dataset;
import de.trassenwerk.io.FeatureCursor;
import de.trassenwerk.io.FeatureSource;
import de.trassenwerk.io.ReadException;
import de.trassenwerk.io.SourceFeature;
import de.trassenwerk.io.SourcePosition;
import de.trassenwerk.io.SourceSchema;
import de.trassenwerk.io.geojson.GeoJsonSource;
import de.trassenwerk.io.http.HttpFetcher;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.FieldType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ArcGIS REST MapServer or FeatureServer (the city's DUGis), or one layer of it. The layers come
 * from the service's JSON description; features from the layer's {@code query} operation with
 * {@code outSR=25832} (so the coordinate system is the request's, not GeoJSON's WGS 84 rule):
 * in pages of the layer's {@code maxRecordCount} with {@code resultOffset}/{@code resultRecordCount}
 * ordered by the object id where the layer says {@code supportsPagination}, else by fetching all
 * object ids ({@code returnIdsOnly}) and then the features in batches of ids. Pages come as GeoJSON
 * where the server offers it ({@code supportedQueryFormats}, ArcGIS 10.4 and later), as Esri JSON
 * otherwise. A token goes with every request as the {@code token} parameter. Not thread-safe.
 */
public final class ArcGisDataset implements Dataset {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SERVICE = Pattern.compile("(?i)(.*/(?:MapServer|FeatureServer))(?:/(\\d+))?(?:/query)?/?");
    private static final Pattern EXCEEDED = Pattern.compile("\"exceededTransferLimit\"\\s*:\\s*true");

    private final URI service;
    private final HttpFetcher http;
    private final Map<String, Integer> layerIds = new LinkedHashMap<>();

    /** Whether a URL names an ArcGIS REST service or one of its layers. */
    public static boolean isService(URI uri) {
        return SERVICE.matcher(uri.getPath() == null ? "" : uri.getPath()).matches();
    }

    public ArcGisDataset(URI uri, HttpFetcher http) {
        this.http = http;
        Matcher m = SERVICE.matcher(uri.getPath());
        if (!m.matches()) {
            throw new ReadException("io.error.unknownKind", null, HttpFetcher.safe(uri));
        }
        String s = uri.toString();
        this.service = URI.create(s.substring(0, s.indexOf(m.group(1)) + m.group(1).length()));
        if (m.group(2) != null) {
            int id = Integer.parseInt(m.group(2));
            JsonNode layer = json(child(Integer.toString(id)), Map.of());
            layerIds.put(layer.path("name").asText(Integer.toString(id)), id);
        } else {
            for (JsonNode l : json(service, Map.of()).path("layers")) {
                if (!l.has("subLayerIds") || l.get("subLayerIds").isNull() || l.get("subLayerIds").isEmpty()) {
                    layerIds.put(l.path("name").asText(), l.path("id").asInt());
                }
            }
        }
    }

    private URI child(String path) {
        return URI.create(service.toString() + "/" + path);
    }

    /** GETs {@code uri?f=json&...} and returns the JSON, failing on the error answers ArcGIS sends with status 200. */
    private JsonNode json(URI uri, Map<String, String> params) {
        Map<String, String> q = new LinkedHashMap<>(params);
        q.putIfAbsent("f", "json");
        addToken(q);
        URI u = HttpFetcher.withQuery(uri, q);
        return checked(http.get(u), u);
    }

    private void addToken(Map<String, String> q) {
        if (http.credentials().token() != null) {
            q.put("token", http.credentials().token());
        }
    }

    private static JsonNode checked(byte[] body, URI u) {
        JsonNode n;
        try {
            n = JSON.readTree(body);
        } catch (IOException e) {
            throw new ReadException("io.error.arcgis.notJson", e, HttpFetcher.safe(u), HttpFetcher.excerpt(body));
        }
        JsonNode error = n.get("error");
        if (error != null) {
            int code = error.path("code").asInt();
            String key = code == 498 || code == 499 || code == 401 || code == 403 ? "io.error.http.auth" : "io.error.arcgis";
            if (key.equals("io.error.http.auth")) {
                throw new ReadException(key, null, HttpFetcher.safe(u), code);
            }
            throw new ReadException(key, null, HttpFetcher.safe(u), code, error.path("message").asText());
        }
        return n;
    }

    @Override
    public String name() {
        return HttpFetcher.safe(service);
    }

    @Override
    public List<String> layers() {
        return List.copyOf(layerIds.keySet());
    }

    @Override
    public FeatureSource layer(String name) {
        Integer id = layerIds.get(name);
        if (id == null && name.matches("\\d+") && layerIds.containsValue(Integer.parseInt(name))) {
            id = Integer.parseInt(name);
        }
        if (id == null) {
            throw new ReadException("io.error.noSuchLayer", null, name, name(), String.join(", ", layers()));
        }
        return new Layer(id, json(child(Integer.toString(id)), Map.of()));
    }

    @Override
    public void close() {
        // nothing held open between requests
    }

    private final class Layer implements FeatureSource {
        private final int id;
        private final JsonNode info;
        private final String name;
        private final List<FieldInfo> fields = new ArrayList<>();
        private final Map<String, FieldType> types = new LinkedHashMap<>();
        private final String objectIdField;
        private final boolean paging;
        private final boolean geojson;
        private final int maxRecords;

        Layer(int id, JsonNode info) {
            this.id = id;
            this.info = info;
            this.name = info.path("name").asText(Integer.toString(id));
            String oid = info.path("objectIdField").asText(null);
            for (JsonNode f : info.path("fields")) {
                FieldType t = EsriJson.fieldType(f.path("type").asText());
                if (oid == null && "esriFieldTypeOID".equals(f.path("type").asText())) {
                    oid = f.path("name").asText();
                }
                if (!"esriFieldTypeGeometry".equals(f.path("type").asText())) {
                    fields.add(FieldInfo.of(f.path("name").asText(), t));
                    types.put(f.path("name").asText(), t);
                }
            }
            this.objectIdField = oid == null ? "OBJECTID" : oid;
            this.paging = info.path("advancedQueryCapabilities").path("supportsPagination").asBoolean(false)
                    || info.path("supportsPagination").asBoolean(false);
            this.geojson = info.path("supportedQueryFormats").asText("").toLowerCase(Locale.ROOT).contains("geojson");
            this.maxRecords = Math.max(1, info.path("maxRecordCount").asInt(1000));
        }

        @Override
        public String name() {
            return name;
        }

        /** Always EPSG:25832: every query asks for {@code outSR=25832}. */
        @Override
        public int srsId() {
            return SpatialReferences.PROJECT_SRS;
        }

        @Override
        public SourceSchema schema() {
            return new SourceSchema(name, fields, EsriJson.geometryType(info.path("geometryType").asText()), srsId(), null);
        }

        @Override
        public FeatureCursor features() {
            return new Cursor();
        }

        @Override
        public void close() {
            // nothing held open
        }

        private Map<String, String> query() {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("where", "1=1");
            q.put("outFields", "*");
            q.put("returnGeometry", "true");
            q.put("outSR", Integer.toString(SpatialReferences.PROJECT_SRS));
            q.put("f", geojson ? "geojson" : "json");
            addToken(q);
            return q;
        }

        /** Fetches pages or id batches; holds one page. */
        private final class Cursor implements FeatureCursor {
            private final URI queryUri = child(id + "/query");
            private final ArrayDeque<SourceFeature> page = new ArrayDeque<>();
            private final String source = name;
            private long fetched;
            private List<Long> ids;
            private int nextId;
            private boolean last;

            @Override
            public boolean hasNext() {
                while (page.isEmpty() && !last) {
                    if (paging) {
                        nextPage();
                    } else {
                        nextBatch();
                    }
                }
                return !page.isEmpty();
            }

            private void nextPage() {
                Map<String, String> q = query();
                q.put("orderByFields", objectIdField);
                q.put("resultOffset", Long.toString(fetched));
                q.put("resultRecordCount", Integer.toString(maxRecords));
                URI u = HttpFetcher.withQuery(queryUri, q);
                byte[] body = http.get(u);
                boolean exceeded = EXCEEDED.matcher(new String(body, java.nio.charset.StandardCharsets.UTF_8)).find();
                int n = read(body, u);
                last = n == 0 || (n < maxRecords && !exceeded);
            }

            private void nextBatch() {
                if (ids == null) {
                    Map<String, String> q = new LinkedHashMap<>();
                    q.put("where", "1=1");
                    q.put("returnIdsOnly", "true");
                    q.put("f", "json");
                    addToken(q);
                    JsonNode r = checked(http.postForm(queryUri, q), queryUri);
                    ids = new ArrayList<>();
                    r.path("objectIds").forEach(v -> ids.add(v.asLong()));
                    ids.sort(null);
                }
                if (nextId >= ids.size()) {
                    last = true;
                    return;
                }
                List<Long> batch = ids.subList(nextId, Math.min(ids.size(), nextId + maxRecords));
                nextId += batch.size();
                Map<String, String> q = query();
                q.remove("where");
                q.put("objectIds", String.join(",", batch.stream().map(String::valueOf).toList()));
                read(http.postForm(queryUri, q), queryUri);
                last = nextId >= ids.size();
            }

            /** Parses one answer into the page; returns the number of features. */
            private int read(byte[] body, URI u) {
                if (geojson) {
                    if (body.length > 0 && new String(body, 0, Math.min(body.length, 200),
                            java.nio.charset.StandardCharsets.UTF_8).contains("\"error\"")) {
                        checked(body, u);
                    }
                    GeoJsonSource gj = new GeoJsonSource(name, source, body.length, () -> new ByteArrayInputStream(body), false);
                    int n = 0;
                    try (FeatureCursor c = gj.features()) {
                        while (c.hasNext()) {
                            SourceFeature f = c.next();
                            n++;
                            page.add(typed(f, SourcePosition.feature(source, fetched + n, 0)));
                        }
                    }
                    fetched += n;
                    return n;
                }
                JsonNode r = checked(body, u);
                int n = 0;
                for (JsonNode f : r.path("features")) {
                    n++;
                    SourcePosition at = SourcePosition.feature(source, fetched + n, 0);
                    Map<String, Object> attrs = new LinkedHashMap<>();
                    f.path("attributes").fields().forEachRemaining(e -> attrs.put(e.getKey(),
                            EsriJson.value(e.getValue(), types.getOrDefault(e.getKey(), FieldType.TEXT))));
                    try {
                        page.add(SourceFeature.of(EsriJson.geometry(f.get("geometry")), attrs, at));
                    } catch (IllegalArgumentException | NullPointerException bad) {
                        page.add(SourceFeature.unreadable(new ReadException(at, "io.error.geometry", null,
                                String.valueOf(bad.getMessage()))));
                    }
                }
                fetched += n;
                return n;
            }

            /**
             * GeoJSON pages: the position in the whole layer, dates as ISO instants, only the layer's
             * fields (the feature id GeoJSON repeats is the object id field already).
             */
            private SourceFeature typed(SourceFeature f, SourcePosition at) {
                if (!f.readable()) {
                    return SourceFeature.unreadable(new ReadException(at, f.unreadable().key(), null, f.unreadable().args()));
                }
                Map<String, Object> attrs = new LinkedHashMap<>();
                f.attributes().forEach((k, v) -> {
                    if (types.containsKey(k) || types.isEmpty()) {
                        attrs.put(k, types.get(k) == FieldType.DATETIME && v instanceof Long ms
                                ? java.time.Instant.ofEpochMilli(ms).toString() : v);
                    }
                });
                return SourceFeature.of(f.geometry(), attrs, at);
            }

            @Override
            public SourceFeature next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.poll();
            }

            @Override
            public double progress() {
                return ids != null && !ids.isEmpty() ? nextId / (double) ids.size() : -1;
            }

            @Override
            public void close() {
                page.clear();
            }
        }
    }
}
