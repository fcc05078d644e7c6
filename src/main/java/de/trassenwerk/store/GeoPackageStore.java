package de.trassenwerk.store;

import de.trassenwerk.crs.SpatialReference;
import de.trassenwerk.crs.SpatialReferences;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.sqlite.SQLiteConfig;

/**
 * A {@link FeatureStore} on a GeoPackage file, through plain JDBC on SQLite. Reads GeoPackages
 * written by anyone (GDAL, QGIS, NGA); writes files that follow the OGC GeoPackage 1.3 standard for
 * Core, Features and the R-tree spatial index extension.
 *
 * <p>Thread rules: a store may be shared by a worker pool. {@link #read} and {@link #count} run on a
 * small pool of read-only connections ({@link ReadConnectionPool}), so several threads read at once,
 * and see every change committed before their statement began. Everything else (writes, metadata,
 * layer listings) runs on the one main connection and is synchronized: writes run one after another,
 * each change set in its own transaction. Never call a store from the JavaFX thread: every method
 * does file I/O.
 *
 * <p>Files opened for writing use SQLite's write-ahead log while open and are switched back to a
 * plain rollback journal on {@link #close()}, so that a closed file is always one self-contained
 * file.
 */
public final class GeoPackageStore implements FeatureStore {
    /** {@code GPKG} as the SQLite application id. */
    public static final int APPLICATION_ID = 0x47504B47;
    /** GeoPackage 1.3.0: opens in GDAL 3.6 (QGIS 3.22 era) without a warning; 1.4 would not. */
    public static final int USER_VERSION = 10300;
    private static final int BUSY_TIMEOUT_MS = Integer.getInteger("trassenwerk.busyTimeoutMs", 2000);
    /** Read connections per store: one per core and one for the views' own threads. */
    private static final int READERS = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors() + 1));
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** How to open a file. */
    public enum Mode {
        READ_ONLY,
        /** Writes through SQLite's write-ahead log while open (the workbench's mode). */
        READ_WRITE,
        /**
         * Writes through a rollback journal and leaves the journal mode alone: until a transaction
         * commits, the file is not touched at all, so a failed or abandoned import leaves it
         * byte-for-byte as it was. Meant for one large transaction (imports), not for many small ones.
         */
        READ_WRITE_ROLLBACK_JOURNAL
    }

    private final Path file;
    private final Connection connection;
    private final boolean writable;
    private final boolean wal;
    private final ReadConnectionPool readers;
    /** The read connection the current thread holds while its read runs (for nested reads). */
    private final ThreadLocal<Connection> heldReader = new ThreadLocal<>();
    /** Layers by lower-case name, in listing order; replaced whole (never changed) so reads need no lock. */
    private volatile Map<String, LayerSchema> schemas = Map.of();
    /** Layers (lower-case name) that have an R-tree index: looked up once, not on every read. */
    private volatile java.util.Set<String> indexed = java.util.Set.of();
    /** Layer extents (by lower-case name) as of {@link #extentsVersion}, for {@link #scansWholeLayer}. */
    private final Map<String, Envelope> extents = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile long extentsVersion = -1;
    /** Counts the writes committed through this store (see {@link #dataVersion()}). */
    private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();
    private String fixedTimestamp;

    private GeoPackageStore(Path file, Connection connection, boolean writable, boolean wal) {
        this.file = file;
        this.connection = connection;
        this.writable = writable;
        this.wal = wal;
        this.readers = new ReadConnectionPool(file, READERS, BUSY_TIMEOUT_MS);
    }

    /** Opens an existing GeoPackage; nothing is written to it in {@link Mode#READ_ONLY}. */
    public static GeoPackageStore open(Path file, Mode mode) {
        checkFile(file);
        boolean writable = mode != Mode.READ_ONLY;
        Connection c = connect(file, writable);
        GeoPackageStore store = new GeoPackageStore(file, c, writable, mode == Mode.READ_WRITE);
        try {
            store.checkGeoPackage();
            if (writable) {
                store.checkWritable();
            }
            if (store.wal) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA journal_mode=WAL");
                }
            }
            store.loadSchemas();
            return store;
        } catch (SQLException e) {
            store.closeQuietly();
            throw translate(e, file);
        } catch (RuntimeException e) {
            store.closeQuietly();
            throw e;
        }
    }

    /** Creates a new, empty GeoPackage; fails when the file exists. */
    public static GeoPackageStore create(Path file) {
        if (Files.exists(file)) {
            throw new GeoPackageFileException(GeoPackageFileException.Kind.EXISTS, file, null);
        }
        Connection c = connect(file, true);
        GeoPackageStore store = new GeoPackageStore(file, c, true, true);
        try {
            store.createCoreTables();
            return store;
        } catch (SQLException e) {
            store.closeQuietly();
            throw translate(e, file);
        }
    }

    public Path file() {
        return file;
    }

    /**
     * Writes {@code last_change} timestamps as this fixed value instead of the current time, so that
     * a generator can write the same bytes for the same input. Null restores the clock.
     */
    public synchronized void useFixedTimestamp(Instant instant) {
        fixedTimestamp = instant == null ? null : TIMESTAMP.format(instant);
    }

    /**
     * Trades crash safety for speed while a new file is written that is not yet in its final place
     * (it is moved there only when complete): no journal, no sync.
     */
    public synchronized void useUnsafeFastWrites() {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA journal_mode=OFF");
            s.execute("PRAGMA synchronous=OFF");
            s.execute("PRAGMA cache_size=-262144");
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    private String now() {
        return fixedTimestamp != null ? fixedTimestamp : TIMESTAMP.format(Instant.now());
    }

    // ---------------------------------------------------------------- opening and checking

    private static void checkFile(Path file) {
        if (!Files.exists(file)) {
            throw new GeoPackageFileException(GeoPackageFileException.Kind.NOT_FOUND, file, null);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new GeoPackageFileException(GeoPackageFileException.Kind.NOT_READABLE, file, null);
        }
        byte[] header = new byte[100];
        long size;
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            read = in.readNBytes(header, 0, 100);
        } catch (IOException e) {
            throw new GeoPackageFileException(GeoPackageFileException.Kind.NOT_READABLE, file, e);
        }
        byte[] magic = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (read < 16 || !java.util.Arrays.equals(java.util.Arrays.copyOf(header, 16), magic)) {
            throw new GeoPackageFileException(GeoPackageFileException.Kind.NOT_SQLITE, file, null);
        }
        if (read < 100) {
            throw new GeoPackageFileException(GeoPackageFileException.Kind.TRUNCATED, file, null, size, 100);
        }
        ByteBuffer b = ByteBuffer.wrap(header);
        int pageSize = Short.toUnsignedInt(b.getShort(16));
        if (pageSize == 1) {
            pageSize = 65536;
        }
        long changeCounter = Integer.toUnsignedLong(b.getInt(24));
        long pages = Integer.toUnsignedLong(b.getInt(28));
        long validFor = Integer.toUnsignedLong(b.getInt(92));
        long expected = validFor == changeCounter && pages > 0 ? pages * pageSize : pageSize;
        if (pageSize < 512 || size < expected || size % pageSize != 0) {
            throw new GeoPackageFileException(GeoPackageFileException.Kind.TRUNCATED, file, null, size,
                    Math.max(expected, pageSize));
        }
    }

    private static Connection connect(Path file, boolean writable) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(!writable);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(false);
        if (writable) {
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        } else {
            config.setOpenMode(org.sqlite.SQLiteOpenMode.READONLY);
        }
        Properties p = config.toProperties();
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), p);
            GeoPackageFunctions.register(c);
            return c;
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    private void checkGeoPackage() throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT count(*) FROM sqlite_master WHERE type IN ('table','view') AND name IN "
                                + "('gpkg_contents','gpkg_spatial_ref_sys')")) {
            rs.next();
            if (rs.getInt(1) < 2) {
                throw new GeoPackageFileException(GeoPackageFileException.Kind.NOT_GEOPACKAGE, file, null);
            }
        }
    }

    private void checkWritable() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            s.execute("ROLLBACK");
        }
    }

    /** Turns an SQLite failure into the user-facing file problem it means. */
    static StoreException translate(SQLException e, Path file) {
        int code = e.getErrorCode() & 0xff;
        String msg = String.valueOf(e.getMessage());
        GeoPackageFileException.Kind kind;
        if (code == 26 || msg.contains("SQLITE_NOTADB")) {
            kind = GeoPackageFileException.Kind.NOT_SQLITE;
        } else if (code == 11 || msg.contains("SQLITE_CORRUPT")) {
            kind = GeoPackageFileException.Kind.DAMAGED;
        } else if (code == 5 || code == 6 || msg.contains("SQLITE_BUSY") || msg.contains("SQLITE_LOCKED")) {
            kind = GeoPackageFileException.Kind.LOCKED;
        } else if (code == 14 || msg.contains("SQLITE_CANTOPEN")) {
            kind = GeoPackageFileException.Kind.NOT_READABLE;
        } else if (code == 8 || msg.contains("SQLITE_READONLY")) {
            kind = GeoPackageFileException.Kind.UNWRITABLE;
        } else {
            return new StoreException("store.error.sql", e, file.toString(), msg);
        }
        return new GeoPackageFileException(kind, file, e);
    }

    // ---------------------------------------------------------------- creating

    private void createCoreTables() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA application_id = " + APPLICATION_ID);
            s.execute("PRAGMA user_version = " + USER_VERSION);
            s.execute("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, "
                    + "organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, "
                    + "definition TEXT NOT NULL, description TEXT)");
            s.execute("CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, "
                    + "identifier TEXT UNIQUE, description TEXT DEFAULT '', "
                    + "last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), "
                    + "min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER, "
                    + "CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))");
            s.execute("CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, "
                    + "geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, "
                    + "m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), "
                    + "CONSTRAINT uk_gc_table_name UNIQUE (table_name), "
                    + "CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name), "
                    + "CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))");
            s.execute("CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, "
                    + "definition TEXT NOT NULL, scope TEXT NOT NULL, "
                    + "CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))");
        }
        ensureSrs(SpatialReferences.undefinedCartesian());
        ensureSrs(SpatialReferences.undefinedGeographic());
        ensureSrs(SpatialReferences.epsg(SpatialReferences.WGS84).orElseThrow());
    }

    private void ensureSrs(SpatialReference srs) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(
                "INSERT OR IGNORE INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, "
                        + "organization_coordsys_id, definition, description) VALUES (?,?,?,?,?,?)")) {
            p.setString(1, srs.name());
            p.setInt(2, srs.srsId());
            p.setString(3, srs.organization());
            p.setInt(4, srs.organizationId());
            p.setString(5, srs.definition());
            p.setString(6, srs.description());
            p.executeUpdate();
        }
    }

    @Override
    public synchronized void createLayer(LayerSchema schema) {
        requireWritable();
        if (schemas.containsKey(schema.name().toLowerCase(Locale.ROOT))) {
            throw new StoreException("store.error.layerExists", null, schema.name(), file.toString());
        }
        try {
            connection.setAutoCommit(false);
            createTables(schema);
            connection.commit();
            remember(schema);
            writes.incrementAndGet();
        } catch (SQLException e) {
            rollbackQuietly();
            throw translate(e, file);
        } catch (RuntimeException e) {
            rollbackQuietly();
            throw e;
        } finally {
            autoCommitQuietly();
        }
    }

    /** Adds a created layer to the cached schemas (after its transaction committed). */
    private void remember(LayerSchema schema) {
        String key = schema.name().toLowerCase(Locale.ROOT);
        Map<String, LayerSchema> newSchemas = new LinkedHashMap<>(schemas);
        newSchemas.put(key, schema);
        schemas = java.util.Collections.unmodifiableMap(newSchemas); // replaced whole: reads need no lock
        if (schema.hasGeometry()) {
            java.util.Set<String> newIndexed = new java.util.HashSet<>(indexed);
            newIndexed.add(key);
            indexed = java.util.Set.copyOf(newIndexed);
        }
    }

    /** The table, its registration and its R-tree, inside the caller's transaction. */
    private void createTables(LayerSchema schema) throws SQLException {
        try (Statement s = connection.createStatement()) {
            StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(SqlValues.quote(schema.name()))
                    .append(" (").append(SqlValues.quote(schema.idColumn()))
                    .append(" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL");
            if (schema.hasGeometry()) {
                ddl.append(", ").append(SqlValues.quote(schema.geometryColumn())).append(' ')
                        .append(schema.geometryType().sqlName());
            }
            for (FieldInfo f : schema.fields()) {
                ddl.append(", ").append(SqlValues.quote(f.name())).append(' ').append(f.type().sqlName());
                if (!f.nullable()) {
                    ddl.append(" NOT NULL");
                }
            }
            if (schema.versioned()) {
                ddl.append(", ").append(SqlValues.quote(LayerSchema.VERSION)).append(" INTEGER NOT NULL DEFAULT 1");
            }
            ddl.append(')');
            s.execute(ddl.toString());
        }
        if (schema.hasGeometry()) {
            SpatialReference srs = SpatialReferences.epsg(schema.srsId()).orElseThrow(
                    () -> new StoreException("store.error.unknownCrs", null, "EPSG:" + schema.srsId()));
            ensureSrs(srs);
        }
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO gpkg_contents (table_name, data_type, "
                + "identifier, description, last_change, srs_id) VALUES (?,?,?,?,?,?)")) {
            p.setString(1, schema.name());
            p.setString(2, schema.hasGeometry() ? "features" : "attributes");
            p.setString(3, schema.name());
            p.setString(4, "");
            p.setString(5, now());
            if (schema.hasGeometry()) {
                p.setInt(6, schema.srsId());
            } else {
                p.setObject(6, null);
            }
            p.executeUpdate();
        }
        if (schema.hasGeometry()) {
            try (PreparedStatement p = connection.prepareStatement("INSERT INTO gpkg_geometry_columns "
                    + "(table_name, column_name, geometry_type_name, srs_id, z, m) VALUES (?,?,?,?,?,?)")) {
                p.setString(1, schema.name());
                p.setString(2, schema.geometryColumn());
                p.setString(3, schema.geometryType().sqlName());
                p.setInt(4, schema.srsId());
                p.setInt(5, schema.hasZ() ? 1 : 0);
                p.setInt(6, schema.hasM() ? 1 : 0);
                p.executeUpdate();
            }
            RTreeIndex.create(connection, schema);
        }
    }

    /** Removes a layer's table, R-tree and registration, inside the caller's transaction. */
    private void dropTables(LayerSchema schema) throws SQLException {
        try (Statement s = connection.createStatement()) {
            if (RTreeIndex.exists(connection, schema)) {
                s.execute("DROP TABLE " + SqlValues.quote(RTreeIndex.tableName(schema)));
            }
            s.execute("DROP TABLE " + SqlValues.quote(schema.name()));
        }
        for (String table : new String[] {"gpkg_extensions", "gpkg_geometry_columns", "gpkg_contents"}) {
            try (PreparedStatement p = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE lower(table_name) = lower(?)")) {
                p.setString(1, schema.name());
                p.executeUpdate();
            }
        }
    }

    // ---------------------------------------------------------------- schemas

    private void loadSchemas() throws SQLException {
        Map<String, LayerSchema> newSchemas = new LinkedHashMap<>();
        java.util.Set<String> newIndexed = new java.util.HashSet<>();
        List<String[]> contents = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT c.table_name, c.data_type, g.column_name, g.geometry_type_name, "
                        + "g.srs_id, g.z, g.m FROM gpkg_contents c LEFT JOIN gpkg_geometry_columns g "
                        + "ON lower(g.table_name) = lower(c.table_name) "
                        + "WHERE c.data_type IN ('features','attributes') ORDER BY c.rowid")) {
            while (rs.next()) {
                contents.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getString(7)});
            }
        }
        for (String[] row : contents) {
            LayerSchema schema = readSchema(row);
            if (schema != null) {
                newSchemas.put(schema.name().toLowerCase(Locale.ROOT), schema);
                if (RTreeIndex.exists(connection, schema)) {
                    newIndexed.add(schema.name().toLowerCase(Locale.ROOT));
                }
            }
        }
        schemas = java.util.Collections.unmodifiableMap(newSchemas);
        indexed = java.util.Set.copyOf(newIndexed);
    }

    private LayerSchema readSchema(String[] row) throws SQLException {
        String table = row[0];
        String geomColumn = "features".equals(row[1]) ? row[2] : null;
        String idColumn = null;
        List<FieldInfo> fields = new ArrayList<>();
        boolean versioned = false;
        boolean found = false;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA table_info(" + SqlValues.quote(table) + ")")) {
            while (rs.next()) {
                found = true;
                String name = rs.getString("name");
                String type = rs.getString("type");
                boolean pk = rs.getInt("pk") > 0;
                if (pk && idColumn == null && FieldType.fromDeclared(type) == FieldType.INTEGER) {
                    idColumn = name;
                } else if (geomColumn != null && name.equalsIgnoreCase(geomColumn)) {
                    geomColumn = name;
                } else if (name.equalsIgnoreCase(LayerSchema.VERSION) && FieldType.fromDeclared(type) == FieldType.INTEGER) {
                    versioned = true;
                } else {
                    fields.add(new FieldInfo(name, FieldType.fromDeclared(type), rs.getInt("notnull") == 0));
                }
            }
        }
        if (!found) {
            return null; // listed in gpkg_contents, but no such table: validate reports it
        }
        if (idColumn == null) {
            idColumn = "rowid";
        }
        GeometryType type = GeometryType.GEOMETRY;
        int srs = 0;
        boolean z = false;
        boolean m = false;
        if (geomColumn != null) {
            try {
                type = GeometryType.parse(row[3]);
            } catch (IllegalArgumentException e) {
                type = GeometryType.GEOMETRY;
            }
            srs = row[4] == null ? 0 : Integer.parseInt(row[4]);
            z = "1".equals(row[5]) || "2".equals(row[5]);
            m = "1".equals(row[6]) || "2".equals(row[6]);
        }
        return new LayerSchema(table, idColumn, geomColumn, type, srs, z, m, fields, versioned);
    }

    private boolean hasIndex(LayerSchema s) {
        return indexed.contains(s.name().toLowerCase(Locale.ROOT));
    }

    @Override
    public LayerSchema schema(String layer) {
        LayerSchema s = schemas.get(layer.toLowerCase(Locale.ROOT));
        if (s == null) {
            throw new StoreException("store.error.unknownLayer", null, layer, file.toString());
        }
        return s;
    }

    public boolean hasLayer(String layer) {
        return schemas.containsKey(layer.toLowerCase(Locale.ROOT));
    }

    @Override
    public synchronized List<LayerInfo> layers() {
        List<LayerInfo> out = new ArrayList<>();
        for (LayerSchema s : schemas.values()) {
            out.add(layerInfo(s));
        }
        return out;
    }

    @Override
    public synchronized LayerInfo layerInfo(String layer) {
        return layerInfo(schema(layer));
    }

    private LayerInfo layerInfo(LayerSchema s) {
        try {
            long count;
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM " + SqlValues.quote(s.name()))) {
                rs.next();
                count = rs.getLong(1);
            }
            String crs = null;
            Envelope extent = null;
            if (s.hasGeometry()) {
                crs = crsCode(s.srsId());
                extent = count == 0 ? null : extent(s);
            }
            return new LayerInfo(s, crs, count, extent);
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    private String crsCode(int srsId) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT organization, organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = ?")) {
            p.setInt(1, srsId);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next() || "NONE".equalsIgnoreCase(rs.getString(1)) || rs.getInt(2) <= 0) {
                    return null;
                }
                return rs.getString(1).toUpperCase(Locale.ROOT) + ":" + rs.getInt(2);
            }
        }
    }

    /**
     * The extent: from gpkg_contents when it is filled in (exact; GDAL and this store keep it up to
     * date), else from the R-tree (single-precision, rounded outwards), else from the geometries.
     */
    private Envelope extent(LayerSchema s) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents "
                + "WHERE lower(table_name) = lower(?)")) {
            p.setString(1, s.name());
            try (ResultSet rs = p.executeQuery()) {
                if (rs.next() && rs.getObject(1) != null && rs.getObject(2) != null && rs.getObject(3) != null
                        && rs.getObject(4) != null) {
                    return new Envelope(rs.getDouble(1), rs.getDouble(3), rs.getDouble(2), rs.getDouble(4));
                }
            }
        }
        if (hasIndex(s)) {
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery("SELECT min(minx), min(miny), max(maxx), max(maxy) FROM "
                            + SqlValues.quote(RTreeIndex.tableName(s)))) {
                if (rs.next() && rs.getObject(1) != null) {
                    return new Envelope(rs.getDouble(1), rs.getDouble(3), rs.getDouble(2), rs.getDouble(4));
                }
                return null;
            }
        }
        Envelope e = new Envelope();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + SqlValues.quote(s.geometryColumn()) + " FROM "
                        + SqlValues.quote(s.name()))) {
            while (rs.next()) {
                byte[] blob = rs.getBytes(1);
                if (blob != null) {
                    try {
                        Envelope g = GeoPackageGeometry.envelope(blob);
                        if (g != null) {
                            e.expandToInclude(g);
                        }
                    } catch (IllegalArgumentException bad) {
                        // unreadable geometries are reported by validate, not here
                    }
                }
            }
        }
        return e.isNull() ? null : e;
    }

    // ---------------------------------------------------------------- reading

    @Override
    public void read(String layer, Query query, Consumer<Feature> sink) {
        LayerSchema s = schema(layer);
        List<FieldInfo> fields = selectedFields(s, query);
        List<Object> params = new ArrayList<>();
        boolean geometry = s.hasGeometry() && query.withGeometry();
        boolean scan = geometry && scansWholeLayer(s, query);
        String sql = selectSql(s, query, fields, geometry, s.versioned(), !scan, params);
        Envelope bbox = query.bbox();
        boolean filterInJava = bbox != null && (!hasIndex(s) || scan);
        withReader(c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                bind(p, params);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        int col = 1;
                        long fid = rs.getLong(col++);
                        Geometry g = null;
                        if (geometry) {
                            byte[] blob = rs.getBytes(col++);
                            g = decode(blob, s, fid);
                            if (filterInJava && (g == null || !bbox.intersects(g.getEnvelopeInternal()))) {
                                continue;
                            }
                        }
                        Map<String, Object> attrs = new LinkedHashMap<>();
                        for (FieldInfo f : fields) {
                            attrs.put(f.name(), SqlValues.fromSql(rs.getObject(col++), f.type()));
                        }
                        long version = s.versioned() ? rs.getLong(col) : 0;
                        sink.accept(new Feature(fid, g, attrs, version));
                    }
                }
            }
            return null;
        });
    }

    /**
     * Reads rows for drawing, without building features: the geometry stays in its GeoPackage
     * encoding and the values are those of {@code query.fields()} (all fields when null), in order.
     */
    @Override
    public void readEncoded(String layer, Query query, EncodedSink sink) {
        LayerSchema s = schema(layer);
        List<FieldInfo> fields = selectedFields(s, query);
        List<Object> params = new ArrayList<>();
        boolean geometry = s.hasGeometry() && query.withGeometry();
        boolean scan = geometry && scansWholeLayer(s, query);
        String sql = selectSql(s, query, fields, geometry, false, !scan, params);
        Envelope bbox = query.bbox();
        boolean filterInJava = bbox != null && geometry && (!hasIndex(s) || scan);
        int n = fields.size();
        boolean[] textual = new boolean[n]; // read as text at once: one call instead of two
        for (int i = 0; i < n; i++) {
            FieldType t = fields.get(i).type();
            textual[i] = t == FieldType.TEXT || t == FieldType.DATE || t == FieldType.DATETIME;
        }
        withReader(c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                bind(p, params);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        long fid = rs.getLong(1);
                        byte[] blob = geometry ? rs.getBytes(2) : null;
                        if (filterInJava && !meets(blob, bbox, s, fid)) {
                            continue;
                        }
                        int col = geometry ? 3 : 2;
                        Object[] values = new Object[n];
                        for (int i = 0; i < n; i++) {
                            values[i] = textual[i] ? rs.getString(col + i)
                                    : SqlValues.fromSql(rs.getObject(col + i), fields.get(i).type());
                        }
                        sink.accept(fid, blob, values);
                    }
                }
            }
            return null;
        });
    }

    /**
     * Whether a bounding-box read should scan the table instead of asking the R-tree: when the box
     * covers the whole layer, a plain scan (with the box checked on each geometry's envelope) is
     * about twice as fast. Not with paging, whose limits SQL must count.
     */
    private boolean scansWholeLayer(LayerSchema s, Query query) {
        if (query.bbox() == null || !hasIndex(s) || query.limit() > 0 || query.offset() > 0) {
            return false;
        }
        long version = writes.get();
        if (version != extentsVersion) {
            extents.clear(); // a stale extent only costs speed: every row is checked either way
            extentsVersion = version;
        }
        Envelope e = extents.computeIfAbsent(s.name().toLowerCase(Locale.ROOT), k -> layerExtent(s));
        return !e.isNull() && query.bbox().covers(e);
    }

    private synchronized Envelope layerExtent(LayerSchema s) {
        try {
            Envelope e = extent(s);
            return e == null ? new Envelope() : e;
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    /** Whether an encoded geometry's envelope meets {@code bbox} (a layer without a spatial index). */
    private static boolean meets(byte[] blob, Envelope bbox, LayerSchema s, long fid) {
        if (blob == null) {
            return false;
        }
        try {
            Envelope e = GeoPackageGeometry.envelope(blob);
            return e != null && bbox.intersects(e);
        } catch (IllegalArgumentException e) {
            throw new StoreException("store.error.badGeometry", e, s.name(), fid, e.getMessage());
        }
    }

    /** The SELECT statement of a read: id, geometry if asked for, the fields, the version if asked for. */
    private String selectSql(LayerSchema s, Query query, List<FieldInfo> fields, boolean geometry, boolean version,
            boolean useIndex, List<Object> params) {
        StringBuilder sql = new StringBuilder("SELECT t.").append(SqlValues.quote(s.idColumn()));
        if (geometry) {
            sql.append(", t.").append(SqlValues.quote(s.geometryColumn()));
        }
        for (FieldInfo f : fields) {
            sql.append(", t.").append(SqlValues.quote(f.name()));
        }
        if (version) {
            sql.append(", t.").append(SqlValues.quote(LayerSchema.VERSION));
        }
        appendFromWhere(s, query, sql, params, useIndex);
        if (query.orderBy() != null) {
            String col = query.orderBy().equalsIgnoreCase(LayerSchema.FID) ? s.idColumn()
                    : s.field(query.orderBy()).orElseThrow(() -> new StoreException("store.error.unknownField",
                            null, query.orderBy(), s.name())).name();
            sql.append(" ORDER BY t.").append(SqlValues.quote(col)).append(query.ascending() ? " ASC" : " DESC");
            if (!col.equals(s.idColumn())) {
                sql.append(", t.").append(SqlValues.quote(s.idColumn()));
            }
        }
        if (query.limit() > 0 || query.offset() > 0) {
            sql.append(" LIMIT ").append(query.limit() > 0 ? query.limit() : -1).append(" OFFSET ").append(query.offset());
        }
        return sql.toString();
    }

    /**
     * Runs {@code work} on a read connection: the one this thread already holds (a read nested in a
     * read's sink), else one borrowed from the pool for the duration.
     */
    private <T> T withReader(SqlFunction<Connection, T> work) {
        Connection held = heldReader.get();
        try {
            if (held != null) {
                return work.apply(held);
            }
            Connection c = readers.borrow();
            heldReader.set(c);
            try {
                return work.apply(c);
            } finally {
                heldReader.remove();
                readers.giveBack(c);
            }
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    private Geometry decode(byte[] blob, LayerSchema s, long fid) {
        try {
            return GeoPackageGeometry.decode(blob);
        } catch (IllegalArgumentException e) {
            throw new StoreException("store.error.badGeometry", e, s.name(), fid, e.getMessage());
        }
    }

    private static List<FieldInfo> selectedFields(LayerSchema s, Query query) {
        if (query.fields() == null) {
            return s.fields();
        }
        List<FieldInfo> out = new ArrayList<>();
        for (String name : query.fields()) {
            out.add(s.field(name).orElseThrow(() -> new StoreException("store.error.unknownField", null, name,
                    s.name())));
        }
        return out;
    }

    private void appendFromWhere(LayerSchema s, Query query, StringBuilder sql, List<Object> params,
            boolean useIndex) {
        sql.append(" FROM ").append(SqlValues.quote(s.name())).append(" t");
        sql.append(" WHERE ");
        if (useIndex && query.bbox() != null && s.hasGeometry() && hasIndex(s)) {
            Envelope b = query.bbox();
            sql.append("t.").append(SqlValues.quote(s.idColumn())).append(" IN (SELECT id FROM ")
                    .append(SqlValues.quote(RTreeIndex.tableName(s)))
                    .append(" WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?) AND ");
            params.add(b.getMaxX());
            params.add(b.getMinX());
            params.add(b.getMaxY());
            params.add(b.getMinY());
        }
        query.filter().appendSql(s, sql, params);
    }

    private static void bind(PreparedStatement p, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            p.setObject(i + 1, params.get(i));
        }
    }

    @Override
    public long count(String layer, Query query) {
        LayerSchema s = schema(layer);
        if (query.bbox() != null && !hasIndex(s)) {
            long[] n = {0};
            read(layer, query.page(0, 0).withFields(List.of(), true), f -> n[0]++);
            return n[0];
        }
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT count(*)");
        appendFromWhere(s, query, sql, params, true);
        return withReader(c -> {
            try (PreparedStatement p = c.prepareStatement(sql.toString())) {
                bind(p, params);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    // ---------------------------------------------------------------- writing

    @Override
    public synchronized List<Long> apply(ChangeSet changes) {
        requireWritable();
        List<Long> inserted = new ArrayList<>();
        Map<String, Envelope> grown = new LinkedHashMap<>();
        try {
            connection.setAutoCommit(false);
            for (ChangeSet.Change change : changes.changes()) {
                LayerSchema s = schema(change.layer());
                if (change instanceof ChangeSet.Insert ins) {
                    inserted.add(insert(s, ins.feature()));
                    grow(grown, s, ins.feature().geometry());
                } else if (change instanceof ChangeSet.Update up) {
                    update(s, up.feature());
                    grow(grown, s, up.feature().geometry());
                } else if (change instanceof ChangeSet.Delete del) {
                    delete(s, del.fid(), del.version());
                }
            }
            for (ChangeSet.Change change : changes.changes()) {
                grown.putIfAbsent(schema(change.layer()).name(), null);
            }
            for (Map.Entry<String, Envelope> e : grown.entrySet()) {
                touchContents(e.getKey(), e.getValue());
            }
            connection.commit();
            writes.incrementAndGet();
            return inserted;
        } catch (SQLException e) {
            rollbackQuietly();
            throw translate(e, file);
        } catch (RuntimeException e) {
            rollbackQuietly();
            throw e;
        } finally {
            autoCommitQuietly();
        }
    }

    private static void grow(Map<String, Envelope> grown, LayerSchema s, Geometry g) {
        if (g != null && !g.isEmpty()) {
            grown.computeIfAbsent(s.name(), k -> new Envelope()).expandToInclude(g.getEnvelopeInternal());
        }
    }

    private long insert(LayerSchema s, Feature f) throws SQLException {
        List<String> cols = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (f.fid() > 0) {
            cols.add(s.idColumn());
            values.add(f.fid());
        }
        if (s.hasGeometry()) {
            cols.add(s.geometryColumn());
            values.add(encode(s, f.geometry()));
        }
        for (Map.Entry<String, Object> a : f.attributes().entrySet()) {
            FieldInfo field = s.field(a.getKey()).orElseThrow(() -> new StoreException("store.error.unknownField",
                    null, a.getKey(), s.name()));
            cols.add(field.name());
            values.add(SqlValues.toSql(a.getValue()));
        }
        if (s.versioned()) {
            cols.add(LayerSchema.VERSION);
            values.add(1L);
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(SqlValues.quote(s.name())).append(" (");
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < cols.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(SqlValues.quote(cols.get(i)));
            marks.append(i == 0 ? "?" : ", ?");
        }
        sql.append(") VALUES (").append(marks).append(')');
        try (PreparedStatement p = connection.prepareStatement(sql.toString())) {
            bind(p, values);
            p.executeUpdate();
        }
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void update(LayerSchema s, Feature f) throws SQLException {
        StringBuilder sql = new StringBuilder("UPDATE ").append(SqlValues.quote(s.name())).append(" SET ");
        List<Object> values = new ArrayList<>();
        List<String> sets = new ArrayList<>();
        if (s.hasGeometry()) {
            sets.add(SqlValues.quote(s.geometryColumn()) + " = ?");
            values.add(encode(s, f.geometry()));
        }
        for (Map.Entry<String, Object> a : f.attributes().entrySet()) {
            FieldInfo field = s.field(a.getKey()).orElseThrow(() -> new StoreException("store.error.unknownField",
                    null, a.getKey(), s.name()));
            sets.add(SqlValues.quote(field.name()) + " = ?");
            values.add(SqlValues.toSql(a.getValue()));
        }
        if (s.versioned()) {
            sets.add(SqlValues.quote(LayerSchema.VERSION) + " = " + SqlValues.quote(LayerSchema.VERSION) + " + 1");
        }
        sql.append(String.join(", ", sets)).append(" WHERE ").append(SqlValues.quote(s.idColumn())).append(" = ?");
        values.add(f.fid());
        if (s.versioned()) {
            sql.append(" AND ").append(SqlValues.quote(LayerSchema.VERSION)).append(" = ?");
            values.add(f.version());
        }
        try (PreparedStatement p = connection.prepareStatement(sql.toString())) {
            bind(p, values);
            if (p.executeUpdate() != 1) {
                throw new EditConflictException(s.name(), f.fid());
            }
        }
    }

    private void delete(LayerSchema s, long fid, long version) throws SQLException {
        StringBuilder sql = new StringBuilder("DELETE FROM ").append(SqlValues.quote(s.name())).append(" WHERE ")
                .append(SqlValues.quote(s.idColumn())).append(" = ?");
        if (s.versioned()) {
            sql.append(" AND ").append(SqlValues.quote(LayerSchema.VERSION)).append(" = ?");
        }
        try (PreparedStatement p = connection.prepareStatement(sql.toString())) {
            p.setLong(1, fid);
            if (s.versioned()) {
                p.setLong(2, version);
            }
            if (p.executeUpdate() != 1) {
                throw new EditConflictException(s.name(), fid);
            }
        }
    }

    byte[] encode(LayerSchema s, Geometry g) {
        if (g == null) {
            return null;
        }
        if (!s.geometryType().accepts(GeometryType.of(g))) {
            throw new StoreException("store.error.geometryType", null, s.name(), GeometryType.of(g),
                    s.geometryType());
        }
        return GeoPackageGeometry.encode(g, s.srsId());
    }

    /** Sets {@code last_change} and widens the layer's extent in gpkg_contents. */
    private void touchContents(String table, Envelope grownBy) throws SQLException {
        String sql = grownBy == null
                ? "UPDATE gpkg_contents SET last_change = ?1 WHERE lower(table_name) = lower(?2)"
                : "UPDATE gpkg_contents SET last_change = ?1, "
                        + "min_x = min(coalesce(min_x, ?3), ?3), min_y = min(coalesce(min_y, ?4), ?4), "
                        + "max_x = max(coalesce(max_x, ?5), ?5), max_y = max(coalesce(max_y, ?6), ?6) "
                        + "WHERE lower(table_name) = lower(?2)";
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            bind(p, grownBy == null ? List.of(now(), table)
                    : List.of(now(), table, grownBy.getMinX(), grownBy.getMinY(), grownBy.getMaxX(), grownBy.getMaxY()));
            p.executeUpdate();
        }
    }

    /**
     * A loader for many new features into one layer, much faster than {@link #apply}: rows are
     * inserted in batches with the R-tree triggers removed, and the index is built afterwards in one
     * pass. All of it is one transaction: {@link BulkLoader#finish()} commits, {@link BulkLoader#abort()}
     * (or an exception) leaves the file as it was.
     */
    public synchronized BulkLoader bulkLoader(String layer) {
        requireWritable();
        return new BulkLoader(this, connection, schema(layer));
    }

    /**
     * A loader into a new layer that is created inside the loader's transaction: when the load is
     * aborted the layer never existed. With {@code replace}, an existing layer of that name is
     * dropped in the same transaction (and is still there, untouched, when the load is aborted).
     */
    public synchronized BulkLoader bulkLoader(LayerSchema schema, boolean replace) {
        requireWritable();
        String key = schema.name().toLowerCase(Locale.ROOT);
        if (!replace && schemas.containsKey(key)) {
            throw new StoreException("store.error.layerExists", null, schema.name(), file.toString());
        }
        try {
            connection.setAutoCommit(false);
            if (replace && schemas.containsKey(key)) {
                dropTables(schemas.get(key));
            }
            createTables(schema);
        } catch (SQLException e) {
            rollbackQuietly();
            autoCommitQuietly();
            throw translate(e, file);
        } catch (RuntimeException e) {
            rollbackQuietly();
            autoCommitQuietly();
            throw e;
        }
        return new BulkLoader(this, connection, schema);
    }

    void finishBulk(LayerSchema s, Envelope extent) throws SQLException {
        touchContents(s.name(), extent.isNull() ? null : extent);
    }

    /** After a bulk load committed: the layer it created or replaced is now the cached schema. */
    synchronized void bulkCommitted(LayerSchema s, boolean hasIndex) {
        String key = s.name().toLowerCase(Locale.ROOT);
        Map<String, LayerSchema> newSchemas = new LinkedHashMap<>(schemas);
        newSchemas.put(key, s);
        schemas = java.util.Collections.unmodifiableMap(newSchemas);
        java.util.Set<String> newIndexed = new java.util.HashSet<>(indexed);
        if (hasIndex) {
            newIndexed.add(key);
        } else {
            newIndexed.remove(key);
        }
        indexed = java.util.Set.copyOf(newIndexed);
        writes.incrementAndGet();
    }

    /**
     * Counts the writes committed through this store object (change sets, bulk loads, new layers,
     * metadata): it grows with each of them, so that a cache of anything read from the store can tell
     * whether it is still current. Writes by other programs or other store objects on the same file
     * are not counted. Cheap; any thread.
     */
    @Override
    public java.util.OptionalLong dataVersion() {
        return java.util.OptionalLong.of(writes.get());
    }

    /**
     * Takes note that the file was written through another connection (another store object on the same
     * file, as panels that save through their own connection do, or another program): reads the list of
     * layers again and counts as a write, so that {@link #dataVersion()} grows and what was cached of
     * this store's data (map images, overviews, extents) is read anew. Blocks on the file; never call it
     * on the JavaFX thread.
     */
    public synchronized void refresh() {
        try {
            loadSchemas();
            writes.incrementAndGet();
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    // ---------------------------------------------------------------- metadata

    @Override
    public synchronized Map<String, String> metadata() {
        try {
            return DatasetMetadata.read(connection);
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    /** Writes dataset-level metadata in GDAL's form, so that {@code ogrinfo} and QGIS show it too. */
    public synchronized void writeMetadata(Map<String, String> values) {
        requireWritable();
        try {
            connection.setAutoCommit(false);
            DatasetMetadata.write(connection, values, now());
            connection.commit();
            writes.incrementAndGet();
        } catch (SQLException e) {
            rollbackQuietly();
            throw translate(e, file);
        } finally {
            autoCommitQuietly();
        }
    }

    /** Runs read-only SQL, for the validator and tests. */
    synchronized <T> T query(String sql, SqlFunction<ResultSet, T> reader) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return reader.apply(rs);
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    /** A function over a JDBC value that may throw SQLException. */
    @FunctionalInterface
    interface SqlFunction<A, B> {
        B apply(A a) throws SQLException;
    }

    // ---------------------------------------------------------------- closing

    private void requireWritable() {
        if (!writable) {
            throw new GeoPackageFileException(GeoPackageFileException.Kind.UNWRITABLE, file, null);
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is what the user needs to hear about
        }
    }

    private void autoCommitQuietly() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // next use reports the connection's state
        }
    }

    private void closeQuietly() {
        readers.close();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing to save
        }
    }

    @Override
    public synchronized void close() {
        readers.close();
        try {
            if (wal && !connection.isClosed()) {
                try (Statement s = connection.createStatement()) {
                    s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                    s.execute("PRAGMA journal_mode=DELETE");
                } catch (SQLException busy) {
                    // another connection still has the file open in WAL mode: it stays in WAL
                }
            }
            connection.close();
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }
}
