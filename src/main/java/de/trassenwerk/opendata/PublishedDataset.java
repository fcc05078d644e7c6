package de.trassenwerk.opendata;

import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * A dataset as written: its plan, the counts, its extent in WGS84 longitude/latitude (null when it
 * has no geometry), the period it covers, and its files. Immutable.
 */
public record PublishedDataset(PlannedDataset plan, DatasetCounts counts, Envelope extentWgs84, TimeSpan temporal,
        List<PublishedFile> files) {

    public PublishedDataset {
        files = List.copyOf(files);
    }

    public DatasetInfo info() {
        return plan.info();
    }
}
