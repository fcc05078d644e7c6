package de.trassenwerk.io.csv;

import de.trassenwerk.crs.CoordinateInference;
import de.trassenwerk.crs.CrsException;
import de.trassenwerk.crs.SpatialReferences;
import de.trassenwerk.i18n.Messages;
import de.trassenwerk.io.CountingInputStream;
import de.trassenwerk.io.FeatureCursor;
import de.trassenwerk.io.FeatureSource;
import de.trassenwerk.io.FieldTypeTally;
import de.trassenwerk.io.ReadException;
import de.trassenwerk.io.SourceFeature;
import de.trassenwerk.io.SourcePosition;
import de.trassenwerk.io.SourceSchema;
import de.trassenwerk.io.mapping.GermanDates;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.FieldType;
import de.trassenwerk.store.GeometryType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * A CSV file with a WKT column or x/y columns. Detects the encoding (UTF-8 with or without byte
 * order mark, else Windows-1252), the delimiter, quote and header ({@link CsvDialect}), the
 * geometry columns ({@link GeometryColumns}), the decimal mark (a decimal comma where the numbers
 * have one) and the field types, all in one pass before the import; the coordinate system from
 * the column names (longitude/latitude) or the value ranges ({@link CoordinateInference}). Rows
 * that cannot be read (too many fields, coordinates that are not numbers, bad WKT) come as
 * unreadable features with their line number. Not thread-safe.
 */
public final class CsvSource implements FeatureSource {
    private static final Pattern INTEGER = Pattern.compile("[+-]?(0|[1-9]\\d{0,17})");
    private static final Pattern DOT_DECIMAL = Pattern.compile("[+-]?\\d*\\.\\d+");
    private static final Pattern COMMA_DECIMAL = Pattern.compile("[+-]?\\d*,\\d+|[+-]?\\d{1,3}(\\.\\d{3})+(,\\d+)?");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final Path file;
    private final String name;
    private final Charset charset;
    private final int bom;
    private final CsvDialect dialect;
    private final List<String> headers;
    private final GeometryColumns geometry;
    private final long size;
    private SourceSchema schema;
    private boolean decimalComma;
    private int inferredSrs;
    private String crsNote;
    private final Envelope ranges = new Envelope();

