package de.trassenwerk.ui;

import de.trassenwerk.explore.FidFilter;
import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.store.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The selected features of the workbench, shared by the map (select tool, highlight), the attribute
 * table and the identify panel: one layer and a set of fids. Whenever it changes, the geometries of
 * the selected features are read on a worker and handed to the highlight (the map draws them), and
 * their envelope is kept for "zoom to selection".
 *
 * <p>Thread rules: FX thread only. Geometries are read through {@link BackgroundReads}; an answer for
 * a selection that has changed since is dropped.
 */
public final class Selection {
    /** At most this many selected features are drawn highlighted; all of them count for the envelope. */
    public static final int MAX_HIGHLIGHTED = 20_000;
    /** Fids per read of geometries, so that one SQL statement stays small. */
    private static final int CHUNK = 5_000;

    private final BackgroundReads reads;
    private final Consumer<List<Geometry>> highlight;
    private final ReadOnlyObjectWrapper<SelectedFeatures> selected =
            new ReadOnlyObjectWrapper<>(this, "selected", SelectedFeatures.NONE);
    private final ReadOnlyObjectWrapper<Envelope> envelope = new ReadOnlyObjectWrapper<>(this, "envelope");
    private Consumer<Envelope> pendingZoom;

    /**
     * @param highlight shows the geometries of the selection (on the FX thread), for instance
     *                  {@code map::setHighlight}
     */
    public Selection(BackgroundReads reads, Consumer<List<Geometry>> highlight) {
        this.reads = reads;
        this.highlight = highlight;
        reads.storeProperty().addListener((o, was, now) -> select(SelectedFeatures.NONE));
    }

    /** The selection now; never null. */
    public ReadOnlyObjectProperty<SelectedFeatures> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public SelectedFeatures get() {
        return selected.get();
    }

    /** The envelope of the selected features once their geometries are read; null before and when none. */
    public ReadOnlyObjectProperty<Envelope> envelopeProperty() {
        return envelope.getReadOnlyProperty();
    }

    /** Selects exactly {@code fids} of {@code layer}. */
    public void select(String layer, Collection<Long> fids) {
        select(SelectedFeatures.of(layer, fids));
    }

    /** Adds {@code fids} of {@code layer}; a selection in another layer is replaced. */
    public void add(String layer, Collection<Long> fids) {
        SelectedFeatures now = selected.get();
        Set<Long> union = new TreeSet<>(fids);
        if (layer.equals(now.layer())) {
            union.addAll(now.fids());
        }
        select(layer, union);
    }

    /** Selects {@code fid} of {@code layer} if it is not selected, and deselects it if it is. */
    public void toggle(String layer, long fid) {
        SelectedFeatures now = selected.get();
        if (now.contains(layer, fid)) {
            Set<Long> rest = new TreeSet<>(now.fids());
            rest.remove(fid);
            select(layer, rest);
        } else {
            add(layer, List.of(fid));
        }
    }

    public void clear() {
        select(SelectedFeatures.NONE);
    }

    /** Calls {@code zoom} with the selection's envelope, now or as soon as its geometries are read. */
    public void whenEnvelopeKnown(Consumer<Envelope> zoom) {
        if (selected.get().isEmpty()) {
            return;
        }
        if (envelope.get() != null) {
            zoom.accept(envelope.get());
        } else {
            pendingZoom = zoom;
        }
    }

    private void select(SelectedFeatures next) {
        if (next.equals(selected.get())) {
            return;
        }
        selected.set(next);
        envelope.set(null);
        pendingZoom = null;
        if (next.isEmpty()) {
            highlight.accept(List.of());
            return;
        }
        reads.read(store -> geometries(store, next), result -> {
            if (selected.get() != next) {
                return; // the selection changed while its geometries were read
            }
            highlight.accept(result.geometries());
            envelope.set(result.envelope().isNull() ? null : result.envelope());
            Consumer<Envelope> zoom = pendingZoom;
            pendingZoom = null;
            if (zoom != null && envelope.get() != null) {
                zoom.accept(envelope.get());
            }
        }, failure -> highlight.accept(List.of()));
    }

    /** What a worker reads for a selection: the geometries to draw and the envelope of all. */
    private record Shapes(List<Geometry> geometries, Envelope envelope) {
    }

    private static Shapes geometries(FeatureStore store, SelectedFeatures s) {
        List<Geometry> shown = new ArrayList<>();
        Envelope all = new Envelope();
        List<Long> fids = new ArrayList<>(s.fids());
        for (int i = 0; i < fids.size(); i += CHUNK) {
            Query q = Query.where(FidFilter.of(fids.subList(i, Math.min(fids.size(), i + CHUNK))))
                    .withFields(List.of(), true);
            store.read(s.layer(), q, f -> {
                if (f.geometry() != null && !f.geometry().isEmpty()) {
                    all.expandToInclude(f.geometry().getEnvelopeInternal());
                    if (shown.size() < MAX_HIGHLIGHTED) {
                        shown.add(f.geometry());
                    }
                }
            });
        }
        return new Shapes(shown, all);
    }
}
