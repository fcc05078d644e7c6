package de.trassenwerk.io;

import java.util.List;

/** A dataset of one layer: a GeoJSON, CSV or shapefile. Any layer name the user gives must be that one. */
public final class SingleLayerDataset implements Dataset {
    private final FeatureSource layer;

    public SingleLayerDataset(FeatureSource layer) {
        this.layer = layer;
    }

    @Override
    public String name() {
        return layer.name();
    }

    @Override
    public List<String> layers() {
        return List.of(layer.name());
    }

    @Override
    public FeatureSource layer(String name) {
        if (!name.equalsIgnoreCase(layer.name())) {
            throw new ReadException("io.error.noSuchLayer", null, name, layer.name(), layer.name());
        }
        return layer;
    }

    @Override
    public void close() {
        layer.close();
    }
}
