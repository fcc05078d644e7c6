package de.trassenwerk.project;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the workbench restores on the next start. A plain mutable bean for Jackson; made and
 * changed by one thread at a time (the FX thread in the workbench). Unknown members in a file are
 * ignored, so older versions of the workbench read files of newer ones.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class WorkbenchProject {
    /** The most recently opened files kept, newest first. */
    public static final int MAX_RECENT = 8;

    /** The open GeoPackage, absolute; null when none. */
    public String file;
    /** The folder with the layers' SLD files; null for the default. */
    public String stylesDir;
    /** The layers bottom to top. */
    public List<LayerState> layers = new ArrayList<>();
    /** The view; null for the full extent. */
    public ViewState view;
    /** The construction-site time filter; null when off. */
    public TimeFilterState timeFilter;
    /** Recently opened GeoPackages, newest first. */
    public List<String> recentFiles = new ArrayList<>();
    /** "de", "en" or null for the system's language. */
    public String language;
    /** Cursor coordinates in WGS84 instead of the project CRS. */
    public boolean coordinatesWgs84;
    /** Whether the dock below the map (attribute table and other panels) is open. */
    public boolean dockOpen;

    /** One layer's state in the layer tree. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class LayerState {
        public String name;
        public boolean visible = true;
        public double opacity = 1;

        public LayerState() {
        }

        public LayerState(String name, boolean visible, double opacity) {
            this.name = name;
            this.visible = visible;
            this.opacity = opacity;
        }
    }

    /** The map's centre (project CRS) and scale denominator (OGC 0.28 mm pixel). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class ViewState {
        public double centreX;
        public double centreY;
        public double scale;

        public ViewState() {
        }

        public ViewState(double centreX, double centreY, double scale) {
            this.centreX = centreX;
            this.centreY = centreY;
            this.scale = scale;
        }
    }

    /** The dates of the construction-site time filter (inclusive), as ISO dates (yyyy-mm-dd). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class TimeFilterState {
        public String from;
        public String to;

        public TimeFilterState() {
        }

        public TimeFilterState(String from, String to) {
            this.from = from;
            this.to = to;
        }
    }

    /** Puts {@code path} first in the recent files, without duplicates, keeping at most {@link #MAX_RECENT}. */
    public void addRecentFile(String path) {
        recentFiles.remove(path);
        recentFiles.add(0, path);
        while (recentFiles.size() > MAX_RECENT) {
            recentFiles.remove(recentFiles.size() - 1);
        }
    }
}
