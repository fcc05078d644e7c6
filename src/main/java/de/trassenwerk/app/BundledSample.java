package de.trassenwerk.app;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.store.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The sample city that an installed copy carries in its application folder. The install folder
 * belongs to the system and is never written to, so the first start copies the sample once into
 * the user's data folder and opens that copy; later starts find the copy and leave it as it is.
 *
 * <p>The installer's launcher names its application folder in the system property
 * {@value #APP_DIR_PROPERTY}; without it (a development tree, {@code java -jar}) there is no
 * bundled sample. Any thread; two processes starting at the same moment both copy to a temporary
 * file and move it into place, so neither sees half a file.
 */
public final class BundledSample {
    /** System property with the application folder of an installed copy (set by its launcher). */
    public static final String APP_DIR_PROPERTY = "trassenwerk.app.dir";
    /** System property that overrides the user's data folder (tests and portable setups use it). */
    public static final String DATA_DIR_PROPERTY = "trassenwerk.data.dir";
    /** Where the sample lies below the application folder. */
    static final Path BUNDLED_FILE = Path.of("sample-gpkg", "duisburg.gpkg");

    private BundledSample() {
    }

    /**
     * The user's copy of the bundled sample city, made now if there is none yet; empty when this
     * copy of the program carries no sample or the copy cannot be made (the reason goes to
     * standard error).
     */
    public static Optional<Path> userCopy() {
        String appDir = System.getProperty(APP_DIR_PROPERTY);
        if (appDir == null || appDir.isBlank()) {
            return Optional.empty();
        }
        Path bundled = Path.of(appDir).resolve(BUNDLED_FILE);
        if (!Files.isRegularFile(bundled)) {
            return Optional.empty();
        }
        Path copy = dataDir().resolve(BUNDLED_FILE.getFileName());
        if (Files.isRegularFile(copy)) {
            return Optional.of(copy);
        }
        try {
            AtomicFiles.write(copy, tmp -> Files.copy(bundled, tmp, StandardCopyOption.REPLACE_EXISTING));
            return Optional.of(copy);
        } catch (IOException e) {
            System.err.println(Messages.get("app.sample.copyFailed", bundled, copy, e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * The user's data folder: {@code %LOCALAPPDATA%\Trassenwerk} on Windows, else
     * {@code $XDG_DATA_HOME/trassenwerk} (by default {@code ~/.local/share/trassenwerk}); the
     * system property {@value #DATA_DIR_PROPERTY} overrides both.
     */
    public static Path dataDir() {
        String override = System.getProperty(DATA_DIR_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String localAppData = System.getenv("LOCALAPPDATA");
        if (localAppData != null && System.getProperty("os.name", "").startsWith("Windows")) {
            return Path.of(localAppData, "Trassenwerk");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("trassenwerk");
    }
}
