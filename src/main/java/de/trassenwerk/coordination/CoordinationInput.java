package de.trassenwerk.coordination;

import de.trassenwerk.crs.SpatialReferences;
import de.trassenwerk.store.AttributeFilter;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.store.GeoPackageGeometry;
import de.trassenwerk.store.LayerInfo;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.StoreException;
import de.trassenwerk.store.ThemeLayers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;

/**
 * The features a coordination run needs, read once from a store with only the fields it needs
 * (personal fields such as {@code contact_person} are never read), and already narrowed down by the
 * rules that do not depend on geometry: routes with status {@code draft} or {@code agreed}; open-trench
 * sites that are not {@code done}, did not end before today and have a start date; free existing
 * ducts ({@code status} {@code existing}, {@code tubes_free} &gt; 0). Layers and fields are matched by
 * name, so files written by GDAL or QGIS work as well as ours. Read by the coordination analysis
 * ({@link #read}) and, without routes and districts, by the route planner's {@link DigConditions}.
 * Reading blocks the caller, who reads routes and works while one helper thread of its own reads the
 * other layers; immutable once read.
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

        // Two threads read at once, each on its own connection of the store, and turn rows into the analysis'
        // records as they come (no Feature objects on the way): the streets, ducts and districts on a helper
        // thread, the routes and works on this one.
        FutureTask<Object[]> other = new FutureTask<>(() -> new Object[] {
            rows(store, streetsLayer, STREET_FIELDS, null, r -> street(r)),
            conduitsLayer == null ? List.of() : rows(store, conduitsLayer, CONDUIT_FIELDS, null, r -> freeDuct(r)),
            districtsLayer == null ? List.of() : rows(store, districtsLayer, DISTRICT_FIELDS, null, r -> district(r))});
        Thread helper = new Thread(other, "coordination-reader");
        helper.setDaemon(true);
        helper.start();
        List<PlannedRoute> routes = routesLayer == null ? List.of()
                : rows(store, routesLayer, ROUTE_FIELDS, null, r -> route(r));
        // open-trench works that are not done: the rest of the rules in Java, which also reads the odd value
        AttributeFilter notDone = AttributeFilter.and(AttributeFilter.compare("open_trench", AttributeFilter.Op.NE, 0),
                AttributeFilter.or(new AttributeFilter.IsNull("status"), new AttributeFilter.Not(
                        new AttributeFilter.Like("status", "done"))));
        List<WorkSite> sites = sitesLayer == null ? new ArrayList<>()
                : rows(store, sitesLayer, SITE_FIELDS, notDone, r -> site(r, today));
        Object[] rest = awaitHelper(other);
        @SuppressWarnings("unchecked")
        List<StreetSegment> streets = (List<StreetSegment>) rest[0];
        @SuppressWarnings("unchecked")
        List<Geometry> ducts = (List<Geometry>) rest[1];
        @SuppressWarnings("unchecked")
        List<Map.Entry<String, Geometry>> districts = (List<Map.Entry<String, Geometry>>) rest[2];
        sites.sort(java.util.Comparator.comparingLong(WorkSite::fid)); // double digs name the lower fid first
        return new CoordinationInput(List.copyOf(routes), List.copyOf(sites), List.copyOf(streets),
                List.copyOf(ducts), List.copyOf(districts), srs);
    }

    /** The helper thread's layers; its failure (a bad date, an unreadable geometry) is thrown here as it was. */
    private static Object[] awaitHelper(FutureTask<Object[]> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the helper finishes its layers quickly; wait for it
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One row of a layer as read: fid, geometry in the GeoPackage encoding, the values of the fields asked for. */
    private record Row(String layer, long fid, byte[] blob, Object[] values) {
        Geometry geometry() {
            try {
                return GeoPackageGeometry.decode(blob);
            } catch (IllegalArgumentException e) {
                throw new StoreException("store.error.badGeometry", e, layer, fid, e.getMessage());
            }
        }

        Object get(int field) {
            return values[field];
        }

        String getString(int field) {
            Object v = values[field];
            return v == null ? null : v.toString();
        }

        Long getLong(int field) {
            return values[field] instanceof Number n ? n.longValue() : null;
        }

        /** Booleans as stored by anyone: true/false, 0/1, "true"/"1". */
        Boolean getBoolean(int field) {
            return Feature.booleanOf(values[field]);
        }
    }

    /** The non-null results of {@code convert} for each row of the layer (geometry and {@code fields}), in order. */
    private static <T> List<T> rows(FeatureStore store, LayerSchema layer, List<String> fields, AttributeFilter filter,
            Function<Row, T> convert) {
        Query q = Query.ALL.withFields(fields, true);
        if (filter != null) {
            q = q.withFilter(filter);
        }
        List<T> out = new ArrayList<>();
        String name = layer.name();
        store.readEncoded(name, q, (fid, blob, values) -> {
            T t = convert.apply(new Row(name, fid, blob, values));
            if (t != null) {
                out.add(t);
            }
        });
        return out;
    }

    private static PlannedRoute route(Row r) {
        Geometry g = r.geometry();
        String status = lower(r.getString(0));
        if (!("draft".equals(status) || "agreed".equals(status)) || !isLineal(g)) {
            return null;
        }
        return new PlannedRoute(r.fid(), g, Dates.parse(r.get(1), r.layer(), r.fid(), "needed_by"));
    }

    private static StreetSegment street(Row r) {
        Geometry g = r.geometry();
        if (!isLineal(g)) {
            return null;
        }
        return new StreetSegment(r.fid(), g, Shape.of(g), r.getString(0), r.getString(1),
                Dates.parse(r.get(2), r.layer(), r.fid(), "surface_renewed"));
    }

    private static Geometry freeDuct(Row r) {
        Geometry g = r.geometry();
        Long free = r.getLong(1);
        boolean usable = "existing".equals(lower(r.getString(0))) && free != null && free > 0
                && g != null && !g.isEmpty();
        return usable ? g : null;
    }

    private static Map.Entry<String, Geometry> district(Row r) {
        Geometry g = r.geometry();
        return g instanceof Polygonal && !g.isEmpty() ? Map.entry(String.valueOf(r.getString(0)), g) : null;
    }

    private static WorkSite site(Row r, LocalDate today) {
        Geometry g = r.geometry();
        Boolean trench = r.getBoolean(6);
        if (trench == null || !trench || "done".equals(lower(r.getString(5))) || g == null || g.isEmpty()) {
            return null;
        }
        LocalDate start = Dates.parse(r.get(3), r.layer(), r.fid(), "start_date");
        LocalDate end = Dates.parse(r.get(4), r.layer(), r.fid(), "end_date");
        if (end != null && end.isBefore(today) || start == null) {
            return null;
        }
        if (end == null || end.isBefore(start)) {
            end = start;
        }
        return new WorkSite(r.fid(), g, Shape.of(g), r.getString(0), r.getString(1), r.getString(2), start, end,
                Sections.footprintWidth(g));
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

    private static boolean isLineal(Geometry g) {
        return g instanceof Lineal && !g.isEmpty();
    }

    private static String lower(String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }
}
