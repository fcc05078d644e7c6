package de.trassenwerk.explore;

import de.trassenwerk.store.AttributeFilter;
import de.trassenwerk.store.LayerSchema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * A filter that matches a set of feature ids. Consecutive ids become one {@code BETWEEN}, and the
 * terms are nested in groups so that SQLite's expression depth limit (1 000) is never reached,
 * whatever the size of the set. Stateless; any thread.
 */
public final class FidFilter {
    /** Terms per OR group: the depth of the expression stays about GROUP + size / GROUP. */
    private static final int GROUP = 64;

    private FidFilter() {
    }

    /** Matches exactly the given fids; matches nothing for an empty set. */
    public static AttributeFilter of(Collection<Long> fids) {
        List<AttributeFilter> terms = new ArrayList<>();
        TreeSet<Long> sorted = new TreeSet<>(fids);
        Long runStart = null;
        long previous = 0;
        for (long fid : sorted) {
            if (runStart != null && fid == previous + 1) {
                previous = fid;
                continue;
            }
            if (runStart != null) {
                terms.add(term(runStart, previous));
            }
            runStart = fid;
            previous = fid;
        }
        if (runStart != null) {
            terms.add(term(runStart, previous));
        }
        return nest(terms);
    }

    private static AttributeFilter term(long from, long to) {
        return from == to ? AttributeFilter.eq(LayerSchema.FID, from)
                : new AttributeFilter.Between(LayerSchema.FID, from, to);
    }

    private static AttributeFilter nest(List<AttributeFilter> terms) {
        if (terms.size() <= GROUP) {
            return terms.size() == 1 ? terms.get(0) : new AttributeFilter.Or(terms);
        }
        List<AttributeFilter> groups = new ArrayList<>();
        for (int i = 0; i < terms.size(); i += GROUP) {
            groups.add(nest(terms.subList(i, Math.min(terms.size(), i + GROUP))));
        }
        return nest(groups);
    }
}
