package de.trassenwerk.coverage;

import de.trassenwerk.crs.CoordinateTransform;
import de.trassenwerk.crs.SpatialReferences;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.store.LayerInfo;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.ThemeLayers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * What a coverage-gap run reads up front, with only the fields it needs (never {@code contact_person}):
 * the commercial sites with an area geometry (by fid), the districts and quarters (optional layers), and
 * how to read the coverage cells, which are read per site through the spatial index. Layers and fields
 * are matched by name, so files written by GDAL or QGIS work as well as ours. Immutable once read.
 */
final class CoverageInput {
    static final List<String> SITE_FIELDS = List.of("site_no", "name", "area_ha", "status");
    static final List<String> CELL_FIELDS = List.of("max_down_mbps", "households", "share_gigabit");
    static final String CELL_ID = "cell_id";
    static final List<String> AREA_FIELDS = List.of("name");

    /** A commercial site as the analysis needs it. */
    record Site(long fid, String siteNo, String name, Double areaHa, String status, Geometry geometry) {
    }

    final List<Site> sites;
    /** Sites without an area geometry (null, empty, not a polygon): left out of the analysis. */
    final int sitesWithoutArea;
    /** The name of the coverage-cell layer as the file spells it. */
    final String cellsLayer;
    /** The cell fields to read: {@link #CELL_FIELDS}, and {@code cell_id} where the layer has it. */
    final List<String> cellFields;
    final List<Map.Entry<String, Geometry>> districts;
    final List<Map.Entry<String, Geometry>> quarters;
    /** From the layers' CRS to the project CRS, for the geometries handed out. */
    final CoordinateTransform toProject;

    private CoverageInput(List<Site> sites, int sitesWithoutArea, String cellsLayer, List<String> cellFields,
            List<Map.Entry<String, Geometry>> districts, List<Map.Entry<String, Geometry>> quarters,
            CoordinateTransform toProject) {
        this.sites = sites;
        this.sitesWithoutArea = sitesWithoutArea;
        this.cellsLayer = cellsLayer;
        this.cellFields = cellFields;
        this.districts = districts;
        this.quarters = quarters;
        this.toProject = toProject;
    }

    /** Checks that the store has what the analysis needs and reads it; {@code source} names the data in messages. */
    static CoverageInput read(FeatureStore store, String source) {
        Map<String, LayerSchema> present = new LinkedHashMap<>();
        for (LayerInfo l : store.layers()) {
            present.put(l.name().toLowerCase(Locale.ROOT), l.schema());
        }
        List<String> missing = new ArrayList<>();
        LayerSchema sitesLayer = need(present, ThemeLayers.COMMERCIAL_SITES, SITE_FIELDS, true, missing);
        LayerSchema cells = need(present, ThemeLayers.COVERAGE_CELLS, CELL_FIELDS, true, missing);
        LayerSchema districtsLayer = need(present, ThemeLayers.DISTRICTS, AREA_FIELDS, false, missing);
        LayerSchema quartersLayer = need(present, ThemeLayers.QUARTERS, AREA_FIELDS, false, missing);
        if (!missing.isEmpty()) {
            throw new CoverageException("coverage.error.missing", source, String.join(", ", missing));
        }
        int srs = checkCrs(source, sitesLayer, cells, districtsLayer, quartersLayer);

        List<Site> sites = new ArrayList<>();
        int[] withoutArea = {0};
        store.read(sitesLayer.name(), Query.ALL.withFields(SITE_FIELDS, true), f -> {
            if (f.geometry() instanceof Polygonal && !f.geometry().isEmpty()) {
                sites.add(new Site(f.fid(), f.getString("site_no"), f.getString("name"), f.getDouble("area_ha"),
                        f.getString("status"), f.geometry()));
            } else {
                withoutArea[0]++;
            }
        });
        sites.sort(Comparator.comparingLong(Site::fid));
        List<String> cellFields = new ArrayList<>(CELL_FIELDS);
        if (cells.field(CELL_ID).isPresent()) {
            cellFields.add(CELL_ID);
        }
        return new CoverageInput(List.copyOf(sites), withoutArea[0], cells.name(), List.copyOf(cellFields),
                areas(store, districtsLayer), areas(store, quartersLayer),
                CoordinateTransform.between(srs, SpatialReferences.PROJECT_SRS));
    }

    /** The named areas of a layer, in fid order; empty when the file has no such layer. */
    private static List<Map.Entry<String, Geometry>> areas(FeatureStore store, LayerSchema layer) {
        if (layer == null) {
            return List.of();
        }
        List<Map.Entry<String, Geometry>> out = new ArrayList<>();
        for (Feature f : store.read(layer.name(), Query.ALL.withFields(AREA_FIELDS, true).orderedBy("fid", true))) {
            if (f.geometry() instanceof Polygonal && !f.geometry().isEmpty() && f.getString("name") != null) {
                out.add(Map.entry(f.getString("name"), f.geometry()));
            }
        }
        return List.copyOf(out);
    }

    private static LayerSchema need(Map<String, LayerSchema> present, String layer, List<String> fields,
            boolean required, List<String> missing) {
        LayerSchema s = present.get(layer);
        if (s == null || !s.hasGeometry()) {
            if (required) {
                missing.add(layer);
            }
            return null;
        }
        boolean complete = true;
        for (String field : fields) {
            if (s.field(field).isEmpty()) {
                missing.add(layer + "." + field);
                complete = false;
            }
        }
        return complete ? s : null;
    }

    /** The one CRS of all layers read; it must be projected (metres) and known well enough to reach EPSG:25832. */
    private static int checkCrs(String source, LayerSchema... layers) {
        Integer srs = null;
        for (LayerSchema l : layers) {
            if (l == null) {
                continue;
            }
            if (srs != null && l.srsId() != srs) {
                throw new CoverageException("coverage.error.crsMismatch", source, l.name(), l.srsId(), srs);
            }
            srs = l.srsId();
            if (l.srsId() <= 0 || SpatialReferences.isGeographic(l.srsId())) {
                throw new CoverageException("coverage.error.crs", source, l.name(), l.srsId());
            }
        }
        if (srs != SpatialReferences.PROJECT_SRS && !CoordinateTransform.supports(srs)) {
            throw new CoverageException("coverage.error.crs", source, layers[0].name(), srs);
        }
        return srs;
    }
}
