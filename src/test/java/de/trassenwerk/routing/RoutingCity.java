package de.trassenwerk.routing;

import de.trassenwerk.coordination.AnalysisMonitor;
import de.trassenwerk.coordination.CoordinationParameters;
import de.trassenwerk.coordination.CostModel;
import de.trassenwerk.store.ChangeSet;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.ThemeLayers;
import de.trassenwerk.testing.Fixtures;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * A small hand-made street network in a real GeoPackage (written with {@link GeoPackageStore} and the
 * schemas of {@link ThemeLayers}): streets, ducts, works, network nodes and commercial plots, written
 * relative to a local origin inside Duisburg (E 340 000, N 5 700 000) so that tests read like sketches on
 * squared paper. Today is 2026-09-01: a street resurfaced after 2021-09-01 is under its moratorium,
 * and a work starting between 2026-10-27 and 2028-09-01 can be joined.
 */
public final class RoutingCity implements AutoCloseable {
    public static final double X0 = 340_000;
    public static final double Y0 = 5_700_000;
    public static final LocalDate TODAY = LocalDate.of(2026, 9, 1);
    private static final AffineTransformation TO_WORLD = AffineTransformation.translationInstance(X0, Y0);

    public final Path file;
    public final GeoPackageStore store;

    public RoutingCity(Path file) {
        this.file = file;
        this.store = GeoPackageStore.create(file);
        for (String layer : new String[] {ThemeLayers.STREETS, ThemeLayers.CONDUITS, ThemeLayers.CONSTRUCTION_SITES,
            ThemeLayers.NETWORK_NODES, ThemeLayers.COMMERCIAL_SITES}) {
            store.createLayer(ThemeLayers.schema(layer));
        }
    }

    public static Geometry local(String wkt) {
        return TO_WORLD.transform(Fixtures.wkt(wkt));
    }

    /** A local position in world coordinates. */
    public static Coordinate at(double x, double y) {
        return new Coordinate(X0 + x, Y0 + y);
    }

    public long street(String name, String cls, String renewed, String wkt) {
        return insert(ThemeLayers.STREETS, wkt, Fixtures.attrs("name", name, "class", cls, "surface_renewed", renewed,
                "width_m", 8.0));
    }

    /** A residential street never resurfaced. */
    public long street(String name, String wkt) {
        return street(name, "residential", null, wkt);
    }

    public long duct(String status, int tubesFree, String wkt) {
        return insert(ThemeLayers.CONDUITS, wkt, Fixtures.attrs("owner", "Stadtwerke", "status", status,
                "tubes_total", 4L, "tubes_free", (long) tubesFree));
    }

    public long trench(String ref, String start, String end, String wkt) {
        return insert(ThemeLayers.CONSTRUCTION_SITES, wkt, Fixtures.attrs("site_ref", ref, "title", "Kanal " + ref,
                "kind", "sewer", "organisation", "Wirtschaftsbetriebe Duisburg", "contact_person", "Erika Mustermann",
                "start_date", start, "end_date", end, "status", "planned", "open_trench", true, "surface", "road",
                "traffic_impact", "lane_closed"));
    }

    public long node(String kind, String name, double x, double y) {
        return insert(ThemeLayers.NETWORK_NODES, "POINT (" + x + " " + y + ")", Fixtures.attrs("kind", kind,
                "owner", "DU-IT", "name", name));
    }

    public long plot(String siteNo, String wkt) {
        return insert(ThemeLayers.COMMERCIAL_SITES, wkt, Fixtures.attrs("site_no", siteNo, "name", "Gewerbe " + siteNo,
                "area_ha", 1.0, "status", "available", "zoning", "GE"));
    }

    /** A coverage cell (the layer is made on first use). */
    public long coverage(int maxDownMbps, String wkt) {
        if (!store.hasLayer(ThemeLayers.COVERAGE_CELLS)) {
            store.createLayer(ThemeLayers.schema(ThemeLayers.COVERAGE_CELLS));
        }
        return insert(ThemeLayers.COVERAGE_CELLS, wkt, Fixtures.attrs("cell_id", "CRS3035RES100mN1E1", "households", 10L,
                "max_down_mbps", (long) maxDownMbps, "technology", maxDownMbps >= 1000 ? "FTTH" : "VDSL",
                "share_gigabit", maxDownMbps >= 1000 ? 1.0 : 0.0, "survey_date", "2026-06-30"));
    }

    private long insert(String layer, String wkt, Map<String, Object> attrs) {
        return store.apply(new ChangeSet().insert(layer, Feature.create(local(wkt), attrs))).get(0);
    }

    public RoutePlanner planner() {
        return planner(CoordinationParameters.defaults(TODAY), CostModel.DEFAULT);
    }

    public RoutePlanner planner(CoordinationParameters params, CostModel costs) {
        return RoutePlanner.load(store, file.getFileName().toString(), params, costs, AnalysisMonitor.NONE);
    }

    @Override
    public void close() {
        store.close();
    }
}
