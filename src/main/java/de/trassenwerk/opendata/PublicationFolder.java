package de.trassenwerk.opendata;

import de.trassenwerk.i18n.UserFacingException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The all-or-nothing folder of a publication: everything is written into a hidden temporary folder
 * beside the target, which is moved into place only when complete; a failure removes it and leaves
 * the target as it was. An existing target is replaced only when it is an earlier publication (it
 * holds a publication report) or empty — never a folder of other files. Any thread, one per target.
 */
final class PublicationFolder {
    static final String REPORT = "publication-report.json";

    private final Path target;
    private final Path temp;

    private PublicationFolder(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /** Checks the target and creates the temporary folder beside it. */
    static PublicationFolder begin(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.exists(abs) && (!Files.isDirectory(abs) || !isEmpty(abs) && !Files.exists(abs.resolve(REPORT)))) {
            throw new UserFacingException("opendata.publish.error.outExists", null, target.toString());
        }
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        return new PublicationFolder(abs, Files.createTempDirectory(parent, "." + abs.getFileName() + "-publishing-"));
    }

    /** Where the files are written meanwhile. */
    Path temp() {
        return temp;
    }

    /** Moves the complete publication into place, replacing an earlier one. */
    void commit() throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = temp.resolveSibling("." + target.getFileName() + "-replaced-" + System.nanoTime());
            move(target, old);
        }
        try {
            move(temp, target);
        } catch (IOException e) {
            if (old != null) {
                move(old, target); // put the earlier publication back
            }
            throw e;
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    /** Removes the temporary folder and everything in it; never throws. */
    void discard() {
        try {
            deleteTree(temp);
        } catch (IOException ignored) {
            // a left-over hidden folder beside the target is harmless; the failure is reported
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
