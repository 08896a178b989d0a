package org.fieldscore.runner.output.plot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

import org.jfree.chart.JFreeChart;

/**
 * A finished chart with its pixel size, ready to be written as PNG. Rendering needs no display: run the JVM with
 * {@code -Djava.awt.headless=true} (the default on machines without a display).
 *
 * @param chart the chart
 * @param width width in pixels, &gt; 0
 * @param height height in pixels, &gt; 0
 */
public record Figure(JFreeChart chart, int width, int height) {

    /** Checks the size. */
    public Figure {
        Objects.requireNonNull(chart, "chart");
        if (width <= 0 || height <= 0 || (long) width * height > 50_000_000L) {
            throw new IllegalArgumentException("figure size must be positive and at most 50 megapixels, got "
                    + width + " x " + height);
        }
    }

    /**
     * Renders the chart as PNG.
     *
     * @param out the stream (left open)
     * @throws IOException when writing fails
     */
    public void writePng(OutputStream out) throws IOException {
        PngEncoder.write(chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null), out);
    }

    /** @return the PNG bytes of the rendered chart */
    public byte[] toPng() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try {
            writePng(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("rendering to memory failed", e);
        }
        return bytes.toByteArray();
    }
}
