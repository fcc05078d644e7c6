package de.trassenwerk.opendata.ckan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.trassenwerk.i18n.Messages;
import de.trassenwerk.opendata.Publication;
import de.trassenwerk.opendata.PublishedDataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Prints the requests a CKAN upload would send, without sending anything: method, URL, headers
 * (the {@code Authorization} value always redacted), JSON bodies, form fields and the files with
 * their sizes. Since nothing is asked of the portal, it prints the requests for a dataset that is
 * not there yet and says what changes when it is. Stateless.
 */
public final class CkanDryRun {
    /** What is printed instead of the token. */
    public static final String REDACTED = "<redacted>";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CkanDryRun() {
    }

    /** Prints the requests for every dataset of {@code p} to {@code out}. */
    public static void print(Publication p, Path folder, URI ckanUrl, String organisation, boolean tokenSet,
            PrintWriter out) {
        String base = ckanUrl.toString().endsWith("/") ? ckanUrl.toString() : ckanUrl + "/";
        out.println(Messages.get("opendata.ckan.dryRun.start", base));
        if (!tokenSet) {
            out.println(Messages.get("opendata.ckan.dryRun.noToken", CkanToken.VARIABLE));
        }
        for (PublishedDataset d : p.datasets()) {
            out.println();
            print(CkanPublisher.show(d.info().name()), base, tokenSet, out);
            out.println(Messages.get("opendata.ckan.dryRun.ifExists"));
            for (CkanRequest r : CkanPublisher.requests(p, d, folder, organisation, null)) {
                print(r, base, tokenSet, out);
            }
        }
        out.flush();
    }

    private static void print(CkanRequest r, String base, boolean tokenSet, PrintWriter out) {
        String url = base + "api/3/action/" + r.action();
        if (r.isGet()) {
            StringBuilder q = new StringBuilder();
            r.query().forEach((k, v) -> q.append(q.length() == 0 ? "?" : "&").append(k).append('=').append(v));
            out.println("GET " + url + q);
        } else {
            out.println("POST " + url);
        }
        if (tokenSet) {
            out.println("Authorization: " + REDACTED);
        }
        try {
            if (r.json() != null) {
                out.println("Content-Type: application/json; charset=utf-8");
                out.println(JSON.writeValueAsString(r.json()));
            } else if (r.form() != null) {
                out.println("Content-Type: multipart/form-data");
                for (Map.Entry<String, String> e : r.form().entrySet()) {
                    out.println("  " + e.getKey() + "=" + e.getValue());
                }
                out.println("  upload=@" + r.upload().getFileName() + " (" + Files.size(r.upload()) + " bytes)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
