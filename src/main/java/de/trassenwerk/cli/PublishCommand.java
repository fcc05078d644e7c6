package de.trassenwerk.cli;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.i18n.UserFacingException;
import de.trassenwerk.opendata.Format;
import de.trassenwerk.opendata.Publication;
import de.trassenwerk.opendata.PublicationPolicy;
import de.trassenwerk.opendata.PublishProgress;
import de.trassenwerk.opendata.PublishRequest;
import de.trassenwerk.opendata.PublishedDataset;
import de.trassenwerk.opendata.PublishedFile;
import de.trassenwerk.opendata.Publisher;
import de.trassenwerk.opendata.WithheldLayer;
import de.trassenwerk.opendata.ckan.CkanDryRun;
import de.trassenwerk.opendata.ckan.CkanException;
import de.trassenwerk.opendata.ckan.CkanPublisher;
import de.trassenwerk.opendata.ckan.CkanToken;
import de.trassenwerk.opendata.ckan.HttpCkanApi;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code publish GPKG --out DIR [--policy FILE] [--layers a,b] [--formats geojson,csv,gpkg]
 * [--base-url URL] [--ckan-url URL --ckan-org ORG [--dry-run]]}: publishes the public parts of a
 * GeoPackage as open data by the publication policy, into a folder that appears only when
 * everything was written, and optionally onto a CKAN portal. The CKAN token comes from the
 * environment variable {@code TRASSENWERK_CKAN_TOKEN} only.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Publish the public layers of a GeoPackage as open data (GeoJSON, CSV, GeoPackage with "
                + "DCAT-AP.de metadata, data.json, README and a publication report), by the publication policy: "
                + "layers and fields it does not name are withheld, personal fields dropped, restricted layers at "
                + "most aggregated. Optionally uploads to CKAN (API token from TRASSENWERK_CKAN_TOKEN).")
final class PublishCommand implements Callable<Integer> {
    @Parameters(paramLabel = "GPKG", description = "The GeoPackage to publish from (opened read-only).")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The folder to create (written beside it first, moved into place when complete; an earlier "
                    + "publication there is replaced).")
    Path out;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Publication policy (JSON; default: the shipped policy, opendata/publication-policy.json).")
    Path policy;

    @Option(names = "--layers", split = ",", paramLabel = "LAYER",
            description = "Consider only these source layers (default: all; the policy still decides).")
    List<String> layers;

    @Option(names = "--formats", split = ",", paramLabel = "FORMAT",
            description = "geojson, csv, gpkg (default: all three).")
    List<String> formats;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Where the folder will be served from; makes the download URLs in the metadata absolute.")
    String baseUrl;

    @Option(names = "--ckan-url", paramLabel = "URL", description = "CKAN portal to upload to, e.g. https://opendata.ruhr.")
    String ckanUrl;

    @Option(names = "--ckan-org", paramLabel = "ORG", description = "The CKAN organisation that owns the datasets.")
    String ckanOrg;

    @Option(names = "--dry-run", description = "Print the CKAN requests (token redacted) instead of sending them.")
    boolean dryRun;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Function<String, String> environment;

    PublishCommand() {
        this(System::getenv);
    }

    /** A command reading the CKAN token through {@code environment} (tests pass their own). */
    PublishCommand(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if ((ckanUrl == null) != (ckanOrg == null) || dryRun && ckanUrl == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), Messages.get("cli.publish.error.ckanOptions"));
        }
        Set<Format> chosen = formats();
        URI base = baseUrl == null ? null : uri(baseUrl);
        URI ckan = ckanUrl == null ? null : uri(ckanUrl);
        String token = CkanToken.from(environment);
        if (ckan != null && !dryRun && token == null) {
            throw new UserFacingException("cli.publish.error.noToken", null, CkanToken.VARIABLE);
        }
        HttpCkanApi api = ckan != null && !dryRun ? new HttpCkanApi(ckan, token) : null;
        PublicationPolicy rules = policy == null ? PublicationPolicy.defaults() : PublicationPolicy.load(policy);
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (base == null) {
            err.println(Messages.get("cli.publish.relativeLinks"));
        }
        long t0 = System.nanoTime();
        Publication p = new Publisher().publish(new PublishRequest(file, out, rules, layers, chosen, base, null),
                PublishProgress.NONE, () -> false);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        for (PublishedDataset d : p.datasets()) {
            o.println(Messages.get("cli.publish.dataset", d.info().name(), d.plan().sourceLayer(), d.counts().published(),
                    String.join(", ", d.files().stream().map(PublishedFile::fileName).toList())));
        }
        for (WithheldLayer w : p.plan().withheld()) {
            o.println(Messages.get("cli.publish.withheld", w.layer(), Messages.get(w.reason().messageKey())));
        }
        o.println(Messages.get("cli.publish.done", out, p.datasets().size()) + " publish_ms=" + ms);
        if (ckan == null) {
            return ExitCodes.OK;
        }
        if (dryRun) {
            CkanDryRun.print(p, out, ckan, ckanOrg, token != null, o);
            return ExitCodes.OK;
        }
        try {
            for (CkanPublisher.Outcome c : new CkanPublisher(api, ckanOrg).publish(p, out)) {
                o.println(Messages.get(c.created() ? "cli.publish.ckanCreated" : "cli.publish.ckanUpdated", c.dataset(),
                        c.resourcesCreated(), c.resourcesUpdated()));
            }
        } catch (CkanException e) {
            err.println(Messages.get("cli.publish.ckanFailed", out));
            err.println(e.localizedMessage());
            return ExitCodes.UNUSABLE;
        }
        return ExitCodes.OK;
    }

    private Set<Format> formats() {
        if (formats == null) {
            return EnumSet.allOf(Format.class);
        }
        Set<Format> chosen = EnumSet.noneOf(Format.class);
        for (String f : formats) {
            try {
                chosen.add(Format.byKey(f));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), Messages.get("cli.publish.error.format", f));
            }
        }
        return chosen;
    }

    private URI uri(String text) {
        try {
            return new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), Messages.get("cli.publish.error.url", text));
        }
    }
}
