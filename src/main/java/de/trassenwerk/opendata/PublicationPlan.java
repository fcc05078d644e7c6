package de.trassenwerk.opendata;

import java.util.List;

/**
 * The policy applied to the layers of one GeoPackage, before anything is written: the datasets
 * that will be published and the layers withheld with their reasons. The wizard shows it; the
 * publisher writes it; the report records it. Immutable.
 */
public record PublicationPlan(PublicationPolicy policy, List<PlannedDataset> datasets, List<WithheldLayer> withheld) {

    public PublicationPlan {
        datasets = List.copyOf(datasets);
        withheld = List.copyOf(withheld);
    }
}
