package de.trassenwerk.opendata;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import de.trassenwerk.store.Feature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes a dataset as a GeoJSON FeatureCollection per RFC 7946: WGS84 longitude/latitude, at most 7
 * decimals, right-hand-rule polygons (see {@link LonLatGeometry}), no {@code crs} member, no feature
 * ids (internal fids are not public), UTF-8 without escaping. One feature per line. One thread.
 */
final class GeoJsonWriter implements DatasetSink {
    private static final JsonFactory JSON = new JsonFactory();

    private final Path file;
    private final LonLatGeometry lonLat;
    private final OutputStream out;
    private final JsonGenerator gen;

    GeoJsonWriter(Path file, PlannedDataset plan) throws IOException {
        this.file = file;
        this.lonLat = new LonLatGeometry(plan.sourceEpsg());
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        this.gen = JSON.createGenerator(out, JsonEncoding.UTF8);
        gen.writeStartObject();
        gen.writeStringField("type", "FeatureCollection");
        gen.writeArrayFieldStart("features");
    }

    @Override
    public void accept(Feature f) throws IOException {
        gen.writeRaw('\n');
        gen.writeStartObject();
        gen.writeStringField("type", "Feature");
        gen.writeObjectFieldStart("properties");
        for (Map.Entry<String, Object> e : f.attributes().entrySet()) {
            gen.writeFieldName(e.getKey());
            writeValue(e.getValue());
        }
        gen.writeEndObject();
        gen.writeFieldName("geometry");
        Geometry g = lonLat.convert(f.geometry());
        if (g == null) {
            gen.writeNull();
        } else {
            writeGeometry(g);
        }
        gen.writeEndObject();
    }

    private void writeValue(Object v) throws IOException {
        if (v == null) {
            gen.writeNull();
        } else if (v instanceof Boolean b) {
            gen.writeBoolean(b);
        } else if (v instanceof Long || v instanceof Integer) {
            gen.writeNumber(((Number) v).longValue());
        } else if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isFinite(d)) {
                gen.writeNumber(d);
            } else {
                gen.writeNull();
            }
        } else {
            gen.writeString(v.toString());
        }
    }

    private void writeGeometry(Geometry g) throws IOException {
        gen.writeStartObject();
        if (g instanceof GeometryCollection && !(g instanceof MultiPoint || g instanceof MultiLineString
                || g instanceof MultiPolygon)) {
            gen.writeStringField("type", "GeometryCollection");
            gen.writeArrayFieldStart("geometries");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                writeGeometry(g.getGeometryN(i));
            }
            gen.writeEndArray();
        } else {
            gen.writeStringField("type", g.getGeometryType());
            gen.writeFieldName("coordinates");
            writeCoordinates(g);
        }
        gen.writeEndObject();
    }

    private void writeCoordinates(Geometry g) throws IOException {
        if (g instanceof Point p) {
            position(p.getCoordinate());
        } else if (g instanceof LineString l) {
            positions(l.getCoordinates());
        } else if (g instanceof Polygon p) {
            gen.writeStartArray();
            positions(p.getExteriorRing().getCoordinates());
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                positions(p.getInteriorRingN(i).getCoordinates());
            }
            gen.writeEndArray();
        } else {
            gen.writeStartArray();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                writeCoordinates(g.getGeometryN(i));
            }
            gen.writeEndArray();
        }
    }

    private void positions(Coordinate[] cs) throws IOException {
        gen.writeStartArray();
        for (Coordinate c : cs) {
            position(c);
        }
        gen.writeEndArray();
    }

    private void position(Coordinate c) throws IOException {
        gen.writeStartArray();
        gen.writeNumber(LonLatGeometry.format(c.x));
        gen.writeNumber(LonLatGeometry.format(c.y));
        gen.writeEndArray();
    }

    @Override
    public void finish() throws IOException {
        gen.writeRaw('\n');
        gen.writeEndArray();
        gen.writeEndObject();
        gen.writeRaw('\n');
        gen.close();
        out.close();
    }

    @Override
    public void abort() {
        try {
            gen.close();
            out.close();
        } catch (IOException | RuntimeException ignored) {
            // the file is deleted below; its half content does not matter
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the temporary publication folder is removed as a whole
        }
    }
}
