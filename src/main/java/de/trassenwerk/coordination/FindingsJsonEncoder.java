package de.trassenwerk.coordination;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Findings as JSON objects, one per line, encoded straight into UTF-8 bytes: no strings are built on
 * the way, which makes writing a result of a hundred thousand findings several times cheaper. The
 * bytes are exactly those of the text {@link FindingsJson} has always written: keys in the order of
 * {@link FindingFields#KEYS}, numbers as Java prints them, dates {@code "YYYY-MM-DD"}, strings with
 * quotes, backslashes and control characters escaped.
 *
 * <p>Thread rules: an instance is a growing buffer for one thread; the shared key table is read-only.
 */
final class FindingsJsonEncoder {
    /** {@code "key":} for each key, and with a leading comma for all but the first. */
    private static final byte[][] KEYS = new byte[FindingFields.KEYS.size()][];
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    static {
        for (int i = 0; i < KEYS.length; i++) {
            KEYS[i] = ((i > 0 ? "," : "") + '"' + FindingFields.KEYS.get(i) + "\":").getBytes(StandardCharsets.UTF_8);
        }
    }

    private byte[] buf;
    private int n;

    FindingsJsonEncoder(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    /** Appends plain ASCII text (separators). */
    FindingsJsonEncoder raw(String ascii) {
        room(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            buf[n++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    /** Appends one finding as a JSON object (without a line end). */
    FindingsJsonEncoder finding(Finding f) {
        Object[] values = FindingFields.values(f);
        room(1);
        buf[n++] = '{';
        for (int i = 0; i < values.length; i++) {
            bytes(KEYS[i]);
            Object v = values[i];
            if (v == null) {
                bytes(NULL);
            } else if (v instanceof Long l) {
                number(l);
            } else if (v instanceof Double d) {
                decimal(d);
            } else if (v instanceof LocalDate day) {
                date(day);
            } else {
                string(v.toString());
            }
        }
        room(1);
        buf[n++] = '}';
        return this;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, n);
    }

    @Override
    public String toString() {
        return new String(buf, 0, n, StandardCharsets.UTF_8);
    }

    private void number(long v) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                raw(Long.toString(v));
                return;
            }
            room(1);
            buf[n++] = '-';
            v = -v;
        }
        room(20);
        int start = n;
        do {
            buf[n++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v > 0);
        for (int i = start, j = n - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }

    /**
     * A number as {@link Double#toString} prints it. Lengths have one decimal: a value that is exactly
     * the double nearest to {@code k / 10} for {@code 0 <= k < 10^8} is printed as the digits of
     * {@code k} with a point before the last one, which is what {@code Double.toString} prints for every
     * such value (checked for all of them); anything else goes through {@code Double.toString}.
     */
    private void decimal(double v) {
        long k = Math.round(v * 10);
        if (k >= 0 && k < 100_000_000L && k / 10.0 == v) {
            number(k / 10);
            room(2);
            buf[n++] = '.';
            buf[n++] = (byte) ('0' + k % 10);
        } else {
            raw(Double.toString(v));
        }
    }

    /** A date as {@code "YYYY-MM-DD"} (years 0 to 9999, as before). */
    private void date(LocalDate d) {
        room(16);
        buf[n++] = '"';
        padded(d.getYear(), 4);
        buf[n++] = '-';
        padded(d.getMonthValue(), 2);
        buf[n++] = '-';
        padded(d.getDayOfMonth(), 2);
        buf[n++] = '"';
    }

    /** A non-negative number with at least {@code digits} digits (leading zeros). */
    private void padded(int v, int digits) {
        int length = 1;
        for (int rest = v / 10; rest > 0; rest /= 10) {
            length++;
        }
        room(Math.max(length, digits));
        for (int i = length; i < digits; i++) {
            buf[n++] = '0';
        }
        for (int i = length - 1, rest = v; i >= 0; i--, rest /= 10) {
            buf[n + i] = (byte) ('0' + rest % 10);
        }
        n += length;
    }

    /**
     * A JSON string in UTF-8: quotes and backslashes escaped, control characters as six-character
     * escapes (backslash, u, four hex digits); a lone surrogate becomes {@code ?}, as Java's UTF-8
     * encoder writes it. The bytes of a multi-byte character are all 0x80 or above, so escaping the
     * encoded bytes is the same as escaping the characters.
     */
    private void string(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        room(utf8.length * 6 + 2);
        buf[n++] = '"';
        for (byte b : utf8) {
            if (b == '"' || b == '\\') {
                buf[n++] = '\\';
                buf[n++] = b;
            } else if (b >= 0 && b < 0x20) {
                buf[n++] = '\\';
                buf[n++] = 'u';
                buf[n++] = '0';
                buf[n++] = '0';
                buf[n++] = HEX[b >> 4];
                buf[n++] = HEX[b & 0xf];
            } else {
                buf[n++] = b;
            }
        }
        buf[n++] = '"';
    }

    private void bytes(byte[] b) {
        room(b.length);
        System.arraycopy(b, 0, buf, n, b.length);
        n += b.length;
    }

    /** Makes room for {@code more} bytes. */
    private void room(int more) {
        if (n + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
        }
    }
}
