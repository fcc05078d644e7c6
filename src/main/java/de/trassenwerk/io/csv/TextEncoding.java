package de.trassenwerk.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the encoding of a text file the way German office files come: a byte order mark says UTF-8
 * (or UTF-16); otherwise a file that is valid UTF-8 throughout is UTF-8 (plain ASCII included),
 * and anything else is Windows-1252, which German office software still writes. Reads the whole
 * file once, in blocks. Pure, thread-safe.
 */
public final class TextEncoding {
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The encoding and the length of the byte order mark to skip. */
    public record Detected(Charset charset, int bomLength) {
    }

    private TextEncoding() {
    }

    public static Detected detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(3);
            if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
                return new Detected(StandardCharsets.UTF_8, 3);
            }
            if (head.length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
                return new Detected(StandardCharsets.UTF_16LE, 2);
            }
            if (head.length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
                return new Detected(StandardCharsets.UTF_16BE, 2);
            }
            return new Detected(validUtf8(head, in) ? StandardCharsets.UTF_8 : WINDOWS_1252, 0);
        }
    }

    private static boolean validUtf8(byte[] head, InputStream rest) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        byte[] block = new byte[32 * 1024];
        in.put(head);
        boolean end = false;
        while (true) {
            int n = end ? -1 : rest.read(block);
            if (n < 0) {
                end = true;
            } else {
                in.put(block, 0, n);
            }
            in.flip();
            CoderResult r = decoder.decode(in, out, end);
            if (r.isError()) {
                return false;
            }
            out.clear();
            in.compact();
            if (end) {
                return decoder.flush(out).isUnderflow() && in.position() == 0;
            }
        }
    }

    /** Whether bytes decode as UTF-8 without error (for small texts such as DBF fields). */
    public static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
