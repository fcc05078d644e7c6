package de.trassenwerk.sample;

import de.trassenwerk.store.BulkLoader;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.ThemeLayers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * A large synthetic city for the coordination benchmark: a square grid of streets (100 m blocks,
 * enough of them for the number of works), planned routes walking along the grid, open-trench and
 * other works on one to three blocks of a street, free and full ducts, 25 square districts. Dates
 * relative to a reference date (stored in the file like the sample city's), deterministic for a
 * seed. Not a picture of Duisburg: only sizes and the mix of situations matter here. The file is
 * written under a temporary name and moved into place when complete.
 */
public final class CoordinationBenchmarkCity {
    private static final double BLOCK = 100;
    private static final double X0 = 330_000;
    private static final double Y0 = 5_680_000;
    private static final String[] KINDS = {"road_renewal", "sewer", "water", "gas", "district_heating", "power",
        "telecom", "bridge"};
    private static final String[] ORGANISATIONS = {"Wirtschaftsbetriebe Duisburg", "Netze Duisburg",
        "Stadt Duisburg, Straßenbau", "Deutsche Telekom", "Vodafone", "Thyssengas", "Stadtwerke Duisburg"};

    private final GeometryFactory gf = new GeometryFactory();
    private final int lines;
    private final LocalDate today;
    private final SplittableRandom rnd;

    private CoordinationBenchmarkCity(int sites, long seed, LocalDate today) {
        this.lines = Math.max(10, (int) Math.ceil(Math.sqrt(sites * 1.25 / 2)) + 1);
        this.today = today;
        this.rnd = new SplittableRandom(seed);
    }

    /** Writes a city with {@code routes} planned routes and {@code sites} works; returns features per layer. */
    public static Map<String, Long> write(Path out, int routes, int sites, long seed, LocalDate today,
            Consumer<String> progress) {
        if (routes < 0 || sites < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        CoordinationBenchmarkCity city = new CoordinationBenchmarkCity(sites, seed, today);
        Path dir = out.toAbsolutePath().getParent();
        Path tmp;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + out.getFileName() + "-", ".tmp");
            Files.delete(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        try {
            try (GeoPackageStore store = GeoPackageStore.create(tmp)) {
                store.useUnsafeFastWrites();
                for (String layer : List.of(ThemeLayers.DISTRICTS, ThemeLayers.STREETS, ThemeLayers.CONDUITS,
                        ThemeLayers.CONSTRUCTION_SITES, ThemeLayers.PLANNED_ROUTES)) {
                    store.createLayer(ThemeLayers.schema(layer));
                }
                progress.accept("streets and districts (" + city.lines + " x " + city.lines + " grid lines)");
                counts.put(ThemeLayers.DISTRICTS, city.districts(store.bulkLoader(ThemeLayers.DISTRICTS)));
                counts.put(ThemeLayers.STREETS, city.streets(store.bulkLoader(ThemeLayers.STREETS)));
                progress.accept("conduits");
                counts.put(ThemeLayers.CONDUITS, city.conduits(store.bulkLoader(ThemeLayers.CONDUITS), sites / 50));
                progress.accept("construction sites (" + sites + ")");
                counts.put(ThemeLayers.CONSTRUCTION_SITES, city.sites(store.bulkLoader(ThemeLayers.CONSTRUCTION_SITES),
                        sites));
                progress.accept("planned routes (" + routes + ")");
                counts.put(ThemeLayers.PLANNED_ROUTES, city.routes(store.bulkLoader(ThemeLayers.PLANNED_ROUTES), routes));
                store.writeMetadata(Map.of(SampleCityWriter.REFERENCE_DATE_KEY, today.toString(),
                        SampleCityWriter.SEED_KEY, Long.toString(seed)));
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return counts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing left to clean up that matters
            }
        }
    }

    private Coordinate vertex(int i, int j) {
        return new Coordinate(X0 + i * BLOCK, Y0 + j * BLOCK);
    }

    private static String streetClass(int line) {
        return line % 10 == 0 ? "primary" : line % 5 == 0 ? "secondary" : line % 7 == 3 ? "service" : "residential";
    }

    private long districts(BulkLoader loader) {
        double size = (lines - 1) * BLOCK / 5;
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                Envelope e = new Envelope(X0 + i * size, X0 + (i + 1) * size, Y0 + j * size, Y0 + (j + 1) * size);
                loader.add(gf.createMultiPolygon(new Polygon[] {(Polygon) gf.toGeometry(e)}),
                        Map.of("name", "Bezirk " + (i * 5 + j + 1), "code", Integer.toString(i * 5 + j + 1)));
            }
        }
        loader.finish();
        return 25;
    }

    /** Both directions; the surface of a street is renewed in stretches of five blocks. */
    private long streets(BulkLoader loader) {
        long n = 0;
        for (int dir = 0; dir < 2; dir++) {
            for (int line = 0; line < lines; line++) {
                String name = (dir == 0 ? "Querstraße " : "Längsstraße ") + (line + 1);
                LocalDate renewed = null;
                for (int k = 0; k + 1 < lines; k++) {
                    if (k % 5 == 0) {
                        renewed = rnd.nextDouble() < 0.3 ? null : today.minusDays(30 + rnd.nextInt(25 * 365));
                    }
                    Coordinate a = dir == 0 ? vertex(k, line) : vertex(line, k);
                    Coordinate b = dir == 0 ? vertex(k + 1, line) : vertex(line, k + 1);
                    Map<String, Object> attrs = new LinkedHashMap<>();
                    attrs.put("name", name);
                    attrs.put("class", streetClass(line));
                    attrs.put("surface_renewed", renewed == null ? null : renewed.toString());
                    attrs.put("width_m", width(line));
                    loader.add(gf.createLineString(new Coordinate[] {a, b}), attrs);
                    n++;
                }
            }
        }
        loader.finish();
        return n;
    }

    private static double width(int line) {
        return switch (streetClass(line)) {
            case "primary" -> 22;
            case "secondary" -> 15;
            case "service" -> 8;
            default -> 10;
        };
    }

    /** A straight stretch of {@code blocks} blocks along a random grid line. */
    private LineString stretch(int blocks) {
        int dir = rnd.nextInt(2);
        int line = rnd.nextInt(lines);
        int from = rnd.nextInt(Math.max(1, lines - blocks));
        int to = Math.min(lines - 1, from + blocks);
        return dir == 0 ? gf.createLineString(new Coordinate[] {vertex(from, line), vertex(to, line)})
                : gf.createLineString(new Coordinate[] {vertex(line, from), vertex(line, to)});
    }

    private long conduits(BulkLoader loader, int count) {
        for (int i = 0; i < count; i++) {
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("owner", ORGANISATIONS[3 + rnd.nextInt(4)]);
            attrs.put("status", rnd.nextDouble() < 0.8 ? "existing" : "planned");
            int total = 2 + rnd.nextInt(6);
            attrs.put("tubes_total", (long) total);
            attrs.put("tubes_free", (long) rnd.nextInt(total));
            loader.add(stretch(5 + rnd.nextInt(16)), attrs);
        }
        loader.finish();
        return count;
    }

    private long sites(BulkLoader loader, int count) {
        for (int n = 0; n < count; n++) {
            LineString axis = stretch(1 + rnd.nextInt(3));
            Coordinate a = axis.getCoordinateN(0);
            Coordinate b = axis.getCoordinateN(1);
            double half = (8 + rnd.nextInt(13)) / 2.0;
            boolean alongX = a.y == b.y;
            Envelope e = alongX ? new Envelope(a.x, b.x, a.y - half, a.y + half)
                    : new Envelope(a.x - half, a.x + half, a.y, b.y);
            String kind = KINDS[rnd.nextInt(KINDS.length)];
            LocalDate start = today.plusDays(-3 * 365 + rnd.nextInt(5 * 365));
            LocalDate end = start.plusDays(14 + rnd.nextInt(250));
            String status = end.isBefore(today) ? "done" : !start.isAfter(today) ? "active"
                    : rnd.nextBoolean() ? "approved" : "planned";
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("site_ref", String.format(java.util.Locale.ROOT, "BB-%06d", n + 1));
            attrs.put("title", "Arbeiten " + (n + 1));
            attrs.put("kind", kind);
            attrs.put("organisation", ORGANISATIONS[rnd.nextInt(ORGANISATIONS.length)]);
            attrs.put("start_date", start.toString());
            attrs.put("end_date", end.toString());
            attrs.put("status", status);
            attrs.put("open_trench", !kind.equals("bridge") && rnd.nextDouble() < 0.85);
            attrs.put("surface", "road");
            attrs.put("traffic_impact", "lane_closed");
            loader.add(gf.createMultiPolygon(new Polygon[] {(Polygon) gf.toGeometry(e)}), attrs);
        }
        loader.finish();
        return count;
    }

    /** Staircase walks along the grid of 5 to 25 blocks. */
    private long routes(BulkLoader loader, int count) {
        for (int n = 0; n < count; n++) {
            int i = rnd.nextInt(lines);
            int j = rnd.nextInt(lines);
            int di = rnd.nextBoolean() ? 1 : -1;
            int dj = rnd.nextBoolean() ? 1 : -1;
            int steps = 5 + rnd.nextInt(21);
            List<Coordinate> coords = new java.util.ArrayList<>();
            coords.add(vertex(i, j));
            for (int s = 0; s < steps; s++) {
                boolean x = rnd.nextDouble() < 0.5;
                int ni = x ? i + di : i;
                int nj = x ? j : j + dj;
                if (ni < 0 || ni >= lines || nj < 0 || nj >= lines) {
                    continue;
                }
                i = ni;
                j = nj;
                coords.add(vertex(i, j));
            }
            if (coords.size() < 2) {
                coords.add(vertex(i == 0 ? 1 : i - 1, j));
            }
            double u = rnd.nextDouble();
            String status = u < 0.6 ? "draft" : u < 0.85 ? "agreed" : "built";
            LocalDate neededBy = status.equals("built") ? today.minusMonths(2 + rnd.nextInt(20))
                    : rnd.nextDouble() < 0.15 ? null : today.plusMonths(6 + rnd.nextInt(14));
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("name", "Trasse " + (n + 1));
            attrs.put("status", status);
            attrs.put("needed_by", neededBy == null ? null : neededBy.toString());
            loader.add(gf.createLineString(coords.toArray(new Coordinate[0])), attrs);
        }
        loader.finish();
        return count;
    }
}
