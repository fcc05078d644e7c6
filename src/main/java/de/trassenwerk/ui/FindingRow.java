package de.trassenwerk.ui;

import de.trassenwerk.coordination.Finding;
import de.trassenwerk.coordination.FindingsLayer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One line of the findings table: the finding (immutable) and what users recorded on it (status,
 * comment), as properties so that the table follows edits. FX thread only.
 */
final class FindingRow {
    private final Finding finding;
    private final StringProperty status = new SimpleStringProperty();
    private final StringProperty comment = new SimpleStringProperty();

    FindingRow(Finding finding, FindingsLayer.UserRecord record) {
        this.finding = finding;
        status.set(record == null || record.status() == null ? FindingsLayer.OPEN : record.status());
        comment.set(record == null ? null : record.comment());
    }

    Finding finding() {
        return finding;
    }

    StringProperty statusProperty() {
        return status;
    }

    StringProperty commentProperty() {
        return comment;
    }

    /** The site reference(s) as one text: both works of a double dig. */
    String sites() {
        if (finding.siteRef() == null) {
            return "";
        }
        return finding.otherSiteRef() == null ? finding.siteRef() : finding.siteRef() + " + " + finding.otherSiteRef();
    }

    /** The organisation(s) as one text: both of a double dig when they differ. */
    String organisations() {
        String a = finding.organisation();
        String b = finding.otherOrganisation();
        if (a == null) {
            return b == null ? "" : b;
        }
        return b == null || b.equals(a) ? a : a + " + " + b;
    }
}
