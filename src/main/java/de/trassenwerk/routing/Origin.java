package de.trassenwerk.routing;

import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;

/** Where a route starts: a commercial site (by {@code site_no}) or any point. Immutable. */
public sealed interface Origin {
    /** What {@code planned_routes.from_ref} records: the site number, or {@code X,Y}. */
    String ref();

    /** A commercial site of {@code commercial_sites}: the route starts at the edge of its plot. */
    static Origin site(String siteNo) {
        return new Site(siteNo);
    }

    /** A point in the data's coordinate system (EPSG:25832), taken at its nearest street point. */
    static Origin point(double x, double y) {
        return new Point(new Coordinate(x, y));
    }

    /**
     * A commercial site: the route runs from the nearest street point of the plot, plus the
     * connection from there to the plot's edge (priced as trench of that street's class).
     */
    record Site(String siteNo) implements Origin {
        public Site {
            if (siteNo == null || siteNo.isBlank()) {
                throw new IllegalArgumentException("site number required");
            }
        }

        @Override
        public String ref() {
            return siteNo;
        }
    }

    /** A point, snapped to its nearest street point (the edge there is split). */
    record Point(Coordinate at) implements Origin {
        public Point {
            at = new Coordinate(at.x, at.y);
        }

        @Override
        public String ref() {
            return xy(at);
        }

        @Override
        public Coordinate at() {
            return new Coordinate(at);
        }
    }

    /** {@code X,Y} with up to two decimals and no grouping, as the CLI options take it. */
    static String xy(Coordinate c) {
        return number(c.x) + "," + number(c.y);
    }

    private static String number(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
