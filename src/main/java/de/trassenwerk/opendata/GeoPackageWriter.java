package de.trassenwerk.opendata;

import de.trassenwerk.crs.CoordinateTransform;
import de.trassenwerk.crs.SpatialReferences;
import de.trassenwerk.store.BulkLoader;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.GeoPackageStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a dataset as a layer of a GeoPackage in EPSG:25832 through {@link GeoPackageStore} (OGC
 * GeoPackage 1.3 with R-tree index, so that it passes {@code validate} and opens in GDAL without
 * warnings): the published fields only, new fids, no {@code version} column, and the dataset's
 * title, licence and attribution as GDAL dataset metadata. {@link #create} writes a file of its own
 * (the publication); {@link #into} adds the layer to an open store (the wizard's preview). One thread.
 */
final class GeoPackageWriter implements DatasetSink {
    private final Path file;
    private final GeoPackageStore store;
    private final boolean ownStore;
    private final BulkLoader loader;
    private final CoordinateTransform toProject;

    private GeoPackageWriter(Path file, GeoPackageStore store, boolean ownStore, PlannedDataset plan) {
        this.file = file;
        this.store = store;
        this.ownStore = ownStore;
        store.createLayer(plan.output());
        this.loader = store.bulkLoader(plan.outputLayer());
        this.toProject = CoordinateTransform.between(plan.sourceEpsg(), SpatialReferences.PROJECT_SRS);
    }

    /** A new GeoPackage file holding the dataset; {@code file} must not exist. */
    static GeoPackageWriter create(Path file, PlannedDataset plan) {
        GeoPackageStore store = GeoPackageStore.create(file);
        try {
            store.useUnsafeFastWrites(); // a temporary file, moved into place only when the whole publication succeeded
            store.writeMetadata(metadata(plan.info()));
            return new GeoPackageWriter(file, store, true, plan);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Adds the dataset as a layer of an open, writable store, which stays open. */
    static GeoPackageWriter into(GeoPackageStore store, PlannedDataset plan) {
        return new GeoPackageWriter(store.file(), store, false, plan);
    }

    private static Map<String, String> metadata(DatasetInfo info) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("TITLE", info.title());
        m.put("LICENSE", info.licence().name());
        m.put("LICENSE_URL", info.licence().textUrl());
        m.put("ATTRIBUTION", info.attribution());
        m.put("PUBLISHER", info.publisher().name());
        m.put("CONTACT", info.contactPoint().organisation() + " <" + info.contactPoint().email() + ">");
        return m;
    }

    @Override
    public void accept(Feature f) {
        loader.add(f.geometry() == null ? null : toProject.transform(f.geometry()), f.attributes());
    }

    @Override
    public void finish() {
        loader.finish();
        if (ownStore) {
            store.close();
        }
    }

    @Override
    public void abort() {
        try {
            loader.abort();
        } catch (RuntimeException ignored) {
            // the file is discarded below
        }
        if (ownStore) {
            try {
                store.close();
            } catch (RuntimeException ignored) {
                // nothing more to save
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the temporary publication folder is removed as a whole
            }
        }
    }
}
