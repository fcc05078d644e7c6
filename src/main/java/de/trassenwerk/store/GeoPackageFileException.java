package de.trassenwerk.store;

import java.nio.file.Path;

/**
 * A file that cannot be used as a GeoPackage: missing, not SQLite, not a GeoPackage, truncated,
 * damaged or locked by another writer. Names the file; nothing has been written to it.
 */
public class GeoPackageFileException extends StoreException {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the file. Each kind has the message key {@code store.file.<kind>}. */
    public enum Kind {
        NOT_FOUND, NOT_READABLE, EXISTS, NOT_SQLITE, NOT_GEOPACKAGE, TRUNCATED, DAMAGED, LOCKED, UNWRITABLE
    }

    private final transient Path file;
    private final Kind kind;

    public GeoPackageFileException(Kind kind, Path file, Throwable cause, Object... details) {
        super("store.file." + kind.name().toLowerCase(java.util.Locale.ROOT), cause, prepend(file, details));
        this.file = file;
        this.kind = kind;
    }

    private static Object[] prepend(Path file, Object[] details) {
        Object[] all = new Object[details.length + 1];
        all[0] = file.toString();
        System.arraycopy(details, 0, all, 1, details.length);
        return all;
    }

    public Path file() {
        return file;
    }

    public Kind kind() {
        return kind;
    }
}
