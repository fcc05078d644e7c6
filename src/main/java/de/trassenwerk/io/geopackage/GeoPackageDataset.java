package de.trassenwerk.io.geopackage;

import de.trassenwerk.crs.CrsIdentifier;
import de.trassenwerk.io.Dataset;
import de.trassenwerk.io.FeatureCursor;
import de.trassenwerk.io.FeatureSource;
import de.trassenwerk.io.ReadException;
import de.trassenwerk.io.SourceFeature;
import de.trassenwerk.io.SourcePosition;
import de.trassenwerk.io.SourceSchema;
import de.trassenwerk.store.AttributeFilter;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.LayerInfo;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.Query;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The feature layers of a GeoPackage written by anyone (QGIS, GDAL, Trassenwerk), opened read-only
 * through {@link GeoPackageStore}. Features are read in pages of {@value #PAGE} ordered by their
 * primary key (keyset paging: each page starts after the last key), so memory stays small whatever
 * the layer's size. The CRS is the layer's {@code srs_id} as an EPSG code. Not thread-safe.
 */
public final class GeoPackageDataset implements Dataset {
    static final int PAGE = 5000;

    private final Path file;
    private final GeoPackageStore store;

    public GeoPackageDataset(Path file) {
        this.file = file;
        this.store = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY);
    }

    @Override
    public String name() {
        return file.getFileName().toString();
    }

    @Override
    public List<String> layers() {
        return store.layers().stream().filter(l -> l.schema().hasGeometry()).map(LayerInfo::name).toList();
    }

    @Override
    public FeatureSource layer(String name) {
        if (!store.hasLayer(name) || !store.schema(name).hasGeometry()) {
            throw new ReadException("io.error.noSuchLayer", null, name, name(), String.join(", ", layers()));
        }
        return new Layer(store.layerInfo(name));
    }

    @Override
    public void close() {
        store.close();
    }

    private final class Layer implements FeatureSource {
        private final LayerInfo info;

        Layer(LayerInfo info) {
            this.info = info;
        }

        @Override
        public String name() {
            return info.name();
        }

        @Override
        public int srsId() {
            return info.crs() == null ? 0 : CrsIdentifier.parse(info.crs()).map(CrsIdentifier::epsg).orElse(0);
        }

        @Override
        public SourceSchema schema() {
            LayerSchema s = info.schema();
            return new SourceSchema(s.name(), s.fields(), s.geometryType(), srsId(), null);
        }

        @Override
        public FeatureCursor features() {
            return new Cursor();
        }

        @Override
        public void close() {
            // the dataset closes the store
        }

        private final class Cursor implements FeatureCursor {
            private final ArrayDeque<Feature> page = new ArrayDeque<>();
            private final String source = file.getFileName().toString() + " / " + info.name();
            private long lastFid = Long.MIN_VALUE;
            private long read;
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (page.isEmpty() && !exhausted) {
                    Query q = Query.where(AttributeFilter.compare(LayerSchema.FID, AttributeFilter.Op.GT, lastFid))
                            .orderedBy(LayerSchema.FID, true).page(0, PAGE);
                    page.addAll(store.read(info.name(), q));
                    exhausted = page.size() < PAGE;
                }
                return !page.isEmpty();
            }

            @Override
            public SourceFeature next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Feature f = page.poll();
                lastFid = f.fid();
                read++;
                return SourceFeature.of(f.geometry(), new LinkedHashMap<>(f.attributes()),
                        SourcePosition.feature(source, f.fid(), 0));
            }

            @Override
            public double progress() {
                return info.count() == 0 ? 1 : Math.min(1, read / (double) info.count());
            }

            @Override
            public void close() {
                page.clear();
            }
        }
    }
}
