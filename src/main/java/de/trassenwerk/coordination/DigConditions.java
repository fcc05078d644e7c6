package de.trassenwerk.coordination;

import de.trassenwerk.store.FeatureStore;
import java.time.LocalDate;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/**
 * What the ground along the streets offers a new duct, decided by the rules of the coordination
 * analysis, for the route planner: the stretches of a line that run in free existing ducts
 * ({@code conduits} with status {@code existing} and free tubes, within
 * {@link CoordinationParameters#FREE_DUCT_DISTANCE_M}), the stretches within the buffer distance of
 * an open-trench work a duct can join (its start between today + lead time and today + horizon), and
 * whether a street is under its digging moratorium today. Reads the same layers and fields, with the
 * same filters, as {@link CoordinationAnalysis}; {@code planned_routes} is not needed, and
 * {@code construction_sites} and {@code conduits} may be missing (then nothing is joinable or reusable).
 *
 * <p>Immutable once read; every method is safe from several threads at once. {@link #read} blocks its
 * caller on the store and must not run on the JavaFX thread.
 */
public final class DigConditions {
    private final CoordinationParameters params;
    private final List<Street> streets;
    private final FreeDucts ducts;
    private final JoinableWorks works;
    private final int srsId;

    /**
     * A street centreline feature as read (a LineString or MultiLineString), with its class and the date
     * of its last resurfacing (null: never resurfaced, so never under a moratorium). Immutable.
     */
    public record Street(long fid, Geometry line, String name, String streetClass, LocalDate renewed) {
    }

    private DigConditions(CoordinationParameters params, CoordinationInput input) {
        this.params = params;
        this.streets = input.streets.stream()
                .map(s -> new Street(s.fid(), s.line(), s.name(), s.streetClass(), s.renewed())).toList();
        this.ducts = new FreeDucts(input.freeDucts);
        this.works = new JoinableWorks(params, input.sites);
        this.srsId = input.srsId;
    }

    /**
     * Reads streets, open-trench works and free ducts from a store. {@code source} names the data in
     * messages; {@code missingKey} is the message key for a store that lacks the {@code streets} layer or
     * a needed field (arguments: the source and what is missing).
     *
     * @throws CoordinationException when a layer or field is missing, a date is not a date, or the layers
     *                               are not in one projected coordinate system
     */
    public static DigConditions read(FeatureStore store, CoordinationParameters params, String source,
            String missingKey) {
        return new DigConditions(params,
                CoordinationInput.readForRoutePlanner(store, params.today(), source, missingKey));
    }

    public CoordinationParameters parameters() {
        return params;
    }

    /** Every street feature with a line geometry, in the store's order. */
    public List<Street> streets() {
        return streets;
    }

    /** The spatial reference id of the data (EPSG:25832 in our files). */
    public int srsId() {
        return srsId;
    }

    /** Whether digging the street today falls inside its moratorium after resurfacing. */
    public boolean underMoratorium(Street street) {
        return params.underMoratorium(street.renewed(), params.today());
    }

    /**
     * The stretches of {@code line} in free existing ducts (within the free-duct distance of one), as
     * sorted, disjoint intervals of distance along the line in a flat array: from0, to0, from1, to1, ...
     */
    public double[] freeDuctStretches(LineString line) {
        return ducts.stretches(new NearStretches(line));
    }

    /**
     * The stretches of {@code line} within the buffer distance of an open-trench work that a duct can
     * join (start between today + lead time and today + horizon, both inclusive), as sorted, disjoint
     * intervals of distance along the line in a flat array: from0, to0, from1, to1, ...
     */
    public double[] joinableTrenchStretches(LineString line) {
        return works.stretches(new NearStretches(line));
    }
}
