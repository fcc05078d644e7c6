package de.trassenwerk.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything one user action changes, written in one transaction by {@link FeatureStore#apply}:
 * all of it or nothing. Updates and deletes carry the version the feature was read at; a feature
 * changed by someone else since then makes the whole change set fail with
 * {@link EditConflictException}.
 */
public final class ChangeSet {
    /** One change of one feature. */
    public sealed interface Change {
        String layer();
    }

    public record Insert(String layer, Feature feature) implements Change {
    }

    public record Update(String layer, Feature feature) implements Change {
    }

    public record Delete(String layer, long fid, long version) implements Change {
    }

    private final List<Change> changes = new ArrayList<>();

    public ChangeSet insert(String layer, Feature feature) {
        changes.add(new Insert(layer, feature));
        return this;
    }

    public ChangeSet update(String layer, Feature feature) {
        changes.add(new Update(layer, feature));
        return this;
    }

    public ChangeSet delete(String layer, long fid, long version) {
        changes.add(new Delete(layer, fid, version));
        return this;
    }

    public List<Change> changes() {
        return List.copyOf(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
