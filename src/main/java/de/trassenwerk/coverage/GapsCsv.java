package de.trassenwerk.coverage;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A run as two CSV tables (RFC 4180: comma, CRLF, quotes where needed; UTF-8 by the caller's writer;
 * empty cells for null): the sites with the columns {@link #SITE_COLUMNS} and the district summary with
 * {@link #DISTRICT_COLUMNS}. Hectares have two decimals, the gigabit share three. Stateless.
 */
public final class GapsCsv {
    /** The columns of the site table. */
    public static final List<String> SITE_COLUMNS = List.of("site_no", "name", "district", "quarter", "area_ha",
            "status", "best_mbps", "gigabit_share", "underserved");
    /** The columns of the district table. */
    public static final List<String> DISTRICT_COLUMNS = List.of("district", "sites", "underserved_sites",
            "underserved_ha");

    private GapsCsv() {
    }

    /** Writes one row per site, in the order given. */
    public static void writeSites(List<SiteGap> sites, Writer out) throws IOException {
        row(SITE_COLUMNS, out);
        for (SiteGap s : sites) {
            row(Arrays.asList(s.siteNo(), s.name(), s.district(), s.quarter(), hectares(s.areaHa()), s.status(),
                    s.bestMbps(), share(s.gigabitShare()), s.underserved()), out);
        }
        out.flush();
    }

    /** Writes one row per district summary, in the order given. */
    public static void writeDistricts(List<DistrictGapSummary> districts, Writer out) throws IOException {
        row(DISTRICT_COLUMNS, out);
        for (DistrictGapSummary d : districts) {
            row(Arrays.asList(d.district(), d.sites(), d.underservedSites(), hectares(d.underservedHa())), out);
        }
        out.flush();
    }

    /** Hectares as written: two decimals. */
    static String hectares(double ha) {
        return String.format(Locale.ROOT, "%.2f", ha);
    }

    /** A share as written: three decimals; null stays null. */
    static String share(Double share) {
        return share == null ? null : String.format(Locale.ROOT, "%.3f", share);
    }

    private static void row(List<?> values, Writer out) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(values.get(i)));
        }
        out.write(line.append("\r\n").toString());
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        String s = v.toString();
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
