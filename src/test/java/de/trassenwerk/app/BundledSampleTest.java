package de.trassenwerk.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledSampleTest {
    @TempDir
    Path tmp;
    private Path appDir;
    private Path dataDir;

    @BeforeEach
    void installedCopyWithSample() throws IOException {
        appDir = tmp.resolve("opt/trassenwerk/lib/app");
        Files.createDirectories(appDir.resolve("sample-gpkg"));
        Files.copy(Fixtures.sampleCity(), appDir.resolve(BundledSample.BUNDLED_FILE));
        dataDir = tmp.resolve("home/.local/share/trassenwerk");
        System.setProperty(BundledSample.APP_DIR_PROPERTY, appDir.toString());
        System.setProperty(BundledSample.DATA_DIR_PROPERTY, dataDir.toString());
    }

    @AfterEach
    void clearProperties() {
        System.clearProperty(BundledSample.APP_DIR_PROPERTY);
        System.clearProperty(BundledSample.DATA_DIR_PROPERTY);
    }

    @Test
    void firstStartCopiesTheSampleIntoTheUsersDataFolder() throws IOException {
        Path bundled = appDir.resolve(BundledSample.BUNDLED_FILE);
        byte[] before = Files.readAllBytes(bundled);

        Path copy = BundledSample.userCopy().orElseThrow();

        assertEquals(dataDir.resolve("duisburg.gpkg"), copy);
        assertArrayEquals(before, Files.readAllBytes(copy));
        try (GeoPackageStore store = GeoPackageStore.open(copy, GeoPackageStore.Mode.READ_WRITE)) {
            assertTrue(store.hasLayer("districts"), "the copy is the sample city and opens for writing");
        }
        assertArrayEquals(before, Files.readAllBytes(bundled), "the installed sample is never written");
        try (var files = Files.list(dataDir)) {
            assertEquals(0, files.filter(f -> f.getFileName().toString().endsWith(".tmp")).count(),
                    "no temporary file is left behind");
        }
    }

    @Test
    void laterStartsKeepTheUsersCopyAsItIs() throws IOException {
        Path copy = BundledSample.userCopy().orElseThrow();
        Files.writeString(copy, "changed by the user");

        assertEquals(Optional.of(copy), BundledSample.userCopy());
        assertEquals("changed by the user", Files.readString(copy));
    }

    @Test
    void withoutAnInstalledCopyThereIsNoBundledSample() {
        System.clearProperty(BundledSample.APP_DIR_PROPERTY);

        assertEquals(Optional.empty(), BundledSample.userCopy());
        assertFalse(Files.exists(dataDir));
    }

    @Test
    void anApplicationFolderWithoutSampleGivesNothing() throws IOException {
        Files.delete(appDir.resolve(BundledSample.BUNDLED_FILE));

        assertEquals(Optional.empty(), BundledSample.userCopy());
        assertFalse(Files.exists(dataDir));
    }

    @Test
    void aDataFolderThatCannotBeMadeGivesNothing() throws IOException {
        Files.createDirectories(dataDir.getParent());
        Files.writeString(dataDir, "a file where the folder should be");

        assertEquals(Optional.empty(), BundledSample.userCopy());
    }
}
