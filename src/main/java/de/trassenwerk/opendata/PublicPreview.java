package de.trassenwerk.opendata;

import de.trassenwerk.store.GeoPackageStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The public map before it is published: writes every dataset of a plan, exactly as the publisher
 * would (same filters, fields and generalisation), as layers of one GeoPackage in EPSG:25832, so
 * that the renderer can draw what the public will see. Layers keep their published names, so the
 * default styles apply.
 *
 * <p>Thread rules: {@link #write} does file I/O and blocks; run it on a worker, never on the JavaFX
 * thread. {@code cancelled} is polled from that worker.
 */
public final class PublicPreview {

    private PublicPreview() {
    }

    /**
     * Writes the datasets of {@code plan}, read from {@code source}, into the new GeoPackage
     * {@code target}; returns the layer names written, in the plan's order.
     */
    public static List<String> write(Path source, PublicationPlan plan, Path target, BooleanSupplier cancelled) {
        List<String> layers = new ArrayList<>();
        try (GeoPackageStore in = GeoPackageStore.open(source, GeoPackageStore.Mode.READ_ONLY);
                GeoPackageStore out = GeoPackageStore.create(target)) {
            Map<Integer, AreaIndex> areas = new HashMap<>();
            for (PlannedDataset d : plan.datasets()) {
                AreaIndex index = d.geometry() == GeometryRule.AREA
                        ? areas.computeIfAbsent(d.sourceEpsg(), epsg -> Publisher.loadAreas(in, plan.policy(), epsg)) : null;
                GeoPackageWriter writer = GeoPackageWriter.into(out, d);
                try {
                    new PublicFeatureReader(in, d, index, cancelled).forEach(writer::accept);
                    writer.finish();
                } catch (RuntimeException e) {
                    writer.abort();
                    throw e;
                }
                layers.add(d.outputLayer());
            }
        }
        return layers;
    }
}
