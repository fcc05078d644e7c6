package de.trassenwerk.project;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import de.trassenwerk.i18n.UserFacingException;
import de.trassenwerk.store.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes {@link WorkbenchProject}s as JSON ({@code .twproj}), atomically. The state of
 * the last session lives in {@link #sessionFile()}: {@code workbench.twproj} in the user's
 * settings folder, which the system property {@code trassenwerk.settings.dir} overrides (tests use
 * it). Any thread; the caller keeps one thread per project object.
 */
public final class ProjectFiles {
    /** The file name extension of project files. */
    public static final String EXTENSION = ".twproj";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ProjectFiles() {
    }

    /** The user's settings folder: {@code %APPDATA%\Trassenwerk} on Windows, else {@code $XDG_CONFIG_HOME/trassenwerk}. */
    public static Path settingsDir() {
        String override = System.getProperty("trassenwerk.settings.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String appData = System.getenv("APPDATA");
        if (appData != null && System.getProperty("os.name", "").startsWith("Windows")) {
            return Path.of(appData, "Trassenwerk");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("trassenwerk");
    }

    /** Where the last session's state is kept. */
    public static Path sessionFile() {
        return settingsDir().resolve("workbench" + EXTENSION);
    }

    /** Reads a project; a missing file gives an empty project, a broken one a {@link UserFacingException}. */
    public static WorkbenchProject read(Path file) {
        try {
            return JSON.readValue(Files.readAllBytes(file), WorkbenchProject.class);
        } catch (NoSuchFileException e) {
            return new WorkbenchProject();
        } catch (IOException e) {
            throw new UserFacingException("project.error.read", e, file, e.getMessage());
        }
    }

    /** Writes a project atomically. */
    public static void write(WorkbenchProject project, Path file) {
        try {
            AtomicFiles.write(file, tmp -> JSON.writeValue(tmp.toFile(), project));
        } catch (IOException e) {
            throw new UserFacingException("project.error.write", e, file, e.getMessage());
        }
    }
}
