package de.trassenwerk.ui;

import de.trassenwerk.coordination.ContactList;
import de.trassenwerk.coordination.Finding;
import de.trassenwerk.i18n.Messages;
import java.util.List;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * "Who to call": one branch per organisation with its findings below. Organisations only, never
 * persons (the analysis does not read contact names at all). FX thread only.
 */
final class ContactListView extends TreeView<String> {

    ContactListView() {
        setId("contactList");
        setShowRoot(false);
        setRoot(new TreeItem<>());
    }

    /** Shows who to call about these findings. */
    void show(List<Finding> findings) {
        TreeItem<String> root = new TreeItem<>();
        for (ContactList.Organisation org : ContactList.of(findings).organisations()) {
            TreeItem<String> branch = new TreeItem<>(Messages.get("coordination.contacts.organisation", org.name(),
                    org.findings().size(), CoordinationLabels.euros(org.savingEur())));
            for (Finding f : org.findings()) {
                StringBuilder line = new StringBuilder(CoordinationLabels.kind(f.kind().key()));
                if (f.siteRef() != null) {
                    line.append(" · ").append(f.siteRef());
                    if (f.otherSiteRef() != null) {
                        line.append(" + ").append(f.otherSiteRef());
                    }
                }
                if (f.streetName() != null) {
                    line.append(" · ").append(f.streetName());
                }
                line.append(" · ").append(f.startDate()).append(" – ").append(f.endDate());
                line.append(" · ").append(CoordinationLabels.metres(f.roundedLengthM())).append(" m");
                if (f.savingEur() != null) {
                    line.append(" · ").append(CoordinationLabels.euros(f.savingEur())).append(" €");
                }
                branch.getChildren().add(new TreeItem<>(line.toString()));
            }
            branch.setExpanded(true);
            root.getChildren().add(branch);
        }
        setRoot(root);
    }
}
