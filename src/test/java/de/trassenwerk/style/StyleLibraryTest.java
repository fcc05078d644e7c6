package de.trassenwerk.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.i18n.UserFacingException;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.ThemeLayers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project's styles/ folder, the copies built into the program, and folders with broken files. */
class StyleLibraryTest {
    private static final Path PROJECT_STYLES = Path.of("styles");

    @TempDir
    Path dir;

    @Test
    void streetsAreLabelledOnlyAtLargeScales() throws Exception {
        LayerStyle streets = SldReader.read(PROJECT_STYLES.resolve("streets.sld")).layers().get(0);
        assertTrue(streets.labelledAt(11_000), "names of main streets up to 1:15 000");
        assertFalse(streets.labelledAt(20_000), "no names beyond");
        assertFalse(streets.labelledAt(500_000));
    }

    @Test
    void everyProjectStyleParsesWithoutWarningsAndNamesARealLayer() throws Exception {
        Set<String> themes = ThemeLayers.all().stream().map(LayerSchema::name).collect(Collectors.toSet());
        List<Path> files;
        try (Stream<Path> s = Files.list(PROJECT_STYLES)) {
            files = s.filter(p -> p.toString().endsWith(".sld")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path f : files) {
            SldDocument doc = SldReader.read(f);
            assertEquals(List.of(), doc.warnings().stream().map(StyleWarning::message).toList(), f::toString);
            assertEquals(1, doc.layers().size(), f::toString);
            String layer = doc.layers().get(0).layerName();
            assertTrue(themes.contains(layer), f + " names " + layer + ", which is no theme layer");
            assertEquals(layer + ".sld", f.getFileName().toString());
            for (Rule r : doc.layers().get(0).rules()) {
                assertFalse(r.name().isEmpty(), f + ": every rule has a name (the legend's message key)");
                assertFalse(r.title().isEmpty(), f + ": every rule has an English title");
            }
        }
    }

    @Test
    void everyThemeLayerHasAProjectStyle() {
        StyleLibrary lib = StyleLibrary.load(PROJECT_STYLES);
        assertEquals(List.of(), lib.messages());
        for (LayerSchema theme : ThemeLayers.all()) {
            assertEquals(Optional.of(PROJECT_STYLES.resolve(theme.name() + ".sld").toString()), lib.fileOf(theme.name()));
            assertEquals(theme.name(), lib.styleFor(theme.name()).layerName());
        }
    }

    @Test
    void bundledStylesAreTheProjectStyles() {
        StyleLibrary bundled = StyleLibrary.bundled();
        StyleLibrary project = StyleLibrary.load(PROJECT_STYLES);
        assertEquals(List.of(), bundled.messages());
        for (LayerSchema theme : ThemeLayers.all()) {
            assertTrue(bundled.fileOf(theme.name()).isPresent(), theme.name() + " is built in");
            assertEquals(project.styleFor(theme.name()).rules().size(), bundled.styleFor(theme.name()).rules().size());
        }
    }

    @Test
    void brokenFileIsAnErrorAndItsLayerFallsBackToTheDefault() throws Exception {
        Files.writeString(dir.resolve("water.sld"), "<StyledLayerDescriptor><NamedLayer>\n<Name>water</Name>\n<oops");
        Files.copy(PROJECT_STYLES.resolve("streets.sld"), dir.resolve("streets.sld"));
        StyleLibrary lib = StyleLibrary.load(dir);
        assertEquals(1, lib.errors().size());
        assertEquals(dir.resolve("water.sld").toString(), lib.errors().get(0).file());
        assertEquals(3, lib.errors().get(0).line());
        assertEquals(Optional.empty(), lib.fileOf("water"));
        assertEquals(DefaultStyles.forLayer("water"), lib.styleFor("water"));
        assertTrue(lib.fileOf("streets").isPresent(), "the other files are still used");
        assertEquals(1, lib.messages().size());
        assertTrue(lib.messages().get(0).contains("water.sld, line 3"), lib.messages().get(0));
    }

    @Test
    void fileNameDecidesTheLayerAndAMismatchedNamedLayerIsAWarning() throws Exception {
        Files.writeString(dir.resolve("Streets.sld"), "<StyledLayerDescriptor><NamedLayer><Name>duisburg — streets</Name>"
                + "<UserStyle><FeatureTypeStyle><Rule><LineSymbolizer/></Rule></FeatureTypeStyle></UserStyle>"
                + "</NamedLayer></StyledLayerDescriptor>");
        StyleLibrary lib = StyleLibrary.load(dir);
        assertEquals("duisburg — streets", lib.styleFor("streets").layerName(), "case of the file name does not matter");
        assertEquals(1, lib.warnings().size());
        assertEquals("style.warning.layerName", lib.warnings().get(0).key());
    }

    @Test
    void layerWithoutStyleGetsItsDefaultAndOtherLayersAGeometryNeutralOne() {
        StyleLibrary lib = StyleLibrary.defaults();
        assertEquals(DefaultStyles.forLayer("conduits"), lib.styleFor("conduits"));
        List<Rule> neutral = lib.styleFor("my_parcels").rules();
        assertEquals(3, neutral.size(), "areas, lines and points each have a rule");
        assertSame(Filter.GeometryDimension.class, neutral.get(0).filter().getClass());
    }

    @Test
    void missingFolderIsAUserFacingError() {
        UserFacingException e = assertThrows(UserFacingException.class, () -> StyleLibrary.load(dir.resolve("none")));
        assertEquals("style.error.directory", e.key());
    }
}
