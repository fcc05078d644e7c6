package de.trassenwerk.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.trassenwerk.crs.CoordinateTransform;
import de.trassenwerk.crs.SpatialReferences;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

/**
 * Routes as GeoJSON (RFC 7946): a FeatureCollection in WGS84 longitude/latitude (7 decimals), one
 * LineString feature per route with the properties {@code rank}, {@code from_ref}, {@code to_ref},
 * {@code length_m}, {@code cost_eur}, {@code breakdown} ({@code {class: {m, eur}}}) and
 * {@code moratorium}; metres with one decimal, whole euros, totals the sums of the rounded parts. For
 * "plan all gaps" each feature also has {@code site_no}, and the collection has the foreign members
 * {@code totals} (sum of the routes, the network with shared stretches counted once, and what is
 * shared) and {@code failures} (sites without a route, with the reason). Stateless apart from the
 * transform; one instance per thread.
 */
public final class RoutesGeoJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final double SCALE = 1e7;
    private final CoordinateTransform toWgs84;

    /** A writer for routes in the coordinate system {@code srsId}. */
    public RoutesGeoJson(int srsId) {
        this.toWgs84 = CoordinateTransform.between(srsId, SpatialReferences.WGS84);
    }

    /** The routes of one request, best first. */
    public void write(List<Route> routes, OutputStream out) throws IOException {
        ObjectNode root = collection();
        ArrayNode features = root.putArray("features");
        for (Route r : routes) {
            features.add(feature(r, null));
        }
        MAPPER.writeValue(out, root);
    }

    /** The result of "plan all gaps". */
    public void write(GapPlan plan, OutputStream out) throws IOException {
        ObjectNode root = collection();
        ObjectNode totals = root.putObject("totals");
        totals.put("routes", plan.routes().size());
        totals.put("failures", plan.failures().size());
        RoundedCosts sum = RoundedCosts.of(plan.sum().breakdown());
        RoundedCosts network = RoundedCosts.of(plan.network().breakdown());
        ObjectNode s = totals.putObject("sum");
        s.put("length_m", sum.lengthM());
        s.put("cost_eur", sum.costEur());
        s.set("breakdown", sum.toJson(MAPPER));
        ObjectNode n = totals.putObject("network");
        n.put("length_m", network.lengthM());
        n.put("cost_eur", network.costEur());
        n.set("breakdown", network.toJson(MAPPER));
        ObjectNode shared = totals.putObject("shared");
        shared.put("length_m", Math.round((sum.lengthM() - network.lengthM()) * 10) / 10.0);
        shared.put("cost_eur", sum.costEur() - network.costEur());
        ArrayNode failures = root.putArray("failures");
        for (GapPlan.Failure f : plan.failures()) {
            ObjectNode o = failures.addObject();
            o.put("site_no", f.origin().ref());
            o.put("reason", f.reason().key());
            o.put("message", f.reason().localizedMessage());
        }
        ArrayNode features = root.putArray("features");
        for (GapPlan.SiteRoute r : plan.routes()) {
            features.add(feature(r.route(), r.origin().ref()));
        }
        MAPPER.writeValue(out, root);
    }

    private static ObjectNode collection() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("type", "FeatureCollection");
        return root;
    }

    private ObjectNode feature(Route r, String siteNo) {
        ObjectNode f = MAPPER.createObjectNode();
        f.put("type", "Feature");
        ObjectNode props = f.putObject("properties");
        if (siteNo != null) {
            props.put("site_no", siteNo);
        }
        RoundedCosts rounded = RoundedCosts.of(r.breakdown());
        props.put("rank", r.rank());
        props.put("from_ref", r.fromRef());
        props.put("to_ref", r.toRef());
        props.put("length_m", rounded.lengthM());
        props.put("cost_eur", rounded.costEur());
        props.set("breakdown", rounded.toJson(MAPPER));
        props.put("moratorium", r.moratorium());
        ObjectNode geometry = f.putObject("geometry");
        geometry.put("type", "LineString");
        geometry.set("coordinates", coordinates(r.geometry()));
        return f;
    }

    private ArrayNode coordinates(LineString line) {
        ArrayNode out = MAPPER.createArrayNode();
        double[] last = null;
        for (Coordinate c : line.getCoordinates()) {
            double[] ll = toWgs84.transform(c.x, c.y);
            double lon = Math.round(ll[0] * SCALE) / SCALE;
            double lat = Math.round(ll[1] * SCALE) / SCALE;
            if (last != null && last[0] == lon && last[1] == lat) {
                continue;
            }
            out.addArray().add(lon).add(lat);
            last = new double[] {lon, lat};
        }
        if (out.size() == 1) {
            out.add(out.get(0).deepCopy());
        }
        return out;
    }
}
