package de.trassenwerk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.i18n.UserFacingException;
import de.trassenwerk.testing.FakeCkan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code publish}: the folder, the choices, the failures, and the CKAN upload with the token from the environment. */
class PublishCommandTest {
    static final String TOKEN = "cli-token-51e0";
    @TempDir
    static Path shared;
    static Path source;
    @TempDir
    Path dir;

    @BeforeAll
    static void fixture() throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        source = shared.resolve("city.gpkg");
        Files.copy(de.trassenwerk.testing.Fixtures.sampleCity(), source);
        source.toFile().setWritable(true);
        // keep the test quick: only a few construction sites and the small layers
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source); var s = c.createStatement()) {
            for (String t : List.of("coverage_cells", "streets")) {
                s.execute("DELETE FROM \"rtree_" + t + "_geom\"");
                s.execute("DELETE FROM \"" + t + "\"");
            }
        }
    }

    @AfterAll
    static void restore() {
        Messages.setLocale(Messages.defaultLocale());
    }

    @Test
    void publishWritesTheFolderAndSaysWhatWasWithheldAndWhy() {
        Path out = dir.resolve("opendata");
        CliTest.Result r = CliTest.cli("publish", source.toString(), "--out", out.toString(), "--base-url",
                "https://opendata.example.org/duisburg");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("published duisburg-baustellen (from construction_sites): 912 features"), r.out());
        assertTrue(r.out().contains("withheld conduits: restricted"), r.out());
        assertTrue(r.out().contains("withheld water: not named in the policy (deny by default)"), r.out());
        assertTrue(r.out().contains("publish_ms="), r.out());
        assertTrue(Files.exists(out.resolve("publication-report.json")) && Files.exists(out.resolve("catalog.jsonld")));
        assertFalse(r.err().contains("--base-url"), "absolute links: no note");
    }

    @Test
    void formatsAndLayersNarrowThePublication() throws Exception {
        Path out = dir.resolve("opendata");
        CliTest.Result r = CliTest.cli("publish", source.toString(), "--out", out.toString(), "--formats", "gpkg",
                "--layers", "quarters");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("--base-url"), "relative links are pointed out: " + r.err());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("README.md", "catalog.jsonld", "data.json", "duisburg-ortsteile.gpkg",
                    "publication-report.json"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aBadPolicyStopsBeforeAnythingIsWritten() throws Exception {
        Path policy = dir.resolve("policy.json");
        Files.writeString(policy, Files.readString(Path.of("opendata", "publication-policy.json"))
                .replace("\"personal_fields\"", "\"personal_feilds\""));
        Path out = dir.resolve("opendata");
        CliTest.Result r = CliTest.cli("publish", source.toString(), "--out", out.toString(), "--policy", policy.toString());
        assertEquals(2, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("policy.json") && r.err().contains("personal_feilds"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void misuseExitsTwo() {
        Path out = dir.resolve("opendata");
        assertEquals(2, CliTest.cli("publish", source.toString(), "--out", out.toString(), "--formats", "kml").exit());
        assertEquals(2, CliTest.cli("publish", source.toString(), "--out", out.toString(), "--ckan-url", "https://x.example").exit());
        assertEquals(2, CliTest.cli("publish", source.toString(), "--out", out.toString(), "--dry-run").exit());
        CliTest.Result unknown = CliTest.cli("publish", source.toString(), "--out", out.toString(), "--layers", "parks");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("parks"), unknown.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void theDryRunPrintsTheRequestsWithTheTokenRedacted() throws Exception {
        try (FakeCkan ckan = new FakeCkan(TOKEN, "stadt-duisburg")) {
            Path out = dir.resolve("opendata");
            Run r = run(Map.of("TRASSENWERK_CKAN_TOKEN", TOKEN)::get, "publish", source.toString(), "--out", out.toString(),
                    "--layers", "districts", "--ckan-url", ckan.url().toString(), "--ckan-org", "stadt-duisburg", "--dry-run");
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains("POST " + ckan.url() + "/api/3/action/package_create"), r.out());
            assertTrue(r.out().contains("Authorization: <redacted>"), r.out());
            assertFalse(r.out().contains(TOKEN) || r.err().contains(TOKEN));
            assertEquals(List.of(), ckan.received(), "a dry run sends nothing");
        }
    }

    @Test
    void uploadingTwiceCreatesThenUpdatesTheDataset() throws Exception {
        try (FakeCkan ckan = new FakeCkan(TOKEN, "stadt-duisburg")) {
            Path out = dir.resolve("opendata");
            String[] args = {"publish", source.toString(), "--out", out.toString(), "--layers", "districts", "--ckan-url",
                ckan.url().toString(), "--ckan-org", "stadt-duisburg"};
            Run first = run(Map.of("TRASSENWERK_CKAN_TOKEN", TOKEN)::get, args);
            assertEquals(0, first.exit(), first.err());
            assertTrue(first.out().contains("CKAN: duisburg-stadtbezirke created, 3 files uploaded"), first.out());
            Run second = run(Map.of("TRASSENWERK_CKAN_TOKEN", TOKEN)::get, args);
            assertEquals(0, second.exit(), second.err());
            assertTrue(second.out().contains("CKAN: duisburg-stadtbezirke updated (0 files added, 3 replaced)"), second.out());
            assertEquals(1, ckan.packages().size());
        }
    }

    @Test
    void withoutATokenInTheEnvironmentNothingIsWritten() throws Exception {
        try (FakeCkan ckan = new FakeCkan(TOKEN, "stadt-duisburg")) {
            Path out = dir.resolve("opendata");
            Run r = run(Map.<String, String>of()::get, "publish", source.toString(), "--out", out.toString(), "--ckan-url",
                    ckan.url().toString(), "--ckan-org", "stadt-duisburg");
            assertEquals(2, r.exit());
            UserFacingException e = (UserFacingException) r.failure();
            assertEquals("cli.publish.error.noToken", e.key());
            assertTrue(e.getMessage().contains("TRASSENWERK_CKAN_TOKEN"));
            assertFalse(Files.exists(out));
            assertEquals(List.of(), ckan.received());
        }
    }

    record Run(int exit, String out, String err, Exception failure) {
    }

    /** Runs the command line with {@code environment} as the process environment of {@code publish}. */
    static Run run(Function<String, String> environment, String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == PublishCommand.class ? cls.cast(new PublishCommand(environment))
                        : CommandLine.defaultFactory().create(cls);
            }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new TrassenwerkCommand(), factory);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        Exception[] failure = {null};
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            failure[0] = ex;
            return ExitCodes.UNUSABLE;
        });
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString(), failure[0]);
    }
}
