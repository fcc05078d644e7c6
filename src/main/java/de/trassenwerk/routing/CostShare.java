package de.trassenwerk.routing;

/**
 * Metres and euros of one cost class in a route's breakdown. Immutable.
 *
 * @param m   length in metres
 * @param eur cost in euros (not rounded)
 */
public record CostShare(double m, double eur) {
    /** The sum of this share and another. */
    public CostShare plus(CostShare o) {
        return new CostShare(m + o.m, eur + o.eur);
    }
}
