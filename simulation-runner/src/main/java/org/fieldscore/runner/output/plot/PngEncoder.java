package org.fieldscore.runner.output.plot;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A fast PNG encoder for rendered charts: 8-bit RGB, every scanline with the "Sub" filter (each byte minus the one
 * three bytes to its left, which turns the flat areas of a chart into zeros) and deflate at its fastest level (PNG
 * specification, W3C Recommendation, 2nd ed., 2003, sections 9.2 and 10). It writes several times faster than the
 * ImageIO encoder at a similar size, which matters when a run writes dozens of plots.
 */
final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};
    private static final int SUB = 1;

    private PngEncoder() {
    }

    /**
     * @param image the picture (alpha, if any, is dropped)
     * @param out the stream (left open)
     * @throws IOException when writing fails
     */
    static void write(BufferedImage image, OutputStream out) throws IOException {
        int width = image.getWidth();
        int height = image.getHeight();
        out.write(SIGNATURE);
        ByteArrayOutputStream header = new ByteArrayOutputStream(13);
        writeInt(header, width);
        writeInt(header, height);
        header.write(8); // bit depth
        header.write(2); // colour type: RGB
        header.write(0); // compression: deflate
        header.write(0); // filter method 0
        header.write(0); // no interlace
        chunk(out, "IHDR", header.toByteArray());

        ByteArrayOutputStream compressed = new ByteArrayOutputStream(width * height / 2 + 1024);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream z = new DeflaterOutputStream(compressed, deflater, 1 << 16)) {
            int[] pixels = image.getType() == BufferedImage.TYPE_INT_RGB
                    ? ((DataBufferInt) image.getRaster().getDataBuffer()).getData() : null;
            int[] argb = new int[width];
            byte[] line = new byte[1 + 3 * width];
            line[0] = SUB;
            for (int y = 0; y < height; y++) {
                if (pixels != null) {
                    System.arraycopy(pixels, y * width, argb, 0, width);
                } else {
                    image.getRGB(0, y, width, 1, argb, 0, width);
                }
                int pr = 0;
                int pg = 0;
                int pb = 0;
                for (int x = 0, k = 1; x < width; x++) {
                    int p = argb[x];
                    int r = (p >> 16) & 0xff;
                    int g = (p >> 8) & 0xff;
                    int b = p & 0xff;
                    line[k++] = (byte) (r - pr);
                    line[k++] = (byte) (g - pg);
                    line[k++] = (byte) (b - pb);
                    pr = r;
                    pg = g;
                    pb = b;
                }
                z.write(line);
            }
        } finally {
            deflater.end();
        }
        chunk(out, "IDAT", compressed.toByteArray());
        chunk(out, "IEND", new byte[0]);
    }

    private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        writeInt(out, data.length);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        writeInt(out, (int) crc.getValue());
    }

    private static void writeInt(OutputStream out, int v) throws IOException {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
