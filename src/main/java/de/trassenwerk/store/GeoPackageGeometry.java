package de.trassenwerk.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * The GeoPackage geometry encoding (spec clause 2.1.3): a header with magic {@code GP}, version,
 * flags, srs id and an optional envelope, followed by ISO WKB. Writes little-endian, 2D, with an
 * [minx, maxx, miny, maxy] envelope for everything but points and empties; reads every variant the
 * standard allows (either byte order, all envelope kinds, Z and M, the empty flag), as written by
 * GDAL, QGIS and others. Stateless apart from per-thread codec objects; safe from any thread.
 */
public final class GeoPackageGeometry {
    private static final ThreadLocal<WKBReader> READER = ThreadLocal.withInitial(WKBReader::new);
    private static final ThreadLocal<WKBWriter> WRITER =
            ThreadLocal.withInitial(() -> new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN));
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private GeoPackageGeometry() {
    }

    /** Encodes {@code g} (may be empty, not null) for a column in the given srs. */
    public static byte[] encode(Geometry g, int srsId) {
        boolean empty = g.isEmpty();
        boolean withEnvelope = !empty && g.getDimension() > 0;
        byte[] wkb = empty ? emptyWkb(g) : WRITER.get().write(g);
        int headerLength = 8 + (withEnvelope ? 32 : 0);
        ByteBuffer b = ByteBuffer.allocate(headerLength + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0);
        int flags = 1; // little endian
        if (withEnvelope) {
            flags |= 1 << 1;
        }
        if (empty) {
            flags |= 1 << 4;
        }
        b.put((byte) flags);
        b.putInt(srsId);
        if (withEnvelope) {
            Envelope e = g.getEnvelopeInternal();
            b.putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
        }
        b.put(wkb);
        return b.array();
    }

    /** WKB for an empty geometry: a point gets NaN coordinates, the others zero parts. */
    private static byte[] emptyWkb(Geometry g) {
        int type = wkbTypeCode(GeometryType.of(g));
        if (type == 1) {
            ByteBuffer b = ByteBuffer.allocate(21).order(ByteOrder.LITTLE_ENDIAN);
            b.put((byte) 1).putInt(1).putDouble(Double.NaN).putDouble(Double.NaN);
            return b.array();
        }
        ByteBuffer b = ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 1).putInt(type).putInt(0);
        return b.array();
    }

    static int wkbTypeCode(GeometryType t) {
        switch (t) {
            case POINT: return 1;
            case LINESTRING: return 2;
            case POLYGON: return 3;
            case MULTIPOINT: return 4;
            case MULTILINESTRING: return 5;
            case MULTIPOLYGON: return 6;
            case GEOMETRYCOLLECTION: return 7;
            default: return 0;
        }
    }

    /** The parsed header of a geometry blob. */
    public record Header(int version, boolean empty, int envelopeCode, int srsId, Envelope envelope,
            int wkbOffset, boolean extended) {
    }

    /** Reads the header; throws {@link IllegalArgumentException} when the blob is not a GeoPackage geometry. */
    public static Header header(byte[] blob) {
        if (blob == null || blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
            throw new IllegalArgumentException("not a GeoPackage geometry (no 'GP' magic)");
        }
        int flags = blob[3] & 0xff;
        ByteOrder order = (flags & 1) == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        int envelopeCode = (flags >> 1) & 7;
        boolean empty = ((flags >> 4) & 1) == 1;
        boolean extended = ((flags >> 5) & 1) == 1;
        int envelopeDoubles;
        switch (envelopeCode) {
            case 0: envelopeDoubles = 0; break;
            case 1: envelopeDoubles = 4; break;
            case 2: case 3: envelopeDoubles = 6; break;
            case 4: envelopeDoubles = 8; break;
            default: throw new IllegalArgumentException("invalid envelope code " + envelopeCode);
        }
        int offset = 8 + envelopeDoubles * 8;
        if (blob.length < offset) {
            throw new IllegalArgumentException("geometry blob shorter than its header");
        }
        ByteBuffer b = ByteBuffer.wrap(blob).order(order);
        int srsId = b.getInt(4);
        Envelope envelope = null;
        if (envelopeDoubles > 0) {
            envelope = new Envelope(b.getDouble(8), b.getDouble(16), b.getDouble(24), b.getDouble(32));
        }
        return new Header(blob[2] & 0xff, empty, envelopeCode, srsId, envelope, offset, extended);
    }

    /** Decodes a blob into a JTS geometry (Z and M are kept). Null in, null out. */
    public static Geometry decode(byte[] blob) {
        if (blob == null) {
            return null;
        }
        Header h = header(blob);
        if (h.extended()) {
            throw new IllegalArgumentException("extended GeoPackage geometry types are not supported");
        }
        if (h.empty()) {
            return emptyOf(blob, h.wkbOffset());
        }
        try {
            byte[] wkb = new byte[blob.length - h.wkbOffset()];
            System.arraycopy(blob, h.wkbOffset(), wkb, 0, wkb.length);
            Geometry g = READER.get().read(wkb);
            g.setSRID(h.srsId());
            return g;
        } catch (ParseException e) {
            throw new IllegalArgumentException("unreadable WKB: " + e.getMessage(), e);
        }
    }

    private static Geometry emptyOf(byte[] blob, int wkbOffset) {
        int type = 0;
        if (blob.length >= wkbOffset + 5) {
            ByteOrder order = blob[wkbOffset] == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            type = ByteBuffer.wrap(blob, wkbOffset + 1, 4).order(order).getInt() % 1000;
        }
        switch (type) {
            case 1: return FACTORY.createPoint();
            case 2: return FACTORY.createLineString();
            case 3: return FACTORY.createPolygon();
            case 4: return FACTORY.createMultiPoint();
            case 5: return FACTORY.createMultiLineString();
            case 6: return FACTORY.createMultiPolygon();
            default: return FACTORY.createGeometryCollection();
        }
    }

    /**
     * The envelope of a blob: from its header when it has one, else from its geometry. Null for an
     * empty geometry.
     */
    public static Envelope envelope(byte[] blob) {
        Header h = header(blob);
        if (h.empty()) {
            return null;
        }
        if (h.envelope() != null) {
            return h.envelope();
        }
        Geometry g = decode(blob);
        return g.isEmpty() ? null : g.getEnvelopeInternal();
    }
}
