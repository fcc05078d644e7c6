package de.trassenwerk.io.wfs;

import de.trassenwerk.crs.CrsIdentifier;
import de.trassenwerk.io.Dataset;
import de.trassenwerk.io.FeatureCursor;
import de.trassenwerk.io.FeatureSource;
import de.trassenwerk.io.ReadException;
import de.trassenwerk.io.SourceFeature;
import de.trassenwerk.io.SourceSchema;
import de.trassenwerk.io.geojson.GeoJsonSource;
import de.trassenwerk.io.http.HttpFetcher;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.FieldType;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * An OGC WFS 2.0: its feature types are the layers (from GetCapabilities), their fields come from
 * DescribeFeatureType, and features are fetched with GetFeature in pages ({@code COUNT} and
 * {@code STARTINDEX}, the page size the server's {@code CountDefault} or {@value #PAGE}, whichever
 * is smaller) when the server implements result paging, else in one request. GeoJSON is asked for
 * when the server offers it (with {@code SRSNAME=EPSG:n}, so that coordinates come easting or
 * longitude first), GML 3.2 otherwise. Not thread-safe.
 */
public final class WfsDataset implements Dataset {
    static final int PAGE = 1000;

    private final URI base;
    private final HttpFetcher http;
    private final WfsCapabilities capabilities;

    /** Reads the capabilities of the service at {@code base} (its address, with or without query). */
    public WfsDataset(URI base, HttpFetcher http) {
        this.base = withoutWfsParameters(base);
        this.http = http;
        URI caps = HttpFetcher.withQuery(this.base, Map.of("SERVICE", "WFS", "REQUEST", "GetCapabilities",
                "ACCEPTVERSIONS", "2.0.0"));
        this.capabilities = WfsCapabilities.parse(http.get(caps), HttpFetcher.safe(caps));
    }

    /** The address without the SERVICE/REQUEST/VERSION/TYPENAMES parameters a copied URL may carry. */
    private static URI withoutWfsParameters(URI uri) {
        String q = uri.getRawQuery();
        if (q == null) {
            return uri;
        }
        StringBuilder kept = new StringBuilder();
        for (String p : q.split("&")) {
            String key = p.contains("=") ? p.substring(0, p.indexOf('=')) : p;
            if (!key.matches("(?i)service|request|version|acceptversions|typenames?|outputformat|count|startindex|srsname")) {
                kept.append(kept.length() > 0 ? "&" : "").append(p);
            }
        }
        String s = uri.toString();
        return URI.create(s.substring(0, s.indexOf('?')) + (kept.length() > 0 ? "?" + kept : ""));
    }

    @Override
    public String name() {
        return HttpFetcher.safe(base);
    }

    @Override
    public List<String> layers() {
        return capabilities.featureTypes().stream().map(WfsCapabilities.FeatureType::name).toList();
    }

    @Override
    public FeatureSource layer(String name) {
        for (WfsCapabilities.FeatureType t : capabilities.featureTypes()) {
            if (t.name().equals(name) || t.name().substring(t.name().indexOf(':') + 1).equals(name)) {
                return new Layer(t);
            }
        }
        throw new ReadException("io.error.noSuchLayer", null, name, name(), String.join(", ", layers()));
    }

    @Override
    public void close() {
        // nothing held open between requests
    }

    private URI getFeatureBase() {
        return capabilities.getFeatureUrl() != null ? withoutWfsParameters(capabilities.getFeatureUrl()) : base;
    }

    private final class Layer implements FeatureSource {
        private final WfsCapabilities.FeatureType type;
        private FeatureTypeSchema described;

        Layer(WfsCapabilities.FeatureType type) {
            this.type = type;
        }

        @Override
        public String name() {
            return type.name().substring(type.name().indexOf(':') + 1);
        }

        @Override
        public int srsId() {
            return CrsIdentifier.parse(type.defaultCrs()).map(CrsIdentifier::epsg).orElse(0);
        }

        private FeatureTypeSchema described() {
            if (described == null) {
                URI u = HttpFetcher.withQuery(base, Map.of("SERVICE", "WFS", "VERSION", "2.0.0",
                        "REQUEST", "DescribeFeatureType", "TYPENAMES", type.name()));
                described = FeatureTypeSchema.parse(http.get(u), HttpFetcher.safe(u));
            }
            return described;
        }

        @Override
        public SourceSchema schema() {
            FeatureTypeSchema s = described();
            return new SourceSchema(name(), s.fields(), s.geometryType(), srsId(), null);
        }

        @Override
        public FeatureCursor features() {
            return new Cursor();
        }

        @Override
        public void close() {
            // nothing held open
        }

        /** Fetches page after page; holds one page. */
        private final class Cursor implements FeatureCursor {
            private final String json = capabilities.jsonFormat();
            private final int pageSize = capabilities.countDefault() > 0 ? Math.min(PAGE, capabilities.countDefault()) : PAGE;
            private final ArrayDeque<SourceFeature> page = new ArrayDeque<>();
            private final Map<String, FieldType> types = new LinkedHashMap<>();
            private long fetched;
            private long matched = -1;
            private boolean last;

            Cursor() {
                if (json == null) {
                    for (FieldInfo f : described().fields()) {
                        types.put(f.name(), f.type());
                    }
                }
            }

            @Override
            public boolean hasNext() {
                while (page.isEmpty() && !last) {
                    fetch();
                }
                return !page.isEmpty();
            }

            private void fetch() {
                Map<String, String> q = new LinkedHashMap<>();
                q.put("SERVICE", "WFS");
                q.put("VERSION", "2.0.0");
                q.put("REQUEST", "GetFeature");
                q.put("TYPENAMES", type.name());
                if (capabilities.paging()) {
                    q.put("COUNT", Integer.toString(pageSize));
                    q.put("STARTINDEX", Long.toString(fetched));
                }
                if (json != null) {
                    q.put("OUTPUTFORMAT", json);
                    if (srsId() > 0) {
                        q.put("SRSNAME", "EPSG:" + srsId());
                    }
                }
                URI u = HttpFetcher.withQuery(getFeatureBase(), q);
                byte[] body = http.get(u);
                List<SourceFeature> features;
                if (json != null) {
                    GeoJsonSource page = new GeoJsonSource(name(), name(), body.length, () -> new ByteArrayInputStream(body),
                            true);
                    features = new java.util.ArrayList<>();
                    long n = fetched;
                    try (FeatureCursor c = page.features()) {
                        while (c.hasNext()) {
                            SourceFeature f = c.next();
                            n++;
                            features.add(renumber(f, n));
                        }
                    }
                } else {
                    GmlFeatureReader.Page p = new GmlFeatureReader(name(), types, type.defaultCrs())
                            .read(body, fetched + 1, HttpFetcher.safe(u));
                    features = p.features();
                    matched = p.numberMatched();
                }
                page.addAll(features);
                fetched += features.size();
                last = !capabilities.paging() || features.size() < pageSize || (matched >= 0 && fetched >= matched);
            }

            private SourceFeature renumber(SourceFeature f, long n) {
                var at = de.trassenwerk.io.SourcePosition.feature(name(), n, 0);
                return f.readable() ? SourceFeature.of(f.geometry(), f.attributes(), at)
                        : SourceFeature.unreadable(new ReadException(at, f.unreadable().key(), null, f.unreadable().args()));
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
                return matched > 0 ? Math.min(1, fetched / (double) matched) : -1;
            }

            @Override
            public void close() {
                page.clear();
            }
        }
    }
}
