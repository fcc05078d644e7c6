package de.trassenwerk.coordination;

import de.trassenwerk.crs.SpatialReferences;
import de.trassenwerk.store.AttributeFilter;
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
        return read(store, today, source, true, "coordination.error.missing");
    }

    /**
     * Reads what the route planner needs to price streets by the same rules: streets (required),
     * open-trench works and free ducts (both optional: without them nothing is joinable or reusable).
     * Planned routes and districts are not read. {@code missingKey} is the message for missing layers
     * or fields, with the source and the list of what is missing as arguments.
     */
    static CoordinationInput readForRoutePlanner(FeatureStore store, LocalDate today, String source, String missingKey) {
        return read(store, today, source, false, missingKey);
    }

    private static CoordinationInput read(FeatureStore store, LocalDate today, String source, boolean coordination,
            String missingKey) {
        Map<String, LayerSchema> present = new LinkedHashMap<>();
        for (LayerInfo l : store.layers()) {
            present.put(l.name().toLowerCase(Locale.ROOT), l.schema());
        }
        List<String> missing = new ArrayList<>();
        LayerSchema routesLayer = coordination
                ? need(present, ThemeLayers.PLANNED_ROUTES, ROUTE_FIELDS, true, missing) : null;
        LayerSchema sitesLayer = need(present, ThemeLayers.CONSTRUCTION_SITES, SITE_FIELDS, coordination, missing);
        LayerSchema streetsLayer = need(present, ThemeLayers.STREETS, STREET_FIELDS, true, missing);
        LayerSchema conduitsLayer = need(present, ThemeLayers.CONDUITS, CONDUIT_FIELDS, false, missing);
        LayerSchema districtsLayer = coordination
                ? need(present, ThemeLayers.DISTRICTS, DISTRICT_FIELDS, false, missing) : null;
        if (!missing.isEmpty()) {
            throw new CoordinationException(missingKey, source, String.join("; ", missing));
        }
        int srs = checkCrs(source, routesLayer, sitesLayer, streetsLayer, conduitsLayer, districtsLayer);

        // The store's read loops only collect; turning features into the analysis' records (dates, shapes)
        // happens afterwards, on several threads.
        List<PlannedRoute> routes = routesLayer == null ? List.of()
                : convert(store.read(routesLayer.name(), fields(ROUTE_FIELDS)), f -> route(f, routesLayer.name()));
        // open-trench works that are not done: the rest of the rules in Java, which also reads the odd value
        AttributeFilter notDone = AttributeFilter.and(AttributeFilter.compare("open_trench", AttributeFilter.Op.NE, 0),
                AttributeFilter.or(new AttributeFilter.IsNull("status"), new AttributeFilter.Not(
                        new AttributeFilter.Like("status", "done"))));
        List<WorkSite> sites = sitesLayer == null ? new ArrayList<>() : new ArrayList<>(convert(store.read(
                sitesLayer.name(), fields(SITE_FIELDS).withFilter(notDone)), f -> site(f, sitesLayer.name(), today)));
        List<StreetSegment> streets = convert(store.read(streetsLayer.name(), fields(STREET_FIELDS)),
                f -> street(f, streetsLayer.name()));
        List<Geometry> ducts = conduitsLayer == null ? List.of()
                : convert(store.read(conduitsLayer.name(), fields(CONDUIT_FIELDS)), CoordinationInput::freeDuct);
        List<Map.Entry<String, Geometry>> districts = districtsLayer == null ? List.of()
                : convert(store.read(districtsLayer.name(), fields(DISTRICT_FIELDS)), CoordinationInput::district);
        sites.sort(java.util.Comparator.comparingLong(WorkSite::fid)); // double digs name the lower fid first
        return new CoordinationInput(List.copyOf(routes), List.copyOf(sites), List.copyOf(streets),
                List.copyOf(ducts), List.copyOf(districts), srs);
    }

    /** The non-null results of {@code convert} for each feature, in order, computed on several threads. */
    private static <T> List<T> convert(List<Feature> features, java.util.function.Function<Feature, T> convert) {
        return features.parallelStream().map(convert).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toList());
    }

    private static PlannedRoute route(Feature f, String layer) {
        String status = lower(f.getString("status"));
        if (!("draft".equals(status) || "agreed".equals(status)) || !isLineal(f.geometry())) {
            return null;
        }
        return new PlannedRoute(f.fid(), f.geometry(), Dates.parse(f.get("needed_by"), layer, f.fid(), "needed_by"));
    }

    private static StreetSegment street(Feature f, String layer) {
        if (!isLineal(f.geometry())) {
            return null;
        }
        return new StreetSegment(f.fid(), f.geometry(), Shape.of(f.geometry()), f.getString("name"),
                f.getString("class"), Dates.parse(f.get("surface_renewed"), layer, f.fid(), "surface_renewed"));
    }

    private static Geometry freeDuct(Feature f) {
        Long free = f.getLong("tubes_free");
        boolean usable = "existing".equals(lower(f.getString("status"))) && free != null && free > 0
                && f.geometry() != null && !f.geometry().isEmpty();
        return usable ? f.geometry() : null;
    }

    private static Map.Entry<String, Geometry> district(Feature f) {
        return f.geometry() instanceof Polygonal && !f.geometry().isEmpty()
                ? Map.entry(String.valueOf(f.getString("name")), f.geometry()) : null;
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
        return new WorkSite(f.fid(), f.geometry(), Shape.of(f.geometry()), f.getString("site_ref"), f.getString("kind"),
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
