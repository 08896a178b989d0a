package org.fieldscore.runner.output.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

/** Decodes PNG bytes and checks their size and that they show something. */
final class PngAssertions {

    private PngAssertions() {
    }

    /**
     * Decodes the PNG, checks its size, and checks that the luminance varies (a blank or single-colour picture
     * has variance 0; a chart with axes, text and data is far above 100 on the 0–255² scale).
     *
     * @return the decoded image for further checks
     */
    static BufferedImage assertPicture(byte[] png, int width, int height) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, "bytes are not a PNG ImageIO can decode");
        assertEquals(width, image.getWidth(), "width");
        assertEquals(height, image.getHeight(), "height");
        assertTrue(luminanceVariance(image) > 100, "picture is (nearly) blank: variance "
                + luminanceVariance(image));
        return image;
    }

    static double luminanceVariance(BufferedImage image) {
        double sum = 0;
        double sumSquares = 0;
        int n = image.getWidth() * image.getHeight();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                double l = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
                sum += l;
                sumSquares += l * l;
            }
        }
        double mean = sum / n;
        return sumSquares / n - mean * mean;
    }

    /** @return how many distinct colours the image holds (a heatmap holds many, a line chart few) */
    static int distinctColours(BufferedImage image) {
        java.util.BitSet seen = new java.util.BitSet(1 << 24);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                seen.set(image.getRGB(x, y) & 0xffffff);
            }
        }
        return seen.cardinality();
    }

    /** @return the number of distinct RGB colours in the square of half-width r around (cx, cy) */
    static int distinctColoursInside(BufferedImage image, int cx, int cy, int r) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = cy - r; y <= cy + r; y++) {
            for (int x = cx - r; x <= cx + r; x++) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return colours.size();
    }
}
