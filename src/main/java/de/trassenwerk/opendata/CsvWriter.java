package de.trassenwerk.opendata;

import de.trassenwerk.store.Feature;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.GeometryType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Writes a dataset as CSV (RFC 4180: comma, CRLF, quotes where needed) in UTF-8 with a byte order
 * mark, so that spreadsheet programs pick the right encoding. Point layers get {@code lon} and
 * {@code lat} columns, all others a {@code WKT} column (the name GDAL and QGIS recognise); either way WGS84 longitude/latitude (OGC
 * CRS84) with at most 7 decimals — one coordinate system per file, stated in the metadata. One thread.
 */
final class CsvWriter implements DatasetSink {
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Path file;
    private final LonLatGeometry lonLat;
    private final boolean points;
    private final List<String> fields = new ArrayList<>();
    private final Writer out;

    CsvWriter(Path file, PlannedDataset plan) throws IOException {
        this.file = file;
        this.lonLat = new LonLatGeometry(plan.sourceEpsg());
        this.points = plan.output().geometryType() == GeometryType.POINT;
        var stream = Files.newOutputStream(file);
        stream.write(BOM);
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        List<String> header = new ArrayList<>();
        for (FieldInfo f : plan.output().fields()) {
            fields.add(f.name());
            header.add(f.name());
        }
        if (points) {
            header.add("lon");
            header.add("lat");
        } else {
            header.add("WKT");
        }
        writeRow(header);
    }

    @Override
    public void accept(Feature f) throws IOException {
        List<String> row = new ArrayList<>(fields.size() + 2);
        for (String name : fields) {
            row.add(text(f.get(name)));
        }
        Geometry g = lonLat.convert(f.geometry());
        if (points) {
            Point p = g instanceof Point pt ? pt : null;
            row.add(p == null ? "" : LonLatGeometry.format(p.getX()));
            row.add(p == null ? "" : LonLatGeometry.format(p.getY()));
        } else {
            row.add(g == null ? "" : LonLatGeometry.wkt(g));
        }
        writeRow(row);
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : "";
        }
        return v.toString();
    }

    private void writeRow(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quoted(cells.get(i)));
        }
        out.write("\r\n");
    }

    private static String quoted(String s) {
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                || !s.equals(s.strip());
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    @Override
    public void finish() throws IOException {
        out.close();
    }

    @Override
    public void abort() {
        try {
            out.close();
        } catch (IOException | RuntimeException ignored) {
            // the file is deleted below
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the temporary publication folder is removed as a whole
        }
    }
}
