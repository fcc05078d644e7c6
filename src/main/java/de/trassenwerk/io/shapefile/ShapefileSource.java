package de.trassenwerk.io.shapefile;

import de.trassenwerk.crs.CrsException;
import de.trassenwerk.crs.WktCrsMatcher;
import de.trassenwerk.io.FeatureCursor;
import de.trassenwerk.io.FeatureSource;
import de.trassenwerk.io.ReadException;
import de.trassenwerk.io.SourceFeature;
import de.trassenwerk.io.SourcePosition;
import de.trassenwerk.io.SourceSchema;
import de.trassenwerk.io.csv.TextEncoding;
import de.trassenwerk.store.GeometryType;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.locationtech.jts.geom.Geometry;

/**
 * A shapefile: geometries from {@code .shp}, attributes from {@code .dbf}, the coordinate system
 * from {@code .prj} (matched to an EPSG code by {@link WktCrsMatcher}), the text encoding from
 * {@code .cpg}, else from the DBF language driver (Windows ANSI), else found by trying UTF-8. The
 * companion files are found whatever the case of their extensions; {@code .shx} is not needed for
 * reading from start to end. Records marked deleted in the DBF are left out. Not thread-safe.
 */
public final class ShapefileSource implements FeatureSource {
    private final Path shp;
    private final Path dbf;
    private final Path prj;
    private final Path cpg;
    private final String name;
    private final Charset charset;
    private SourceSchema schema;
    private Integer srsId;

    /** @param encoding the DBF text encoding, or null to find it */
    public ShapefileSource(Path shp, Charset encoding) {
        this.shp = shp;
        String fileName = shp.getFileName().toString();
        this.name = fileName.substring(0, fileName.length() - 4);
        this.dbf = companion("dbf");
        this.prj = companion("prj");
        this.cpg = companion("cpg");
        try {
            this.charset = encoding != null ? encoding : detectCharset();
        } catch (IOException e) {
            throw new ReadException("io.error.unreadable", e, String.valueOf(dbf), e.getMessage());
        }
    }

