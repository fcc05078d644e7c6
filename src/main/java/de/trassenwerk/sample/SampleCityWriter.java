package de.trassenwerk.sample;

import de.trassenwerk.store.BulkLoader;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.ThemeLayers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * Writes the sample city into a new GeoPackage, {@code scale} copies side by side for benchmarks.
 * The file is written under a temporary name beside the target and moved into place only when it
 * is complete: an interrupted run never leaves a half-written file behind.
 */
public final class SampleCityWriter {
    /** Metadata keys stored in the file (GDAL-style dataset metadata). */
    public static final String REFERENCE_DATE_KEY = "TRASSENWERK_REFERENCE_DATE";
    public static final String SEED_KEY = "TRASSENWERK_SEED";
    public static final String SCALE_KEY = "TRASSENWERK_SCALE";

    /** Tile spacing: the city is about 14 km wide and 25 km tall. */
    static final double TILE_DX = 16000;
    static final double TILE_DY = 27000;

    /** Identifier fields that get a tile suffix in copies, so that they stay unique. */
    private static final Set<String> ID_FIELDS = Set.of("site_no", "site_ref", "plan_no", "cell_id", "code",
            "district_code", "from_ref", "to_ref");

    private SampleCityWriter() {
    }

    /** What was written: features per layer. */
    public record Summary(Map<String, Long> counts) {
        public long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public static Summary write(Path out, int scale, long seed, LocalDate referenceDate, Consumer<String> progress) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1");
        }
        Path dir = out.toAbsolutePath().getParent();
        Path tmp;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + out.getFileName() + "-", ".tmp");
            Files.delete(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            progress.accept("generating the city (seed " + seed + ", reference date " + referenceDate + ")");
            Map<String, List<Feature>> city = SampleCityGenerator.generate(seed, referenceDate);
            Map<String, Long> counts = new LinkedHashMap<>();
            try (GeoPackageStore store = GeoPackageStore.create(tmp)) {
                store.useUnsafeFastWrites();
                store.useFixedTimestamp(referenceDate.atStartOfDay().toInstant(ZoneOffset.UTC));
                for (LayerSchema schema : ThemeLayers.all()) {
                    store.createLayer(schema);
                }
                int cols = (int) Math.ceil(Math.sqrt(scale));
                for (LayerSchema schema : ThemeLayers.all()) {
                    List<Feature> features = city.get(schema.name());
                    progress.accept("writing " + schema.name() + " (" + features.size() * (long) scale + ")");
                    BulkLoader loader = store.bulkLoader(schema.name());
                    for (int tile = 0; tile < scale; tile++) {
                        AffineTransformation shift = AffineTransformation.translationInstance(
                                (tile % cols) * TILE_DX, (tile / cols) * TILE_DY);
                        for (Feature f : features) {
                            loader.add(tile == 0 ? f.geometry() : shifted(f.geometry(), shift),
                                    tile == 0 ? f.attributes() : suffixed(f.attributes(), tile));
                        }
                    }
                    loader.finish();
                    counts.put(schema.name(), features.size() * (long) scale);
                }
                store.writeMetadata(Map.of(REFERENCE_DATE_KEY, referenceDate.toString(), SEED_KEY, Long.toString(seed),
                        SCALE_KEY, Integer.toString(scale)));
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Summary(counts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort: a temporary file only
            }
        }
    }

    private static Geometry shifted(Geometry g, AffineTransformation shift) {
        return g == null ? null : shift.transform(g);
    }

    private static Map<String, Object> suffixed(Map<String, Object> attributes, int tile) {
        Map<String, Object> copy = new LinkedHashMap<>(attributes);
        for (String f : ID_FIELDS) {
            Object v = copy.get(f);
            if (v != null) {
                copy.put(f, v + "-T" + (tile + 1));
            }
        }
        return copy;
    }
}
