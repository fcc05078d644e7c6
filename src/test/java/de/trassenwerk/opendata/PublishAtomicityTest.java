package de.trassenwerk.opendata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.i18n.UserFacingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A publication appears whole or not at all, and never replaces a folder that is not a publication. */
class PublishAtomicityTest {
    @TempDir
    Path dir;

    /** Opens the standard writers, but the third one opened fails with a full disk. */
    private static DatasetSink.Factory failingThirdFile() {
        AtomicInteger opened = new AtomicInteger();
        return (format, file, plan) -> {
            if (opened.incrementAndGet() == 3) {
                throw new IOException("No space left on device");
            }
            return DatasetSink.Factory.STANDARD.open(format, file, plan);
        };
    }

    @Test
    void aFailureHalfwayLeavesNoFolderAndNoTemporaryFiles() throws Exception {
        Path source = PublicationFixture.write(dir.resolve("fixture.gpkg"));
        Path out = dir.resolve("published");
        UserFacingException e = assertThrows(UserFacingException.class, () -> new Publisher(Clock.systemUTC(),
                failingThirdFile()).publish(PublishRequest.of(source, out, PublicationPolicy.defaults()),
                PublishProgress.NONE, () -> false));
        assertEquals("opendata.publish.error.io", e.key());
        assertTrue(e.getMessage().contains("No space left"), e.getMessage());
        assertFalse(Files.exists(out));
        assertEquals(List.of("fixture.gpkg"), names(dir), "nothing left beside the target");
    }

    @Test
    void aFailedRepublicationLeavesTheEarlierOneAsItWas() throws Exception {
        Path source = PublicationFixture.write(dir.resolve("fixture.gpkg"));
        Path out = dir.resolve("published");
        new Publisher().publish(PublishRequest.of(source, out, PublicationPolicy.defaults()), PublishProgress.NONE, () -> false);
        byte[] report = Files.readAllBytes(out.resolve("publication-report.json"));
        List<String> files = names(out);
        assertThrows(UserFacingException.class, () -> new Publisher(Clock.systemUTC(), failingThirdFile()).publish(
                PublishRequest.of(source, out, PublicationPolicy.defaults()), PublishProgress.NONE, () -> false));
        assertEquals(files, names(out));
        assertEquals(new String(report), Files.readString(out.resolve("publication-report.json")));
        assertEquals(List.of("fixture.gpkg", "published"), names(dir));
    }

    @Test
    void cancellingLeavesNoFolder() throws Exception {
        Path source = PublicationFixture.write(dir.resolve("fixture.gpkg"));
        Path out = dir.resolve("published");
        AtomicInteger started = new AtomicInteger();
        assertThrows(CancellationException.class, () -> new Publisher().publish(PublishRequest.of(source, out,
                PublicationPolicy.defaults()), (f, m) -> started.incrementAndGet(), () -> started.get() >= 2));
        assertEquals(2, started.get(), "cancelled when the second dataset began");
        assertFalse(Files.exists(out));
        assertEquals(List.of("fixture.gpkg"), names(dir));
    }

    @Test
    void aFolderOfOtherFilesIsNeverReplaced() throws Exception {
        Path source = PublicationFixture.write(dir.resolve("fixture.gpkg"));
        Path out = Files.createDirectories(dir.resolve("Dokumente"));
        Files.writeString(out.resolve("Haushalt.xlsx"), "wichtig");
        UserFacingException e = assertThrows(UserFacingException.class, () -> new Publisher().publish(
                PublishRequest.of(source, out, PublicationPolicy.defaults()), PublishProgress.NONE, () -> false));
        assertEquals("opendata.publish.error.outExists", e.key());
        assertEquals(List.of("Haushalt.xlsx"), names(out));
    }

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
