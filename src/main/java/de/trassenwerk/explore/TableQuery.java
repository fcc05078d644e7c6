package de.trassenwerk.explore;

import de.trassenwerk.store.AttributeFilter;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.Query;
import java.util.ArrayList;
import java.util.List;

/**
 * One layer seen as a table: the rows that pass {@code filter}, sorted by one column
 * ({@code orderBy}; the fid when null) and then by fid, read in pages. Every method is one or two
 * SQL statements; nothing reads the whole layer. Row positions count from 0 in this order.
 *
 * <p>Thread rules: immutable; the methods read the store on the calling thread (never the JavaFX
 * thread).
 */
public record TableQuery(String layer, AttributeFilter filter, String orderBy, boolean ascending) {

    public TableQuery {
        filter = filter == null ? AttributeFilter.ALL : filter;
        orderBy = orderBy == null ? LayerSchema.FID : orderBy;
    }

    /** All rows of {@code layer} by fid. */
    public static TableQuery of(String layer) {
        return new TableQuery(layer, AttributeFilter.ALL, LayerSchema.FID, true);
    }

    public TableQuery withFilter(AttributeFilter f) {
        return new TableQuery(layer, f, orderBy, ascending);
    }

    public TableQuery sortedBy(String field, boolean asc) {
        return new TableQuery(layer, filter, field, asc);
    }

    /** How many rows pass the filter. */
    public long count(FeatureStore store) {
        return store.count(layer, Query.where(filter));
    }

    /** The attributes (no geometry) of the rows from {@code offset}, at most {@code limit} of them. */
    public List<Feature> page(FeatureStore store, long offset, int limit) {
        return store.read(layer, ordered().withFields(null, false).page(offset, limit));
    }

    /** The fids of the rows from {@code offset}, at most {@code limit} of them. */
    public List<Long> fids(FeatureStore store, long offset, long limit) {
        List<Long> out = new ArrayList<>();
        store.read(layer, ordered().withFields(List.of(), false).page(offset, limit), f -> out.add(f.fid()));
        return out;
    }

    /**
     * The position of feature {@code fid} in this order, or -1 when it does not pass the filter (or
     * does not exist): the number of rows that pass the filter and sort before it.
     */
    public long positionOf(FeatureStore store, long fid) {
        AttributeFilter isIt = AttributeFilter.eq(LayerSchema.FID, fid);
        boolean byFid = orderBy.equalsIgnoreCase(LayerSchema.FID);
        List<Feature> it = store.read(layer, Query.where(AttributeFilter.and(filter, isIt))
                .withFields(byFid ? List.of() : List.of(orderBy), false));
        if (it.isEmpty()) {
            return -1;
        }
        AttributeFilter before = byFid
                ? AttributeFilter.compare(LayerSchema.FID, ascending ? AttributeFilter.Op.LT : AttributeFilter.Op.GT, fid)
                : sortsBefore(it.get(0).get(orderBy), fid);
        return store.count(layer, Query.where(AttributeFilter.and(filter, before)));
    }

    /**
     * Rows before a row with sort value {@code v} and id {@code fid}, as SQLite orders them: empty
     * values first when ascending and last when descending, ties broken by ascending fid.
     */
    private AttributeFilter sortsBefore(Object v, long fid) {
        AttributeFilter isNull = new AttributeFilter.IsNull(orderBy);
        AttributeFilter lowerFid = AttributeFilter.compare(LayerSchema.FID, AttributeFilter.Op.LT, fid);
        if (v == null) {
            return ascending ? AttributeFilter.and(isNull, lowerFid)
                    : AttributeFilter.or(new AttributeFilter.Not(isNull), AttributeFilter.and(isNull, lowerFid));
        }
        AttributeFilter tie = AttributeFilter.and(AttributeFilter.eq(orderBy, v), lowerFid);
        return ascending
                ? AttributeFilter.or(isNull, AttributeFilter.compare(orderBy, AttributeFilter.Op.LT, v), tie)
                : AttributeFilter.or(AttributeFilter.compare(orderBy, AttributeFilter.Op.GT, v), tie);
    }

    private Query ordered() {
        return Query.where(filter).orderedBy(orderBy, ascending);
    }
}