    private Path companion(String extension) {
        Path dir = shp.toAbsolutePath().getParent();
        String wanted = (name + "." + extension).toLowerCase(Locale.ROOT);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir,
                p -> p.getFileName().toString().toLowerCase(Locale.ROOT).equals(wanted))) {
            for (Path p : files) {
                if (p.getFileName().toString().toLowerCase(Locale.ROOT).equals(wanted)) {
                    return p;
                }
            }
        } catch (IOException e) {
            throw new ReadException("io.error.unreadable", e, dir.toString(), e.getMessage());
        }
        return null;
    }

    private Charset detectCharset() throws IOException {
        if (cpg != null) {
            Charset c = fromCpg(Files.readString(cpg, StandardCharsets.ISO_8859_1).trim());
            if (c != null) {
                return c;
            }
        }
        if (dbf == null) {
            return StandardCharsets.UTF_8;
        }
        try (DbfReader r = new DbfReader(dbf)) {
            int ldid = r.languageDriver();
            if (ldid == 0x57 || ldid == 0x03) {
                return TextEncoding.WINDOWS_1252;
            }
            if (ldid == 0x01) {
                return Charset.forName("IBM437");
            }
            if (ldid == 0x02) {
                return Charset.forName("IBM850");
            }
            byte[] raw;
            while ((raw = r.nextRaw()) != null) {
                if (!TextEncoding.isUtf8(r.textBytes(raw))) {
                    return TextEncoding.WINDOWS_1252;
                }
            }
            return StandardCharsets.UTF_8;
        }
    }

    /** The charset a {@code .cpg} names (UTF-8, 65001, CP1252, 1252, ANSI 1252, ISO-8859-1, 88591, ...). */
    static Charset fromCpg(String text) {
        String t = text.toUpperCase(Locale.ROOT).replace(" ", "");
        switch (t) {
            case "UTF-8": case "UTF8": case "65001":
                return StandardCharsets.UTF_8;
            case "1252": case "CP1252": case "ANSI1252": case "WINDOWS-1252": case "ANSI":
                return TextEncoding.WINDOWS_1252;
            case "88591": case "ISO88591": case "ISO-8859-1": case "LATIN1":
                return StandardCharsets.ISO_8859_1;
            case "850": case "CP850": case "OEM850":
                return Charset.forName("IBM850");
            case "437": case "CP437": case "OEM":
                return Charset.forName("IBM437");
            default:
                try {
                    return Charset.forName(text.trim());
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return null;
                }
        }
    }

    @Override
    public String name() {
        return name;
    }

    public Charset charset() {
        return charset;
    }

    @Override
    public int srsId() {
        if (srsId == null) {
            srsId = 0;
            if (prj != null) {
                String wkt;
                try {
                    wkt = Files.readString(prj, StandardCharsets.ISO_8859_1).trim();
                } catch (IOException e) {
                    throw new ReadException("io.error.unreadable", e, prj.toString(), e.getMessage());
                }
                srsId = WktCrsMatcher.match(wkt).orElseThrow(() -> new CrsException("crs.error.prjUnknown", null,
                        prj.getFileName().toString(), wkt.length() > 80 ? wkt.substring(0, 80) + "…" : wkt));
            }
        }
        return srsId;
    }

    @Override
    public SourceSchema schema() {
        if (schema == null) {
            GeometryType type;
            try (ShpReader r = new ShpReader(shp)) {
                type = r.geometryType();
            } catch (IOException e) {
                throw new ReadException("io.error.unreadable", e, shp.toString(), e.getMessage());
            }
            List<de.trassenwerk.store.FieldInfo> fields = List.of();
            if (dbf != null) {
                try (DbfReader r = new DbfReader(dbf)) {
                    fields = r.fields();
                } catch (IOException e) {
                    throw new ReadException("io.error.unreadable", e, dbf.toString(), e.getMessage());
                }
            }
            schema = new SourceSchema(name, fields, type, srsId(), null);
        }
        return schema;
    }

    @Override
    public FeatureCursor features() {
        return new Cursor();
    }

    @Override
    public void close() {
        // every cursor closes its own files
    }

    private final class Cursor implements FeatureCursor {
        private final ShpReader shapes;
        private final DbfReader table;
        private final String source = shp.getFileName().toString();
        private SourceFeature next;

        Cursor() {
            try {
                shapes = new ShpReader(shp);
            } catch (IOException e) {
                throw new ReadException("io.error.unreadable", e, shp.toString(), e.getMessage());
            }
            try {
                table = dbf == null ? null : new DbfReader(dbf);
                if (table != null) {
                    table.useCharset(charset);
                }
            } catch (IOException e) {
                close();
                throw new ReadException("io.error.unreadable", e, dbf.toString(), e.getMessage());
            }
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                try {
                    ShpReader.Record r = shapes.next();
                    if (r == null) {
                        return false;
                    }
                    byte[] raw = table == null ? null : table.nextRaw();
                    if (raw != null && DbfReader.deleted(raw)) {
                        continue;
                    }
                    Map<String, Object> attrs = raw == null ? new LinkedHashMap<>() : table.decode(raw);
                    SourcePosition at = SourcePosition.record(source, r.number());
                    try {
                        Geometry g = shapes.geometry(r);
                        next = SourceFeature.of(g, attrs, at);
                    } catch (ShpReader.BadShape e) {
                        next = SourceFeature.unreadable(new ReadException(at, "io.error.geometry", null, e.getMessage()));
                    }
                } catch (IOException e) {
                    throw new ReadException("io.error.unreadable", e, shp.toString(), e.getMessage());
                }
            }
            return true;
        }

        @Override
        public SourceFeature next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            SourceFeature f = next;
            next = null;
            return f;
        }

        @Override
        public double progress() {
            return shapes.progress();
        }

        @Override
        public void close() {
            try {
                shapes.close();
                if (table != null) {
                    table.close();
                }
            } catch (IOException ignored) {
                // reading is over either way
            }
        }
    }
}
