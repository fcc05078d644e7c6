package de.trassenwerk.store;

import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * Which features to read: those whose envelope meets {@code bbox} (through the R-tree; null for
 * all), that pass {@code filter}, optionally ordered by one field, paged by {@code limit} and
 * {@code offset} (limit 0 = all), with only the named {@code fields} (null = all fields; the
 * geometry is read unless {@code withGeometry} is false).
 */
public record Query(Envelope bbox, AttributeFilter filter, List<String> fields, boolean withGeometry,
        String orderBy, boolean ascending, long limit, long offset) {

    public static final Query ALL = new Query(null, AttributeFilter.ALL, null, true, null, true, 0, 0);

    public Query {
        filter = filter == null ? AttributeFilter.ALL : filter;
        fields = fields == null ? null : List.copyOf(fields);
    }

    public static Query bbox(Envelope bbox) {
        return ALL.withBbox(bbox);
    }

    public static Query where(AttributeFilter filter) {
        return ALL.withFilter(filter);
    }

    public Query withBbox(Envelope b) {
        return new Query(b, filter, fields, withGeometry, orderBy, ascending, limit, offset);
    }

    public Query withFilter(AttributeFilter f) {
        return new Query(bbox, f, fields, withGeometry, orderBy, ascending, limit, offset);
    }

    public Query withFields(List<String> f, boolean geometry) {
        return new Query(bbox, filter, f, geometry, orderBy, ascending, limit, offset);
    }

    public Query orderedBy(String field, boolean asc) {
        return new Query(bbox, filter, fields, withGeometry, field, asc, limit, offset);
    }

    public Query page(long newOffset, long newLimit) {
        return new Query(bbox, filter, fields, withGeometry, orderBy, ascending, newLimit, newOffset);
    }
}
