package de.trassenwerk.coordination;

import de.trassenwerk.crs.SpatialReferences;
import de.trassenwerk.store.ChangeSet;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.GeometryType;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.ThemeLayers;
import de.trassenwerk.testing.Fixtures;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * A small hand-made city in a real GeoPackage: the theme layers a coordination run reads, filled
 * feature by feature. Coordinates are written relative to a local origin inside Duisburg
 * (E 340 000, N 5 700 000), so that tests read like sketches on squared paper. The construction-site
 * layer takes any geometry type (polygons and lines), as files from other tools may.
 */
public final class TestCity implements AutoCloseable {
    static final double X0 = 340_000;
    static final double Y0 = 5_700_000;
    public static final LocalDate TODAY = LocalDate.of(2026, 9, 1);
    private static final AffineTransformation TO_WORLD = AffineTransformation.translationInstance(X0, Y0);

    final Path file;
    final GeoPackageStore store;

    private TestCity(Path file) {
        this.file = file;
        this.store = GeoPackageStore.create(file);
        for (String layer : new String[] {ThemeLayers.DISTRICTS, ThemeLayers.STREETS, ThemeLayers.CONDUITS,
            ThemeLayers.PLANNED_ROUTES}) {
            store.createLayer(ThemeLayers.schema(layer));
        }
        LayerSchema sites = ThemeLayers.schema(ThemeLayers.CONSTRUCTION_SITES);
        store.createLayer(LayerSchema.features(sites.name(), GeometryType.GEOMETRY, SpatialReferences.PROJECT_SRS,
                sites.fields()));
    }

    public static TestCity create(Path file) {
        return new TestCity(file);
    }

    /** A geometry in world coordinates from WKT in local ones. */
    static Geometry local(String wkt) {
        return TO_WORLD.transform(Fixtures.wkt(wkt));
    }

    public long street(String name, String cls, String renewed, String wkt) {
        return insert(ThemeLayers.STREETS, wkt, Fixtures.attrs("name", name, "class", cls, "surface_renewed", renewed,
                "width_m", 10.0));
    }

    public long route(String status, String neededBy, String wkt) {
        return insert(ThemeLayers.PLANNED_ROUTES, wkt, Fixtures.attrs("name", "Anbindung", "status", status,
                "needed_by", neededBy));
    }

    public long site(String ref, String kind, String organisation, String start, String end, String status, boolean trench,
            String wkt) {
        return insert(ThemeLayers.CONSTRUCTION_SITES, wkt, Fixtures.attrs("site_ref", ref, "title", "Arbeiten " + ref,
                "kind", kind, "organisation", organisation, "contact_person", "Erika Mustermann", "start_date", start,
                "end_date", end, "status", status, "open_trench", trench, "surface", "road",
                "traffic_impact", "lane_closed"));
    }

    /** A planned open-trench sewer work of the city's drainage company. */
    public long trench(String ref, String start, String end, String wkt) {
        return site(ref, "sewer", "Wirtschaftsbetriebe Duisburg", start, end, "planned", true, wkt);
    }

    public long conduit(String status, int tubesFree, String wkt) {
        return insert(ThemeLayers.CONDUITS, wkt, Fixtures.attrs("owner", "Stadtwerke", "status", status,
                "tubes_total", 4L, "tubes_free", (long) tubesFree));
    }

    public long district(String name, String wkt) {
        return insert(ThemeLayers.DISTRICTS, wkt, Fixtures.attrs("name", name, "code", "1"));
    }

    public void delete(String layer, long fid) {
        store.apply(new ChangeSet().delete(layer, fid, 1));
    }

    private long insert(String layer, String wkt, Map<String, Object> attrs) {
        Geometry g = local(wkt);
        return store.apply(new ChangeSet().insert(layer, Feature.create(g, attrs))).get(0);
    }

    public CoordinationResult run() {
        return run(CoordinationParameters.defaults(TODAY));
    }

    public CoordinationResult run(CoordinationParameters params) {
        return CoordinationAnalysis.run(store, file.getFileName().toString(), params, CostModel.DEFAULT,
                AnalysisMonitor.NONE);
    }

    @Override
    public void close() {
        store.close();
    }
}
