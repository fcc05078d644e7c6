package de.trassenwerk.opendata;

import static de.trassenwerk.testing.Fixtures.attrs;
import static de.trassenwerk.testing.Fixtures.wkt;

import de.trassenwerk.crs.SpatialReferences;
import de.trassenwerk.store.ChangeSet;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.FieldType;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.GeometryType;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.ThemeLayers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small GeoPackage in Duisburg's centre with secrets planted everywhere the policy must stop them:
 * personal names in {@code contact_person}, an unlisted field, a construction site marked
 * restricted, a finished one, conduits and network nodes with tell-tale owners, an unlisted layer
 * of phone numbers and an internal layer. {@link #SECRETS} lists every planted value.
 */
final class PublicationFixture {
    /** Two quarters side by side: 501 west of x = 346 000, 502 east of it. */
    static final String QUARTER_501 = "MULTIPOLYGON (((345000 5700000, 346000 5700000, 346000 5701000, 345000 5701000, 345000 5700000)))";
    static final String QUARTER_502 = "MULTIPOLYGON (((346000 5700000, 347000 5700000, 347000 5701000, 346000 5701000, 346000 5700000)))";
    /** A vertex of a conduit: its coordinates must appear in no published file. */
    static final double CONDUIT_X = 345123.456;
    static final double CONDUIT_Y = 5700321.987;

    static final List<String> SECRETS = List.of("Zacharias Geheimname", "Geheimname", "Philippa Verschwiegen",
            "Verschwiegen", "INTERN-VERMERK-4711", "ABGESCHLOSSEN-TITEL-1", "VERTRAULICHE-BAUSTELLE-9",
            "Geheimrohr Netz GmbH", "Sonderrohr X-99", "PoP-GEHEIM-7", "Knotenbetreiber Verdeckt AG",
            "0203-5551234", "Ottilie Unbekannt", "ROUTE-INTERN-3", "Berta Ruhig", "Carl Leise", "Dora Still");

    private PublicationFixture() {
    }

    static Path write(Path file) {
        try (GeoPackageStore s = GeoPackageStore.create(file)) {
            for (String name : List.of(ThemeLayers.QUARTERS, ThemeLayers.COMMERCIAL_SITES, ThemeLayers.CONDUITS,
                    ThemeLayers.NETWORK_NODES, ThemeLayers.PLANNED_ROUTES)) {
                s.createLayer(ThemeLayers.schema(name));
            }
            LayerSchema sites = ThemeLayers.schema(ThemeLayers.CONSTRUCTION_SITES);
            List<FieldInfo> fields = new ArrayList<>(sites.fields());
            fields.add(FieldInfo.of("internal_remark", FieldType.TEXT));
            fields.add(FieldInfo.of("restricted", FieldType.BOOLEAN));
            s.createLayer(LayerSchema.features(sites.name(), GeometryType.MULTIPOLYGON, SpatialReferences.PROJECT_SRS, fields));
            s.createLayer(LayerSchema.features("staff_phone_list", GeometryType.POINT, SpatialReferences.PROJECT_SRS,
                    List.of(FieldInfo.of("person", FieldType.TEXT), FieldInfo.of("phone", FieldType.TEXT))));
            ChangeSet c = new ChangeSet();
            c.insert("quarters", f(QUARTER_501, "name", "Altstadt", "district_code", "4", "code", "501"));
            c.insert("quarters", f(QUARTER_502, "name", "Neuenkamp", "district_code", "4", "code", "502"));
            c.insert("construction_sites", site("BS-1", "Kanalbau Königstraße", "planned", "Zacharias Geheimname",
                    "INTERN-VERMERK-4711", false, box(345100, 5700100, 345300, 5700200)));
            c.insert("construction_sites", site("BS-2", "ABGESCHLOSSEN-TITEL-1", "done", "Berta Ruhig", null, false,
                    box(345400, 5700100, 345500, 5700200)));
            c.insert("construction_sites", site("BS-3", "VERTRAULICHE-BAUSTELLE-9", "approved", "Carl Leise", null, true,
                    box(345600, 5700100, 345700, 5700200)));
            // 70 % of it east of the quarter border: generalised, it becomes quarter 502
            c.insert("construction_sites", site("BS-4", "Fernwärme Ruhrorter Straße", "active", "Dora Still", null, null,
                    box(345700, 5700500, 346700, 5700600)));
            c.insert("commercial_sites", f("MULTIPOLYGON (((345100 5700700, 345300 5700700, 345300 5700900, 345100 5700900, 345100 5700700)))",
                    "site_no", "DU-0001", "name", "Hafenfläche 1", "area_ha", 4.0, "status", "available", "zoning", "GI",
                    "plan_no", "Nr. 1100", "contact_org", "Wirtschaftsförderung Duisburg", "contact_person", "Philippa Verschwiegen"));
            // a free duct in 501, and in 502 only one that is marked restricted: 502 must say "no"
            c.insert("conduits", conduit("LINESTRING (" + CONDUIT_X + " " + CONDUIT_Y + ", 345800 5700400)", 4, false));
            c.insert("conduits", conduit("LINESTRING (346200 5700300, 346800 5700400)", 6, true));
            c.insert("network_nodes", f("POINT (345500 5700450)", "kind", "PoP", "owner", "Knotenbetreiber Verdeckt AG",
                    "name", "PoP-GEHEIM-7"));
            c.insert("planned_routes", f("LINESTRING (345100 5700100, 346900 5700900)", "name", "ROUTE-INTERN-3",
                    "status", "draft"));
            c.insert("staff_phone_list", f("POINT (345200 5700200)", "person", "Ottilie Unbekannt", "phone", "0203-5551234"));
            s.apply(c);
        }
        return file;
    }

    static String box(double x0, double y0, double x1, double y1) {
        return "MULTIPOLYGON (((" + x0 + " " + y0 + ", " + x1 + " " + y0 + ", " + x1 + " " + y1 + ", " + x0 + " " + y1
                + ", " + x0 + " " + y0 + ")))";
    }

    private static Feature site(String ref, String title, String status, String person, String remark, Boolean restricted,
            String geometry) {
        return f(geometry, "site_ref", ref, "title", title, "kind", "sewer", "organisation", "Wirtschaftsbetriebe Duisburg",
                "contact_person", person, "start_date", "2026-10-05", "end_date", "2027-02-17", "status", status,
                "open_trench", true, "surface", "road", "traffic_impact", "lane_closed", "internal_remark", remark,
                "restricted", restricted);
    }

    private static Feature conduit(String geometry, int free, boolean restricted) {
        return f(geometry, "owner", "Geheimrohr Netz GmbH", "status", "existing", "duct_type", "Sonderrohr X-99",
                "tubes_total", 7, "tubes_free", free, "diameter_mm", 50, "depth_m", 0.8, "install_year", 2019,
                "funded", false, "restricted", restricted);
    }

    private static Feature f(String geometry, Object... kv) {
        return Feature.create(wkt(geometry), attrs(kv));
    }
}
