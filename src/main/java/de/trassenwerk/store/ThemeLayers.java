package de.trassenwerk.store;

import static de.trassenwerk.store.FieldType.BOOLEAN;
import static de.trassenwerk.store.FieldType.DATE;
import static de.trassenwerk.store.FieldType.INTEGER;
import static de.trassenwerk.store.FieldType.REAL;
import static de.trassenwerk.store.FieldType.TEXT;

import de.trassenwerk.crs.SpatialReferences;
import java.util.ArrayList;
import java.util.List;

/**
 * The layers of the five themes and their fields: the contract between the data, the analyses and
 * the open-data export (documented in {@code docs/data-model.md}). All in EPSG:25832.
 */
public final class ThemeLayers {
    public static final String DISTRICTS = "districts";
    public static final String QUARTERS = "quarters";
    public static final String STREETS = "streets";
    public static final String WATER = "water";
    public static final String LAND_USE_PLANS = "land_use_plans";
    public static final String COMMERCIAL_SITES = "commercial_sites";
    public static final String COVERAGE_CELLS = "coverage_cells";
    public static final String CONDUITS = "conduits";
    public static final String NETWORK_NODES = "network_nodes";
    public static final String CONSTRUCTION_SITES = "construction_sites";
    public static final String PLANNED_ROUTES = "planned_routes";
    public static final String COORDINATION_FINDINGS = "coordination_findings";
    public static final String REVIEW_NOTES = "review_notes";

    private ThemeLayers() {
    }

    /** Every theme layer, in drawing order from bottom to top. */
    public static List<LayerSchema> all() {
        List<LayerSchema> l = new ArrayList<>();
        l.add(layer(DISTRICTS, GeometryType.MULTIPOLYGON, f("name", TEXT), f("code", TEXT)));
        l.add(layer(QUARTERS, GeometryType.MULTIPOLYGON, f("name", TEXT), f("district_code", TEXT), f("code", TEXT)));
        l.add(layer(COVERAGE_CELLS, GeometryType.POLYGON, f("cell_id", TEXT), f("households", INTEGER),
                f("max_down_mbps", INTEGER), f("technology", TEXT), f("share_gigabit", REAL), f("survey_date", DATE)));
        l.add(layer(WATER, GeometryType.MULTIPOLYGON, f("name", TEXT), f("kind", TEXT)));
        l.add(layer(LAND_USE_PLANS, GeometryType.MULTIPOLYGON, f("plan_no", TEXT), f("title", TEXT),
                f("in_force_since", DATE), f("zoning", TEXT)));
        l.add(layer(COMMERCIAL_SITES, GeometryType.MULTIPOLYGON, f("site_no", TEXT), f("name", TEXT),
                f("area_ha", REAL), f("status", TEXT), f("zoning", TEXT), f("plan_no", TEXT), f("contact_org", TEXT),
                f("contact_person", TEXT)));
        l.add(layer(STREETS, GeometryType.LINESTRING, f("name", TEXT), f("class", TEXT), f("surface_renewed", DATE),
                f("width_m", REAL)));
        l.add(layer(CONSTRUCTION_SITES, GeometryType.MULTIPOLYGON, f("site_ref", TEXT), f("title", TEXT),
                f("kind", TEXT), f("organisation", TEXT), f("contact_person", TEXT), f("start_date", DATE),
                f("end_date", DATE), f("status", TEXT), f("open_trench", BOOLEAN), f("surface", TEXT),
                f("traffic_impact", TEXT)));
        l.add(layer(CONDUITS, GeometryType.LINESTRING, f("owner", TEXT), f("status", TEXT), f("duct_type", TEXT),
                f("tubes_total", INTEGER), f("tubes_free", INTEGER), f("diameter_mm", INTEGER), f("depth_m", REAL),
                f("install_year", INTEGER), f("funded", BOOLEAN), f("restricted", BOOLEAN)));
        l.add(layer(PLANNED_ROUTES, GeometryType.LINESTRING, f("name", TEXT), f("from_ref", TEXT), f("to_ref", TEXT),
                f("status", TEXT), f("needed_by", DATE), f("length_m", REAL), f("cost_eur", REAL),
                f("cost_breakdown", TEXT)));
        l.add(layer(COORDINATION_FINDINGS, GeometryType.LINESTRING, f("finding_id", TEXT), f("kind", TEXT),
                f("route_fid", INTEGER), f("site_fid", INTEGER), f("other_site_fid", INTEGER), f("street_fid", INTEGER),
                f("street_name", TEXT), f("district", TEXT), f("organisation", TEXT), f("start_date", DATE),
                f("end_date", DATE), f("length_m", REAL), f("saving_eur", REAL), f("details", TEXT),
                f("user_status", TEXT), f("user_comment", TEXT), f("run_at", TEXT)));
        l.add(layer(NETWORK_NODES, GeometryType.POINT, f("kind", TEXT), f("owner", TEXT), f("name", TEXT)));
        l.add(layer(REVIEW_NOTES, GeometryType.POINT, f("author", TEXT), f("created", TEXT), f("text", TEXT),
                f("status", TEXT), f("target_layer", TEXT), f("target_fid", INTEGER)));
        return l;
    }

    public static LayerSchema schema(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no theme layer " + name));
    }

    private static LayerSchema layer(String name, GeometryType type, FieldInfo... fields) {
        return LayerSchema.features(name, type, SpatialReferences.PROJECT_SRS, List.of(fields));
    }

    private static FieldInfo f(String name, FieldType type) {
        return FieldInfo.of(name, type);
    }
}
