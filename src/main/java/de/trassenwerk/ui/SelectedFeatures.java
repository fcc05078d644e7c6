package de.trassenwerk.ui;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which features are selected: a layer and a set of fids (sorted). Immutable; {@link #NONE} when
 * nothing is selected.
 */
public record SelectedFeatures(String layer, Set<Long> fids) {
    public static final SelectedFeatures NONE = new SelectedFeatures(null, Set.of());

    public SelectedFeatures {
        fids = java.util.Collections.unmodifiableSet(new TreeSet<>(fids));
    }

    public static SelectedFeatures of(String layer, Collection<Long> fids) {
        return fids.isEmpty() ? NONE : new SelectedFeatures(layer, new TreeSet<>(fids));
    }

    public boolean isEmpty() {
        return fids.isEmpty();
    }

    public int size() {
        return fids.size();
    }

    public boolean contains(String otherLayer, long fid) {
        return layer != null && layer.equals(otherLayer) && fids.contains(fid);
    }
}
