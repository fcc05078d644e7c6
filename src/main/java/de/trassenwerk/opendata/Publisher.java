package de.trassenwerk.opendata;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.i18n.UserFacingException;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.LayerInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Publishes a GeoPackage as open data, one checked step: plans the publication by the policy,
 * writes every dataset in every requested format in one pass over its source, then the metadata
 * (DCAT-AP.de JSON-LD, {@code data.json}, README, publication report), all into a temporary folder
 * that is moved into place only when everything succeeded; any failure or cancellation leaves no
 * target folder (and an earlier publication there untouched).
 *
 * <p>Thread rules: {@link #publish} blocks for the whole work and must run on a worker thread, never
 * on the JavaFX thread; {@code cancelled} is polled from that thread and {@link PublishProgress} is
 * called on it. Instances are immutable and may be shared.
 */
public final class Publisher {
    static final String CATALOG = "catalog.jsonld";
    static final String DATA_JSON = "data.json";
    static final String README = "README.md";
    /** The sample city's "today", stored in its GeoPackage; used when a dataset has no dates of its own. */
    static final String REFERENCE_DATE_KEY = "TRASSENWERK_REFERENCE_DATE";
    private static final ZoneId CITY_TIME = ZoneId.of("Europe/Berlin");

    private final Clock clock;
    private final DatasetSink.Factory sinks;

    /** A publisher stamping publications with the current time. */
    public Publisher() {
        this(Clock.systemUTC(), DatasetSink.Factory.STANDARD);
    }

    Publisher(Clock clock, DatasetSink.Factory sinks) {
        this.clock = clock;
        this.sinks = sinks;
    }

    /** Plans a publication of an open store without writing anything (for the wizard and checks). */
    public static PublicationPlan plan(GeoPackageStore store, PublicationPolicy policy, List<String> layers,
            Map<String, DatasetInfo> editedMetadata) {
        List<LayerInfo> infos = store.layers();
        if (layers != null) {
            for (String l : layers) {
                if (infos.stream().noneMatch(i -> i.name().equalsIgnoreCase(l.trim()))) {
                    throw new UserFacingException("opendata.publish.error.unknownLayer", null, l, store.file().getFileName());
                }
            }
        }
        PublicationPlan plan = PublicationPlanner.plan(policy, infos, layers);
        if (editedMetadata.isEmpty()) {
            return plan;
        }
        List<PlannedDataset> edited = new ArrayList<>();
        for (PlannedDataset d : plan.datasets()) {
            DatasetInfo e = editedMetadata.get(d.info().name());
            edited.add(e == null ? d : d.withInfo(e));
        }
        return new PublicationPlan(policy, edited, plan.withheld());
    }

    /** Writes the publication; returns what was written (the folder is then {@code request.outDir()}). */
    public Publication publish(PublishRequest request, PublishProgress progress, BooleanSupplier cancelled) {
        URI base = baseUrl(request.baseUrl());
        try (GeoPackageStore store = GeoPackageStore.open(request.source(), GeoPackageStore.Mode.READ_ONLY)) {
            PublicationPlan plan = plan(store, request.policy(), request.layers(), request.editedMetadata());
            if (plan.datasets().isEmpty()) {
                throw new UserFacingException("opendata.publish.error.nothing", null, request.source().getFileName());
            }
            ContactPointCheck.check(store, plan);
            PublicationFolder folder = PublicationFolder.begin(request.outDir());
            try {
                Publication publication = write(store, plan, request, base, folder.temp(), progress, cancelled);
                folder.commit();
                progress.update(1, Messages.get("opendata.progress.done", request.outDir()));
                return publication;
            } catch (IOException | RuntimeException | Error e) {
                folder.discard();
                throw e;
            }
        } catch (IOException e) {
            throw new UserFacingException("opendata.publish.error.io", e, request.outDir(), String.valueOf(e.getMessage()));
        }
    }

    private Publication write(GeoPackageStore store, PublicationPlan plan, PublishRequest request, URI base, Path dir,
            PublishProgress progress, BooleanSupplier cancelled) throws IOException {
        Instant now = clock.instant();
        LocalDate asOf = referenceDate(store, now);
        Map<Integer, AreaIndex> areas = new HashMap<>();
        List<PublishedDataset> written = new ArrayList<>();
        int n = plan.datasets().size();
        for (int i = 0; i < n; i++) {
            PlannedDataset d = plan.datasets().get(i);
            progress.update((double) i / (n + 1), Messages.get("opendata.progress.dataset", d.info().name(), i + 1, n));
            if (cancelled.getAsBoolean()) {
                throw new CancellationException();
            }
            AreaIndex index = d.geometry() == GeometryRule.AREA
                    ? areas.computeIfAbsent(d.sourceEpsg(), epsg -> loadAreas(store, plan.policy(), epsg)) : null;
            written.add(writeDataset(store, d, index, request, dir, asOf, cancelled));
        }
        progress.update((double) n / (n + 1), Messages.get("opendata.progress.metadata"));
        Publication publication = new Publication(plan, written, now, request.source().getFileName().toString(), base);
        DcatApDeWriter.write(publication, dir.resolve(CATALOG));
        DataJsonWriter.write(publication, dir.resolve(DATA_JSON));
        ReadmeWriter.write(publication, dir.resolve(README));
        PublicationReport.write(publication, dir.resolve(PublicationFolder.REPORT));
        return publication;
    }

    private PublishedDataset writeDataset(GeoPackageStore store, PlannedDataset d, AreaIndex areas,
            PublishRequest request, Path dir, LocalDate asOf, BooleanSupplier cancelled) throws IOException {
        Map<Format, DatasetSink> open = new EnumMap<>(Format.class);
        try {
            for (Format f : request.formats()) {
                open.put(f, sinks.open(f, dir.resolve(fileName(d, f)), d));
            }
            DatasetStats stats = new DatasetStats(d);
            PublicFeatureReader reader = new PublicFeatureReader(store, d, areas, cancelled);
            reader.forEach(feature -> {
                stats.accept(feature);
                for (DatasetSink s : open.values()) {
                    try {
                        s.accept(feature);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            List<PublishedFile> files = new ArrayList<>();
            for (Map.Entry<Format, DatasetSink> e : open.entrySet()) {
                e.getValue().finish();
                Path file = dir.resolve(fileName(d, e.getKey()));
                files.add(new PublishedFile(e.getKey(), file.getFileName().toString(), Files.size(file), sha256(file)));
            }
            open.clear();
            return new PublishedDataset(d, reader.counts(), stats.extentWgs84(), stats.temporal(asOf), files);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            for (DatasetSink s : open.values()) {
                s.abort();
            }
        }
    }

    static String fileName(PlannedDataset d, Format f) {
        return d.info().name() + "." + f.extension();
    }

    static AreaIndex loadAreas(GeoPackageStore store, PublicationPolicy policy, int targetEpsg) {
        LayerInfo info = store.layerInfo(policy.areas().layer());
        return AreaIndex.load(store, policy.areas(), PublicationPlanner.epsg(info), targetEpsg);
    }

    private static LocalDate referenceDate(GeoPackageStore store, Instant now) {
        String v = store.metadata().get(REFERENCE_DATE_KEY);
        if (v != null) {
            try {
                return LocalDate.parse(v.trim());
            } catch (DateTimeParseException ignored) {
                // not a date: fall back to the day of publication
            }
        }
        return LocalDate.ofInstant(now, CITY_TIME);
    }

    /** The base URL as given, ending in a slash so that file names resolve below it; http(s) only. */
    static URI baseUrl(URI given) {
        if (given == null) {
            return null;
        }
        String s = given.toString();
        if (!given.isAbsolute() || !(s.startsWith("http://") || s.startsWith("https://")) || given.getHost() == null
                || given.getQuery() != null || given.getFragment() != null) {
            throw new UserFacingException("opendata.publish.error.baseUrl", null, s);
        }
        return URI.create(s.endsWith("/") ? s : s + "/");
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
