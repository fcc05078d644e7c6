package de.trassenwerk.ui;

import de.trassenwerk.coordination.AnalysisMonitor;
import de.trassenwerk.coordination.CoordinationAnalysis;
import de.trassenwerk.coordination.CoordinationParameters;
import de.trassenwerk.coordination.CoordinationResult;
import de.trassenwerk.coordination.CostModel;
import de.trassenwerk.coordination.Finding;
import de.trassenwerk.coordination.FindingsLayer;
import de.trassenwerk.store.AttributeFilter;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.ThemeLayers;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * The coordination panel's access to its GeoPackage. Every call opens the file, does its work and
 * closes it again: read-only to analyse and to fetch geometries, read-write (one transaction) to save
 * a run's findings or one user's status edit. So the file is held for writing only for the moment of
 * a save, and other views may keep it open for reading.
 *
 * <p>Thread rules: every method does file I/O and blocks; call it from a worker, never from the
 * JavaFX thread. Instances are immutable and may be shared.
 */
final class CoordinationFile {
    private final Path file;

    CoordinationFile(Path file) {
        this.file = file;
    }

    /** A finished run: its result and, when it was saved, what users recorded on its findings. */
    record Outcome(CoordinationResult result, Map<String, FindingsLayer.UserRecord> records, boolean saved) {
    }

    /**
     * Runs the analysis; {@code today} null means the file's reference date (or the current date). With
     * {@code save}, the findings go into the file's findings layer, keeping users' notes.
     */
    Outcome run(LocalDate today, double bufferM, int leadWeeks, int horizonMonths, int moratoriumYears,
            int doubleDigMonths, CostModel costs, boolean save, AnalysisMonitor monitor) {
        try (GeoPackageStore store = GeoPackageStore.open(file,
                save ? GeoPackageStore.Mode.READ_WRITE : GeoPackageStore.Mode.READ_ONLY)) {
            LocalDate day = today != null ? today : CoordinationParameters.defaultToday(store.metadata(), LocalDate.now());
            CoordinationParameters params = new CoordinationParameters(day, bufferM, leadWeeks, horizonMonths,
                    moratoriumYears, doubleDigMonths);
            CoordinationResult result = CoordinationAnalysis.run(store, file.getFileName().toString(), params, costs,
                    monitor);
            if (!save) {
                return new Outcome(result, Map.of(), false);
            }
            FindingsLayer.save(store, result, Instant.now());
            return new Outcome(result, FindingsLayer.userRecords(store), true);
        }
    }

    /** Records a user's status and comment on a saved finding (one transaction). */
    void setUserStatus(String findingId, String status, String comment) {
        try (GeoPackageStore store = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_WRITE)) {
            FindingsLayer.setUserStatus(store, findingId, status, comment);
        }
    }

    /** The geometries the map needs to show a finding. */
    FindingFocus focus(Finding f) {
        try (GeoPackageStore store = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY)) {
            return new FindingFocus(f.id(), f.kind().key(), f.section(),
                    geometry(store, ThemeLayers.PLANNED_ROUTES, f.routeFid()),
                    geometry(store, ThemeLayers.CONSTRUCTION_SITES, f.siteFid()),
                    geometry(store, ThemeLayers.CONSTRUCTION_SITES, f.otherSiteFid()));
        }
    }

    private static Geometry geometry(GeoPackageStore store, String layer, Long fid) {
        if (fid == null) {
            return null;
        }
        List<Feature> found = store.read(layer, Query.where(AttributeFilter.eq("fid", fid)).withFields(List.of(), true));
        return found.isEmpty() ? null : found.get(0).geometry();
    }
}