    /**
     * @param encoding the text encoding, or null to detect it
     * @param xField the x column, or null to find it by name (with {@code yField})
     * @param yField the y column, or null
     * @param wktField the WKT column, or null
     */
    public CsvSource(Path file, Charset encoding, String xField, String yField, String wktField) {
        this.file = file;
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        this.name = dot > 0 ? fileName.substring(0, dot) : fileName;
        try {
            this.size = Files.size(file);
            if (encoding == null) {
                TextEncoding.Detected d = TextEncoding.detect(file);
                this.charset = d.charset();
                this.bom = d.bomLength();
            } else {
                this.charset = encoding;
                this.bom = encoding.name().equals("UTF-8") && TextEncoding.detect(file).bomLength() == 3 ? 3 : 0;
            }
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(reader(Files.newInputStream(file)))) {
                String l;
                while (lines.size() < 100 && (l = r.readLine()) != null) {
                    lines.add(l);
                }
            }
            this.dialect = CsvDialect.detect(lines);
            try (Reader r = reader(Files.newInputStream(file))) {
                List<String> first = new CsvRecordReader(r, dialect).next();
                if (first == null) {
                    throw new ReadException("io.error.csv.empty", null, fileName);
                }
                if (dialect.header()) {
                    this.headers = first;
                } else {
                    List<String> h = new ArrayList<>();
                    for (int i = 1; i <= first.size(); i++) {
                        h.add("field_" + i);
                    }
                    this.headers = h;
                }
            }
        } catch (IOException e) {
            throw new ReadException("io.error.unreadable", e, file.toString(), e.getMessage());
        }
        this.geometry = GeometryColumns.find(fileName, headers, xField, yField, wktField);
    }

    private Reader reader(InputStream raw) throws IOException {
        raw.skipNBytes(bom);
        return new InputStreamReader(raw, charset);
    }

    @Override
    public String name() {
        return name;
    }

    public Charset charset() {
        return charset;
    }

    public CsvDialect dialect() {
        return dialect;
    }

    /** Whether numbers in this file use a decimal comma (known after {@link #schema()}). */
    public boolean decimalComma() {
        schema();
        return decimalComma;
    }

    @Override
    public int srsId() {
        if (geometry.degreesByName()) {
            return SpatialReferences.WGS84;
        }
        schema();
        if (inferredSrs > 0) {
            return inferredSrs;
        }
        if (ranges.isNull()) {
            return 0;
        }
        throw new CrsException("crs.error.notInferable", null, file.getFileName().toString(),
                String.format(java.util.Locale.ROOT, "%.2f\u2013%.2f", ranges.getMinX(), ranges.getMaxX()),
                String.format(java.util.Locale.ROOT, "%.2f\u2013%.2f", ranges.getMinY(), ranges.getMaxY()));
    }

    @Override
    public SourceSchema schema() {
        if (schema == null) {
            schema = scan();
        }
        return schema;
    }

    @Override
    public String crsNote() {
        return schema().crsNote();
    }

    private boolean isGeometryColumn(int i) {
        return i == geometry.wkt() || i == geometry.x() || i == geometry.y();
    }

    /** One pass: decimal mark, field types, geometry types and coordinate ranges. */
    private SourceSchema scan() {
        int n = headers.size();
        long dots = 0;
        long commas = 0;
        ColumnKind[] kinds = new ColumnKind[n];
        java.util.Arrays.fill(kinds, ColumnKind.EMPTY);
        FieldTypeTally geometries = new FieldTypeTally();
        List<String[]> coordinates = new ArrayList<>();
        try (Reader r = reader(Files.newInputStream(file))) {
            CsvRecordReader records = new CsvRecordReader(r, dialect);
            if (dialect.header()) {
                records.next();
            }
            List<String> row;
            WKTReader wkt = new WKTReader();
            while ((row = records.next()) != null) {
                for (int i = 0; i < Math.min(n, row.size()); i++) {
                    String v = row.get(i);
                    if (DOT_DECIMAL.matcher(v).matches()) {
                        dots++;
                    } else if (COMMA_DECIMAL.matcher(v).matches()) {
                        commas++;
                    }
                    if (!isGeometryColumn(i)) {
                        kinds[i] = kinds[i].with(v);
                    }
                }
                if (geometry.isWkt()) {
                    if (row.size() > geometry.wkt() && !row.get(geometry.wkt()).isBlank()) {
                        try {
                            Geometry g = wkt.read(row.get(geometry.wkt()));
                            geometries.geometry(GeometryType.of(g));
                            ranges.expandToInclude(g.getEnvelopeInternal());
                        } catch (ParseException | IllegalArgumentException bad) {
                            // reported when the row is imported
                        }
                    }
                } else if (row.size() > Math.max(geometry.x(), geometry.y())) {
                    coordinates.add(new String[] {row.get(geometry.x()), row.get(geometry.y())});
                }
            }
        } catch (IOException e) {
            throw new ReadException("io.error.unreadable", e, file.toString(), e.getMessage());
        }
        decimalComma = commas > dots;
        if (!geometry.isWkt()) {
            geometries.geometry(GeometryType.POINT);
            for (String[] xy : coordinates) {
                Double x = number(xy[0]);
                Double y = number(xy[1]);
                if (x != null && y != null) {
                    ranges.expandToInclude(x, y);
                }
            }
        }
        List<FieldInfo> fields = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!isGeometryColumn(i)) {
                fields.add(FieldInfo.of(headers.get(i), kinds[i].type()));
            }
        }
        int srs = 0;
        if (geometry.degreesByName()) {
            srs = SpatialReferences.WGS84;
            crsNote = Messages.get("crs.inferred.names", headers.get(geometry.x()), headers.get(geometry.y()));
        } else if (!ranges.isNull()) {
            var inferred = CoordinateInference.fromRanges(ranges.getMinX(), ranges.getMaxX(), ranges.getMinY(),
                    ranges.getMaxY());
            if (inferred.isPresent()) {
                srs = inferred.get().epsg();
                crsNote = inferred.get().reason();
            }
        }
        inferredSrs = srs;
        return new SourceSchema(name, fields, geometries.geometryType(), srs, crsNote);
    }

    /** A number in this file's notation; null when the text is not one. */
    private Double number(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        if (decimalComma) {
            t = t.replace(".", "").replace(',', '.');
        }
        try {
            double d = Double.parseDouble(t);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** What a column holds so far. */
    private enum ColumnKind {
        EMPTY, INTEGER, DECIMAL, DATE, TEXT;

        ColumnKind with(String v) {
            if (v.isBlank() || this == TEXT) {
                return this;
            }
            ColumnKind seen = INTEGER.matches(v) ? INTEGER
                    : DOT_DECIMAL.matcher(v).matches() || COMMA_DECIMAL.matcher(v).matches() ? DECIMAL
                    : ISO_DATE.matcher(v).matches() || GermanDates.date(v).isPresent() && v.length() >= 8 ? DATE : TEXT;
            if (this == EMPTY || this == seen) {
                return seen;
            }
            if ((this == INTEGER && seen == DECIMAL) || (this == DECIMAL && seen == INTEGER)) {
                return DECIMAL;
            }
            return TEXT;
        }

        private boolean matches(String v) {
            return CsvSource.INTEGER.matcher(v).matches();
        }

        FieldType type() {
            switch (this) {
                case INTEGER: return FieldType.INTEGER;
                case DECIMAL: return FieldType.REAL;
                case DATE: return FieldType.DATE;
                default: return FieldType.TEXT;
            }
        }
    }

    @Override
    public FeatureCursor features() {
        return new Cursor(schema());
    }

    @Override
    public void close() {
        // every cursor closes its own file
    }

    /** Streams the rows. */
    private final class Cursor implements FeatureCursor {
        private final CountingInputStream counted;
        private final Reader reader;
        private final CsvRecordReader records;
        private final FieldType[] types;
        private final GeometryFactory factory = new GeometryFactory();
        private final WKTReader wkt = new WKTReader(factory);
        private final String source = file.getFileName().toString();
        private SourceFeature next;

        Cursor(SourceSchema s) {
            try {
                counted = new CountingInputStream(Files.newInputStream(file));
                reader = reader(counted);
                records = new CsvRecordReader(reader, dialect);
                if (dialect.header()) {
                    records.next();
                }
            } catch (IOException e) {
                throw new ReadException("io.error.unreadable", e, file.toString(), e.getMessage());
            }
            types = new FieldType[headers.size()];
            for (int i = 0; i < headers.size(); i++) {
                final String h = headers.get(i);
                types[i] = s.fields().stream().filter(f -> f.name().equals(h)).map(FieldInfo::type).findFirst()
                        .orElse(null);
            }
        }

        @Override
        public boolean hasNext() {
            if (next == null) {
                try {
                    List<String> row = records.next();
                    if (row != null) {
                        next = feature(row, SourcePosition.line(source, records.recordLine()));
                    }
                } catch (IOException e) {
                    throw new ReadException("io.error.unreadable", e, file.toString(), e.getMessage());
                }
            }
            return next != null;
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

        private SourceFeature feature(List<String> row, SourcePosition at) {
            if (row.size() > headers.size()) {
                return SourceFeature.unreadable(new ReadException(at, "io.error.csv.width", null, row.size(), headers.size()));
            }
            Map<String, Object> attrs = new LinkedHashMap<>();
            for (int i = 0; i < headers.size(); i++) {
                if (types[i] == null) {
                    continue;
                }
                String v = i < row.size() ? row.get(i) : "";
                attrs.put(headers.get(i), value(v, types[i]));
            }
            try {
                return SourceFeature.of(geometry(row, at), attrs, at);
            } catch (ReadException e) {
                return SourceFeature.unreadable(e);
            }
        }

        private Object value(String v, FieldType type) {
            if (v.isBlank()) {
                return null;
            }
            switch (type) {
                case INTEGER:
                    return Long.parseLong(v.trim().replace("+", ""));
                case REAL:
                    return number(v);
                case DATE:
                    return ISO_DATE.matcher(v.trim()).matches() ? v.trim()
                            : GermanDates.date(v).map(Object::toString).orElse(v);
                default:
                    return v;
            }
        }

        private Geometry geometry(List<String> row, SourcePosition at) {
            if (geometry.isWkt()) {
                String text = geometry.wkt() < row.size() ? row.get(geometry.wkt()) : "";
                if (text.isBlank()) {
                    return null;
                }
                try {
                    return wkt.read(text);
                } catch (ParseException | IllegalArgumentException e) {
                    throw new ReadException(at, "io.error.csv.wkt", null, e.getMessage());
                }
            }
            String xs = geometry.x() < row.size() ? row.get(geometry.x()) : "";
            String ys = geometry.y() < row.size() ? row.get(geometry.y()) : "";
            if (xs.isBlank() && ys.isBlank()) {
                return null;
            }
            Double x = number(xs);
            Double y = number(ys);
            if (x == null || y == null) {
                String bad = x == null ? xs : ys;
                String column = headers.get(x == null ? geometry.x() : geometry.y());
                throw new ReadException(at, "io.error.csv.coordinate", null, bad, column);
            }
            return factory.createPoint(new Coordinate(x, y));
        }

        @Override
        public double progress() {
            return size == 0 ? 1 : Math.min(1, counted.count() / (double) size);
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (IOException ignored) {
                // reading is over either way
            }
        }
    }
}
