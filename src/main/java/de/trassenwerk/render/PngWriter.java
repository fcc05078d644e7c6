package de.trassenwerk.render;

import de.trassenwerk.store.AtomicFiles;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Saves map images as opaque PNG files, atomically (no half-written image is ever left). Any thread. */
public final class PngWriter {
    private PngWriter() {
    }

    /** Writes {@code argb} as an opaque PNG to {@code target}, replacing it. */
    public static void write(BufferedImage argb, Path target) throws IOException {
        BufferedImage rgb = new BufferedImage(argb.getWidth(), argb.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(argb, 0, 0, null);
        g.dispose();
        AtomicFiles.write(target, tmp -> {
            if (!ImageIO.write(rgb, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
