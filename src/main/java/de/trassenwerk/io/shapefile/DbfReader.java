package de.trassenwerk.io.shapefile;

import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.FieldType;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the attribute table of a shapefile (dBASE III/IV {@code .dbf}) record by record: text
 * (C), numbers (N, F: INTEGER when without decimals and short enough, else REAL), logical (L),
 * dates (D, written as ISO text); memo fields are not supported and read as null. Used by one
 * thread; close it.
 */
final class DbfReader implements AutoCloseable {
    /** One column as the header declares it. */
    record Column(String name, char type, int length, int decimals) {
        FieldType fieldType() {
            switch (type) {
                case 'N':
                    return decimals == 0 && length < 19 ? FieldType.INTEGER : FieldType.REAL;
                case 'F':
                    return FieldType.REAL;
                case 'L':
                    return FieldType.BOOLEAN;
                case 'D':
                    return FieldType.DATE;
                default:
                    return FieldType.TEXT;
            }
        }
    }

    private final InputStream in;
    private final List<Column> columns = new ArrayList<>();
    private final int records;
    private final int recordLength;
    private final int languageDriver;
    private final byte[] record;
    private Charset charset = Charset.forName("windows-1252");
    private int read;

    DbfReader(Path file) throws IOException {
        in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        try {
            byte[] head = readFully(32);
            ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
            records = b.getInt(4);
            int headerLength = Short.toUnsignedInt(b.getShort(8));
            recordLength = Short.toUnsignedInt(b.getShort(10));
            languageDriver = head[29] & 0xff;
            int consumed = 32;
            while (true) {
                int first = in.read();
                consumed++;
                if (first == 0x0D || first < 0) {
                    break;
                }
                byte[] rest = readFully(31);
                consumed += 31;
                byte[] desc = new byte[32];
                desc[0] = (byte) first;
                System.arraycopy(rest, 0, desc, 1, 31);
                int end = 0;
                while (end < 11 && desc[end] != 0) {
                    end++;
                }
                columns.add(new Column(new String(desc, 0, end, StandardCharsets.ISO_8859_1).trim(), (char) desc[11],
                        desc[16] & 0xff, desc[17] & 0xff));
            }
            in.skipNBytes(Math.max(0, headerLength - consumed));
            record = new byte[recordLength];
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The dBASE language driver id (byte 29): 0x57 and 0x03 mean Windows ANSI, 0 unknown. */
    int languageDriver() {
        return languageDriver;
    }

    int recordCount() {
        return records;
    }

    List<Column> columns() {
        return columns;
    }

    /** Field names decoded in the table's charset (names are ASCII in practice, but need not be). */
    void useCharset(Charset c) {
        this.charset = c;
    }

    List<FieldInfo> fields() {
        List<FieldInfo> out = new ArrayList<>();
        for (Column c : columns) {
            out.add(FieldInfo.of(c.name(), c.fieldType()));
        }
        return out;
    }

    /** The raw bytes of the next record (deletion flag first), or null at the end. */
    byte[] nextRaw() throws IOException {
        if (read >= records) {
            return null;
        }
        int n = in.readNBytes(record, 0, recordLength);
        if (n < recordLength) {
            return null;
        }
        read++;
        return record;
    }

    /** Decodes a record returned by {@link #nextRaw()}. */
    Map<String, Object> decode(byte[] raw) {
        Map<String, Object> out = new LinkedHashMap<>();
        int pos = 1;
        for (Column c : columns) {
            out.put(c.name(), value(c, raw, pos));
            pos += c.length();
        }
        return out;
    }

    /** Whether the record is marked deleted. */
    static boolean deleted(byte[] raw) {
        return raw[0] == '*';
    }

    private Object value(Column c, byte[] raw, int pos) {
        int len = Math.min(c.length(), raw.length - pos);
        if (len <= 0) {
            return null;
        }
        switch (c.type()) {
            case 'C': {
                int end = pos + len;
                while (end > pos && (raw[end - 1] == ' ' || raw[end - 1] == 0)) {
                    end--;
                }
                return end == pos ? null : new String(raw, pos, end - pos, charset);
            }
            case 'N':
            case 'F': {
                String s = new String(raw, pos, len, StandardCharsets.ISO_8859_1).trim();
                if (s.isEmpty() || s.startsWith("*")) {
                    return null;
                }
                try {
                    if (c.fieldType() == FieldType.INTEGER) {
                        return Long.parseLong(s);
                    }
                    return Double.parseDouble(s.replace(',', '.'));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            case 'L': {
                char v = (char) raw[pos];
                return "TtYy".indexOf(v) >= 0 ? Boolean.TRUE : "FfNn".indexOf(v) >= 0 ? Boolean.FALSE : null;
            }
            case 'D': {
                String s = new String(raw, pos, len, StandardCharsets.ISO_8859_1).trim();
                // GDAL writes 00000000 for a missing date
                return s.length() == 8 && s.chars().allMatch(Character::isDigit) && !s.startsWith("0000")
                        ? s.substring(0, 4) + "-" + s.substring(4, 6) + "-" + s.substring(6, 8) : null;
            }
            default:
                return null;
        }
    }

    /** The bytes of all text fields of a record, for encoding detection. */
    byte[] textBytes(byte[] raw) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int pos = 1;
        for (Column c : columns) {
            if (c.type() == 'C') {
                out.write(raw, pos, Math.min(c.length(), raw.length - pos));
                out.write(' ');
            }
            pos += c.length();
        }
        return out.toByteArray();
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
