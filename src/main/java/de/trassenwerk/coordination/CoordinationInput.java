package de.trassenwerk.coordination;

import de.trassenwerk.crs.SpatialReferences;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.store.LayerInfo;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.ThemeLayers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;

/**
 * The features a coordination run needs, read once from a store with only the fields it needs
 * (personal fields such as {@code contact_person} are never read), and already narrowed down by the
 * rules that do not depend on geometry: routes with status {@code draft} or {@code agreed}; open-trench
 * sites that are not {@code done}, did not end before today and have a start date; free existing
 * ducts ({@code status} {@code existing}, {@code tubes_free} &gt; 0). Layers and fields are matched by
 * name, so files written by GDAL or QGIS work as well as ours. Immutable once read.
 */
final class CoordinationInput {
    static final List<String> ROUTE_FIELDS = List.of("status", "needed_by");
    static final List<String> SITE_FIELDS = List.of("site_ref", "kind", "organisation", "start_date", "end_date",
            "status", "open_trench");
    static final List<String> STREET_FIELDS = List.of("name", "class", "surface_renewed");
    static final List<String> CONDUIT_FIELDS = List.of("status", "tubes_free");
    static final List<String> DISTRICT_FIELDS = List.of("name");

    final List<PlannedRoute> routes;
    final List<WorkSite> sites;
    final List<StreetSegment> streets;
    final List<Geometry> freeDucts;
    /** District names and areas; empty when the file has no {@code districts} layer. */
    final List<Map.Entry<String, Geometry>> districts;
    /** The spatial reference id of the data, for writing findings in the same system. */
    final int srsId;

    private CoordinationInput(List<PlannedRoute> routes, List<WorkSite> sites, List<StreetSegment> streets,
            List<Geometry> freeDucts, List<Map.Entry<String, Geometry>> districts, int srsId) {
        this.routes = routes;
        this.sites = sites;
        this.streets = streets;
        this.freeDucts = freeDucts;
        this.districts = districts;
        this.srsId = srsId;
    }

    /** Checks that the store has what the analysis needs and reads it. */
    static CoordinationInput read(FeatureStore store, LocalDate today, String source) {
        Map<String, LayerSchema> present = new LinkedHashMap<>();
        for (LayerInfo l : store.layers()) {
            present.put(l.name().toLowerCase(Locale.ROOT), l.schema());
        }
        List<String> missing = new ArrayList<>();
        LayerSchema routesLayer = need(present, ThemeLayers.PLANNED_ROUTES, ROUTE_FIELDS, true, missing);
        LayerSchema sitesLayer = need(present, ThemeLayers.CONSTRUCTION_SITES, SITE_FIELDS, true, missing);
        LayerSchema streetsLayer = need(present, ThemeLayers.STREETS, STREET_FIELDS, true, missing);
        LayerSchema conduitsLayer = need(present, ThemeLayers.CONDUITS, CONDUIT_FIELDS, false, missing);
        LayerSchema districtsLayer = need(present, ThemeLayers.DISTRICTS, DISTRICT_FIELDS, false, missing);
        if (!missing.isEmpty()) {
            throw new CoordinationException("coordination.error.missing", source, String.join("; ", missing));
        }
        int srs = checkCrs(source, routesLayer, sitesLayer, streetsLayer, conduitsLayer, districtsLayer);

        List<PlannedRoute> routes = new ArrayList<>();
        store.read(routesLayer.name(), fields(ROUTE_FIELDS), f -> {
            String status = lower(f.getString("status"));
            if (!("draft".equals(status) || "agreed".equals(status)) || !isLineal(f.geometry())) {
                return;
            }
            routes.add(new PlannedRoute(f.fid(), f.geometry(),
                    Dates.parse(f.get("needed_by"), routesLayer.name(), f.fid(), "needed_by")));
        });
        List<WorkSite> sites = new ArrayList<>();
        store.read(sitesLayer.name(), fields(SITE_FIELDS), f -> {
            WorkSite s = site(f, sitesLayer.name(), today);
            if (s != null) {
                sites.add(s);
            }
        });
        List<StreetSegment> streets = new ArrayList<>();
        store.read(streetsLayer.name(), fields(STREET_FIELDS), f -> {
            if (isLineal(f.geometry())) {
                streets.add(new StreetSegment(f.fid(), f.geometry(), f.getString("name"), f.getString("class"),
                        Dates.parse(f.get("surface_renewed"), streetsLayer.name(), f.fid(), "surface_renewed")));
            }
        });
        List<Geometry> ducts = new ArrayList<>();
        if (conduitsLayer != null) {
            store.read(conduitsLayer.name(), fields(CONDUIT_FIELDS), f -> {
                Long free = f.getLong("tubes_free");
                if ("existing".equals(lower(f.getString("status"))) && free != null && free > 0
                        && f.geometry() != null && !f.geometry().isEmpty()) {
                    ducts.add(f.geometry());
                }
            });
        }
        List<Map.Entry<String, Geometry>> districts = new ArrayList<>();
        if (districtsLayer != null) {
            store.read(districtsLayer.name(), fields(DISTRICT_FIELDS), f -> {
                if (f.geometry() instanceof Polygonal && !f.geometry().isEmpty()) {
                    districts.add(Map.entry(String.valueOf(f.getString("name")), f.geometry()));
                }
            });
        }
        return new CoordinationInput(List.copyOf(routes), List.copyOf(sites), List.copyOf(streets),
                List.copyOf(ducts), List.copyOf(districts), srs);
    }

    private static WorkSite site(Feature f, String layer, LocalDate today) {
        Boolean trench = f.getBoolean("open_trench");
        if (trench == null || !trench || "done".equals(lower(f.getString("status")))
                || f.geometry() == null || f.geometry().isEmpty()) {
            return null;
        }
        LocalDate start = Dates.parse(f.get("start_date"), layer, f.fid(), "start_date");
        LocalDate end = Dates.parse(f.get("end_date"), layer, f.fid(), "end_date");
        if (end != null && end.isBefore(today) || start == null) {
            return null;
        }
        if (end == null || end.isBefore(start)) {
            end = start;
        }
        return new WorkSite(f.fid(), f.geometry(), f.getString("site_ref"), f.getString("kind"),
                f.getString("organisation"), start, end, Sections.footprintWidth(f.geometry()));
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
        Set<String> lacking = new LinkedHashSet<>();
        for (String field : fields) {
            if (s.field(field).isEmpty()) {
                lacking.add(field);
            }
        }
        if (!lacking.isEmpty()) {
            missing.add(layer + "." + String.join(", " + layer + ".", lacking));
            return null;
        }
        return s;
    }

    private static int checkCrs(String source, LayerSchema... layers) {
        Integer srs = null;
        for (LayerSchema l : layers) {
            if (l == null) {
                continue;
            }
            if (srs != null && l.srsId() != srs) {
                throw new CoordinationException("coordination.error.crsMismatch", source, l.name(), l.srsId(), srs);
            }
            srs = l.srsId();
            boolean geographic = l.srsId() == 0 || SpatialReferences.epsg(l.srsId())
                    .map(r -> r.definition().startsWith("GEOGCS")).orElse(false);
            if (geographic) {
                throw new CoordinationException("coordination.error.geographic", source, l.name(), l.srsId());
            }
        }
        return srs == null ? SpatialReferences.PROJECT_SRS : srs;
    }

    private static Query fields(List<String> names) {
        return Query.ALL.withFields(names, true);
    }

    private static boolean isLineal(Geometry g) {
        return g instanceof Lineal && !g.isEmpty();
    }

    private static String lower(String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }
}
