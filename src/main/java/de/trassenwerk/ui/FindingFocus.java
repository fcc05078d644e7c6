package de.trassenwerk.ui;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * What the map should show for a finding the user clicked: the shared or clashing section and the
 * features involved (route, site, the other site of a double dig; null where the kind has none),
 * all in the data's coordinates, and the extent that holds them all. Immutable.
 */
public record FindingFocus(String findingId, String kind, Geometry section, Geometry route, Geometry site,
        Geometry otherSite) {

    /** The extent of every geometry of the focus, widened by a tenth on each side (at least 20 m). */
    public Envelope extent() {
        Envelope e = new Envelope();
        for (Geometry g : new Geometry[] {section, route, site, otherSite}) {
            if (g != null && !g.isEmpty()) {
                e.expandToInclude(g.getEnvelopeInternal());
            }
        }
        if (!e.isNull()) {
            e.expandBy(Math.max(20, Math.max(e.getWidth(), e.getHeight()) * 0.1));
        }
        return e;
    }
}
