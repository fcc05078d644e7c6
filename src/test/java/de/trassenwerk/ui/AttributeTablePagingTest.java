package de.trassenwerk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.store.BulkLoader;
import de.trassenwerk.store.ChangeSet;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.LayerInfo;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.ThemeLayers;
import de.trassenwerk.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The attribute table on a layer of 100 000 rows reads only the pages it shows. */
@ExtendWith(ApplicationExtension.class)
class AttributeTablePagingTest {
    static final int ROWS = 100_000;

    @TempDir
    static Path dir;
    static GeoPackageStore file;
    static final List<Query> reads = new CopyOnWriteArrayList<>();

    private AttributeTable table;

    @BeforeAll
    static void hundredThousandStreets() {
        Messages.setLocale(Locale.ENGLISH);
        GeometryFactory g = new GeometryFactory();
        try (GeoPackageStore s = GeoPackageStore.create(dir.resolve("big.gpkg"))) {
            s.createLayer(ThemeLayers.schema(ThemeLayers.STREETS));
            BulkLoader loader = s.bulkLoader(ThemeLayers.STREETS);
            for (int i = 0; i < ROWS; i++) {
                double x = 340_000 + (i % 1000) * 10;
                double y = 5_700_000 + (i / 1000) * 10;
                loader.add(g.createLineString(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + 8, y)}),
                        Fixtures.attrs("name", "Straße " + (ROWS - i), "class", i % 3 == 0 ? "primary" : "residential",
                                "width_m", (double) (i % 17)));
            }
            loader.finish();
        }
        file = GeoPackageStore.open(dir.resolve("big.gpkg"), GeoPackageStore.Mode.READ_ONLY);
    }

    @AfterAll
    static void close() {
        file.close();
        Messages.setLocale(Messages.defaultLocale());
    }

    @Start
    void start(Stage stage) {
        reads.clear();
        BackgroundReads background = new BackgroundReads();
        Selection selection = new Selection(background, geometries -> { });
        table = new AttributeTable(background, selection, envelope -> { });
        background.setStore(new CountingStore(file));
        table.setLayers(Map.of(ThemeLayers.STREETS, "Streets"), ThemeLayers.STREETS);
        stage.setScene(new Scene(table, 900, 500));
        stage.getScene().getStylesheets().add(FeatureExplorer.class.getResource("explore.css").toExternalForm());
        stage.show();
    }

    @Test
    void scrollingToTheMiddleReadsOnlyThePagesShown(FxRobot robot) throws Exception {
        waitUntil(() -> firstVisibleRowLoaded(0));
        assertEquals("100,000 of 100,000 rows", onFx(table::rowCountText));
        onFx(() -> {
            table.tableView().scrollTo(50_000);
            return null;
        });
        waitUntil(() -> firstVisibleRowLoaded(50_000));
        List<Long> offsets = reads.stream().filter(q -> q.limit() > 0).map(Query::offset).toList();
        assertTrue(offsets.size() <= 4, "pages read: " + offsets);
        for (long offset : offsets) {
            assertTrue(offset < 2 * LazyRows.PAGE_SIZE || Math.abs(offset - 50_000) <= 2 * LazyRows.PAGE_SIZE,
                    "a page far from the rows shown was read: " + offsets);
        }
        assertTrue(reads.stream().noneMatch(q -> q.limit() == 0 && q.withGeometry()), "never all rows");
    }

    @Test
    void sortingByAColumnIsAnSqlOrderAndShowsTheSmallestFirst(FxRobot robot) throws Exception {
        waitUntil(() -> firstVisibleRowLoaded(0));
        clickColumnName(robot, "name");
        waitUntil(() -> firstVisibleRowLoaded(0) && "Straße 1".equals(firstRow().get("name")));
        assertTrue(reads.stream().anyMatch(q -> "name".equals(q.orderBy()) && q.ascending() && q.limit() > 0));
        clickColumnName(robot, "name");
        waitUntil(() -> firstVisibleRowLoaded(0) && "Straße 99999".equals(firstRow().get("name")));
        assertTrue(reads.stream().allMatch(q -> q.limit() <= LazyRows.PAGE_SIZE), "only pages are read");
    }

    @Test
    void aColumnFilterCountsItsRowsInSql(FxRobot robot) throws Exception {
        waitUntil(() -> firstVisibleRowLoaded(0));
        robot.clickOn("#filter-width_m").write(">=16");
        waitUntil(() -> table.rowCountText().startsWith("5,882 of"));
        robot.clickOn("#filter-class").write("prim");
        long expected = file.count(ThemeLayers.STREETS, Query.ALL.withFilter(de.trassenwerk.store.AttributeFilter.and(
                de.trassenwerk.store.AttributeFilter.compare("width_m", de.trassenwerk.store.AttributeFilter.Op.GE, 16),
                de.trassenwerk.store.AttributeFilter.eq("class", "primary"))));
        waitUntil(() -> table.rowCountText().equals(String.format(Locale.ENGLISH, "%,d of 100,000 rows", expected)));
        robot.doubleClickOn("#filter-width_m").write(">=1x");
        waitUntil(() -> robot.lookup("#filter-width_m").query().getStyleClass().contains("filter-error"));
    }

    /** Clicks the name in a column's header (below it lies the filter field). */
    static void clickColumnName(FxRobot robot, String column) {
        javafx.geometry.Bounds b = robot.lookup("#column-" + column).query().getBoundsInLocal();
        javafx.geometry.Point2D top = robot.lookup("#column-" + column).query()
                .localToScreen(b.getCenterX(), b.getMinY() + 7);
        robot.clickOn(top, javafx.scene.input.MouseButton.PRIMARY);
    }

    private Map<String, Object> firstRow() {
        return table.tableView().getItems().get(0).isLoaded()
                ? rowAttributes(table.tableView().getItems().get(0)) : Map.of();
    }

    private static Map<String, Object> rowAttributes(AttributeRow row) {
        return row.value("name").getValue() instanceof String name ? Map.of("name", name) : Map.of();
    }

    /** Whether the table shows row {@code index} with its values read. */
    private boolean firstVisibleRowLoaded(int index) {
        return table.tableView().lookupAll(".table-row-cell").stream().map(n -> (TableRow<?>) n)
                .anyMatch(r -> r.getIndex() == index && r.getItem() instanceof AttributeRow a && a.isLoaded()
                        && r.isVisible());
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(condition));
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    /** The file, counting the queries that read features. */
    private record CountingStore(GeoPackageStore inner) implements FeatureStore {
        @Override
        public List<LayerInfo> layers() {
            return inner.layers();
        }

        @Override
        public LayerSchema schema(String layer) {
            return inner.schema(layer);
        }

        @Override
        public void read(String layer, Query query, Consumer<Feature> sink) {
            reads.add(query);
            inner.read(layer, query, sink);
        }

        @Override
        public long count(String layer, Query query) {
            return inner.count(layer, query);
        }

        @Override
        public void createLayer(LayerSchema schema) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Long> apply(ChangeSet changes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, String> metadata() {
            return inner.metadata();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
