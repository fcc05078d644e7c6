package de.trassenwerk.store;

/**
 * An update or delete of a feature that someone else changed (or deleted) since it was read: its
 * {@code version} no longer matches. Nothing of the change set was written.
 */
public class EditConflictException extends StoreException {
    private static final long serialVersionUID = 1L;
    private final String layer;
    private final long fid;

    public EditConflictException(String layer, long fid) {
        super("store.error.conflict", null, layer, fid);
        this.layer = layer;
        this.fid = fid;
    }

    public String layer() {
        return layer;
    }

    public long fid() {
        return fid;
    }
}
