package de.trassenwerk.coverage;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A run as JSON: {@code {"parameters": {"threshold_mbps"}, "totals": {"sites", "underserved_sites",
 * "underserved_ha", "sites_without_area"}, "sites": [...], "districts": [...]}}. Every site carries the
 * keys of {@link GapsCsv#SITE_COLUMNS} (null where there is no value), every district those of
 * {@link GapsCsv#DISTRICT_COLUMNS}; hectares are rounded to two decimals, shares to three. Stateless.
 */
public final class GapsJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private GapsJson() {
    }

    /** Writes the run to {@code out} as UTF-8, indented; the stream stays open. */
    public static void write(CoverageGaps.Result result, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            write(result, g);
        }
        out.flush();
    }

    private static void write(CoverageGaps.Result result, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("parameters");
        g.writeNumberField("threshold_mbps", result.parameters().thresholdMbps());
        g.writeEndObject();
        g.writeObjectFieldStart("totals");
        g.writeNumberField("sites", result.sites().size());
        g.writeNumberField("underserved_sites", result.underserved().size());
        g.writeNumberField("underserved_ha", round(result.underservedHa(), 2));
        g.writeNumberField("sites_without_area", result.sitesWithoutArea());
        g.writeEndObject();
        g.writeArrayFieldStart("sites");
        for (SiteGap s : result.sites()) {
            g.writeStartObject();
            g.writeStringField("site_no", s.siteNo());
            g.writeStringField("name", s.name());
            g.writeStringField("district", s.district());
            g.writeStringField("quarter", s.quarter());
            g.writeNumberField("area_ha", round(s.areaHa(), 2));
            g.writeStringField("status", s.status());
            if (s.bestMbps() == null) {
                g.writeNullField("best_mbps");
            } else {
                g.writeNumberField("best_mbps", s.bestMbps());
            }
            if (s.gigabitShare() == null) {
                g.writeNullField("gigabit_share");
            } else {
                g.writeNumberField("gigabit_share", round(s.gigabitShare(), 3));
            }
            g.writeBooleanField("underserved", s.underserved());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("districts");
        for (DistrictGapSummary d : result.districts()) {
            g.writeStartObject();
            g.writeStringField("district", d.district());
            g.writeNumberField("sites", d.sites());
            g.writeNumberField("underserved_sites", d.underservedSites());
            g.writeNumberField("underserved_ha", round(d.underservedHa(), 2));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
    }

    private static BigDecimal round(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP);
    }
}
