package de.trassenwerk.io.shapefile;

import de.trassenwerk.io.RingAssembler;
import de.trassenwerk.store.GeometryType;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/**
 * Reads the geometries of a shapefile ({@code .shp}, Esri white paper 1998) record by record:
 * null shapes, points, multipoints, polylines and polygons, also their Z and M variants (heights
 * and measures are dropped). Used by one thread; close it.
 */
final class ShpReader implements AutoCloseable {
    /** A shape that cannot be turned into a geometry (the reader can go on with the next record). */
    static final class BadShape extends Exception {
        private static final long serialVersionUID = 1L;

        BadShape(String message) {
            super(message, null, false, false);
        }
    }

    private final InputStream in;
    private final int shapeType;
    private final long fileLength;
    private long position = 100;
    private final GeometryFactory factory = new GeometryFactory();

    ShpReader(Path file) throws IOException {
        in = new BufferedInputStream(Files.newInputStream(file), 256 * 1024);
        try {
            ByteBuffer h = ByteBuffer.wrap(readFully(100));
            if (h.getInt(0) != 9994) {
                throw new IOException("not a shapefile (file code " + h.getInt(0) + ")");
            }
            fileLength = Integer.toUnsignedLong(h.getInt(24)) * 2;
            shapeType = h.order(ByteOrder.LITTLE_ENDIAN).getInt(32);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The layer's geometry type (polygons and lines as their multi types, as records may have several parts). */
    GeometryType geometryType() {
        switch (shapeType % 10) {
            case 1: return GeometryType.POINT;
            case 3: return GeometryType.MULTILINESTRING;
            case 5: return GeometryType.MULTIPOLYGON;
            case 8: return GeometryType.MULTIPOINT;
            default: return GeometryType.GEOMETRY;
        }
    }

    /** Bytes read so far out of the file length, 0..1. */
    double progress() {
        return fileLength <= 100 ? 1 : Math.min(1, position / (double) fileLength);
    }

    /** One record: its number and content. */
    record Record(int number, ByteBuffer content) {
    }

    /** The next record, or null at the end. */
    Record next() throws IOException {
        if (position >= fileLength) {
            return null;
        }
        byte[] header = in.readNBytes(8);
        if (header.length < 8) {
            return null;
        }
        ByteBuffer h = ByteBuffer.wrap(header);
        int number = h.getInt(0);
        int length = h.getInt(4) * 2;
        if (length < 0 || position + 8 + length > fileLength) {
            throw new IOException("record " + number + " runs past the end of the file");
        }
        byte[] content = readFully(length);
        position += 8 + length;
        return new Record(number, ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN));
    }

    /** The geometry of a record; null for a null shape. */
    Geometry geometry(Record r) throws BadShape {
        ByteBuffer b = r.content();
        if (b.remaining() < 4) {
            throw new BadShape("empty record");
        }
        int type = b.getInt(0);
        try {
            switch (type) {
                case 0:
                    return null;
                case 1: case 11: case 21:
                    return factory.createPoint(new Coordinate(b.getDouble(4), b.getDouble(12)));
                case 8: case 18: case 28: {
                    int n = b.getInt(36);
                    Point[] points = new Point[n];
                    for (int i = 0; i < n; i++) {
                        points[i] = factory.createPoint(new Coordinate(b.getDouble(40 + 16 * i), b.getDouble(48 + 16 * i)));
                    }
                    return factory.createMultiPoint(points);
                }
                case 3: case 13: case 23: {
                    List<Coordinate[]> parts = parts(b);
                    LineString[] lines = new LineString[parts.size()];
                    for (int i = 0; i < lines.length; i++) {
                        lines[i] = factory.createLineString(parts.get(i));
                    }
                    return lines.length == 1 ? lines[0] : factory.createMultiLineString(lines);
                }
                case 5: case 15: case 25:
                    return RingAssembler.assemble(parts(b), factory);
                default:
                    throw new BadShape("shape type " + type + " is not supported");
            }
        } catch (IndexOutOfBoundsException e) {
            throw new BadShape("record " + r.number() + " is shorter than its shape needs");
        } catch (IllegalArgumentException e) {
            throw new BadShape(e.getMessage());
        }
    }

    private static List<Coordinate[]> parts(ByteBuffer b) throws BadShape {
        int numParts = b.getInt(36);
        int numPoints = b.getInt(40);
        if (numParts < 0 || numPoints < 0 || 44 + 4L * numParts + 16L * numPoints > b.limit()) {
            throw new BadShape("part or point count does not fit the record");
        }
        int pointsAt = 44 + 4 * numParts;
        List<Coordinate[]> out = new ArrayList<>(numParts);
        for (int p = 0; p < numParts; p++) {
            int start = b.getInt(44 + 4 * p);
            int end = p + 1 < numParts ? b.getInt(44 + 4 * (p + 1)) : numPoints;
            if (start < 0 || end > numPoints || end < start) {
                throw new BadShape("part " + p + " has bad point indexes");
            }
            Coordinate[] pts = new Coordinate[end - start];
            for (int i = start; i < end; i++) {
                pts[i - start] = new Coordinate(b.getDouble(pointsAt + 16 * i), b.getDouble(pointsAt + 16 * i + 8));
            }
            out.add(pts);
        }
        return out;
    }

    private byte[] readFully(int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new EOFException();
        }
        return b;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
