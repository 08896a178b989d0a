package org.fieldscore.runner.output.vtk;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.runner.text.MarkupText;

/**
 * VTK XML ImageData ({@code .vti}) holding one or more fields of one space grid as point data. The fields are read
 * when the image is written, not copied; build an image, write it, and drop it (not thread-safe).
 *
 * <p>Layout (VTK file formats, "XML File Formats: ImageData", Kitware VTK User's Guide 11th ed.):
 * {@code WholeExtent} is {@code 0 n_x−1 0 n_y−1 0 n_z−1} (missing axes of 1-D and 2-D grids have extent
 * {@code 0 0} and spacing 1); {@code Origin} is the coordinate of the first point and {@code Spacing} the point
 * spacing per axis. Points are ordered x fastest, which is FieldScore's storage order, so values are written as
 * stored.
 *
 * <p>Cell-centred axes: FieldScore stores values at cell centres, and they are written as <em>point</em> data at
 * those centres (origin = lower + h/2). ParaView then shows the field on the centres' bounding box, half a cell
 * inside the domain on each side; the values are exactly those computed, with no averaging to cell corners.
 *
 * <p>Vector fields with 2 components are padded with a zero third component so that ParaView's glyph and stream
 * filters treat them as vectors; fields with another number of components are written with that many.
 *
 * <p>Values are {@code Float64} and read back as identical doubles in every {@link Encoding}. The default,
 * {@code APPENDED}, is VTK's raw appended form: each array's header says {@code format="appended"} and its
 * {@code offset} into an {@code <AppendedData encoding="raw">} block after the XML, which holds per array an 8-byte
 * little-endian byte count followed by the little-endian doubles — 8 bytes a value, no text conversion, the fastest
 * to write and to load. {@code BINARY} writes the same bytes inline as base64 (a third larger; the file stays valid
 * XML); {@code ASCII} writes Java's shortest round-trip decimal form (readable in a text editor, about three times
 * the size).
 */
public final class VtkImageData {

    /** How the values of the data arrays are written. */
    public enum Encoding {
        /** Decimal text, one point per line. */
        ASCII,
        /** Base64 of little-endian doubles after an 8-byte byte count ({@code format="binary"}). */
        BINARY,
        /** Raw little-endian doubles in an appended data block after the XML ({@code format="appended"}). */
        APPENDED
    }

    /** Reads component c at flat point p of a field without copying it. */
    @FunctionalInterface
    private interface PointValues {
        double value(int c, int p);
    }

    /**
     * @param components components written per point
     * @param stored components the field has (missing ones are written as 0)
     */
    private record Array(String name, int components, int stored, PointValues values) {
        double value(int c, int p) {
            return c < stored ? values.value(c, p) : 0.0;
        }
    }

    private final Grid grid;
    private final List<Array> arrays = new ArrayList<>();
    private Encoding encoding = Encoding.APPENDED;

    private VtkImageData(Grid grid) {
        this.grid = grid;
    }

    /**
     * @param grid a space grid (no time axis)
     * @return an empty image on that grid
     * @throws IllegalArgumentException when the grid has a time axis
     */
    public static VtkImageData on(Grid grid) {
        if (grid.hasTime()) {
            throw new IllegalArgumentException("VTK image data holds one time; slice the space-time field on " + grid
                    + " first (FieldSlices.atTimeIndex) or write a time series");
        }
        return new VtkImageData(grid);
    }

    /**
     * Adds a scalar array.
     *
     * @param name the array name shown in ParaView
     * @param field a field on this image's grid
     * @return this image
     */
    public VtkImageData scalars(String name, SampledScalarField field) {
        grid.requireSame(field.grid());
        return add(new Array(name, 1, 1, (c, p) -> field.valueAt(p)));
    }

    /**
     * Adds a vector array (2 components are padded to 3, see the class comment).
     *
     * @param name the array name shown in ParaView
     * @param field a vector field on this image's grid
     * @return this image
     */
    public VtkImageData vectors(String name, SampledVectorField field) {
        grid.requireSame(field.grid());
        int p = field.components();
        return add(new Array(name, p == 2 ? 3 : p, p, field::valueAt));
    }

    /**
     * Chooses the encoding instead of the default {@link Encoding#APPENDED} (see the class comment).
     *
     * @param chosen the encoding
     * @return this image
     */
    public VtkImageData encoding(Encoding chosen) {
        this.encoding = Objects.requireNonNull(chosen, "encoding");
        return this;
    }

    private VtkImageData add(Array array) {
        String name = Objects.requireNonNull(array.name(), "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a VTK array needs a non-blank name");
        }
        for (Array a : arrays) {
            if (a.name.equals(name)) {
                throw new IllegalArgumentException("this image already has an array named '" + name + "'");
            }
        }
        arrays.add(array);
        return this;
    }

    /**
     * Writes the image as a VTK XML ImageData file.
     *
     * @param out the stream (left open)
     * @throws IOException when writing fails
     * @throws IllegalStateException when no array was added
     */
    public void writeTo(OutputStream out) throws IOException {
        if (arrays.isEmpty()) {
            throw new IllegalStateException("a VTK image needs at least one array; add scalars or vectors first");
        }
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        String extent = extent();
        w.write("<?xml version=\"1.0\"?>\n");
        w.write("<VTKFile type=\"ImageData\" version=\"1.0\" byte_order=\"LittleEndian\" header_type=\"UInt64\">\n");
        w.write("  <ImageData WholeExtent=\"" + extent + "\" Origin=\"" + perAxis(true) + "\" Spacing=\""
                + perAxis(false) + "\">\n");
        w.write("    <Piece Extent=\"" + extent + "\">\n");
        w.write("      <PointData" + attribute(1, " Scalars") + attribute(3, " Vectors") + ">\n");
        long offset = 0;
        for (Array a : arrays) {
            switch (encoding) {
                case ASCII -> writeAscii(w, a);
                case BINARY -> writeBinary(w, out, a);
                default -> {
                    w.write(openArray(a, "appended\" offset=\"" + offset).replace("\">\n", "\"/>\n"));
                    offset += 8 + byteCount(a);
                }
            }
        }
        w.write("      </PointData>\n      <CellData>\n      </CellData>\n    </Piece>\n  </ImageData>\n");
        if (encoding == Encoding.APPENDED) {
            w.write("  <AppendedData encoding=\"raw\">\n   _");
            w.flush();
            for (Array a : arrays) {
                writeRaw(out, a);
            }
            w.write("\n  </AppendedData>\n");
        }
        w.write("</VTKFile>\n");
        w.flush();
    }

    private long byteCount(Array a) {
        return 8L * grid.pointCount() * a.components;
    }

    /** Writes the byte count and the little-endian doubles of one array straight to the stream. */
    private void writeRaw(OutputStream out, Array a) throws IOException {
        int points = grid.pointCount();
        ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        chunk.putLong(byteCount(a));
        for (int p = 0; p < points; p++) {
            for (int c = 0; c < a.components; c++) {
                if (!chunk.hasRemaining()) {
                    out.write(chunk.array(), 0, chunk.position());
                    chunk.clear();
                }
                chunk.putDouble(a.value(c, p));
            }
        }
        out.write(chunk.array(), 0, chunk.position());
    }

    private static String openArray(Array a, String format) {
        return "        <DataArray type=\"Float64\" Name=\"" + MarkupText.escape(a.name) + "\" NumberOfComponents=\""
                + a.components + "\" format=\"" + format + "\">\n";
    }

    private void writeBinary(Writer w, OutputStream out, Array a) throws IOException {
        w.write(openArray(a, "binary"));
        w.write("          ");
        w.flush();
        int points = grid.pointCount();
        OutputStream base64 = Base64.getEncoder().wrap(new KeepOpen(out));
        ByteBuffer chunk = ByteBuffer.allocate(1 << 13).order(ByteOrder.LITTLE_ENDIAN);
        chunk.putLong(byteCount(a));
        for (int p = 0; p < points; p++) {
            for (int c = 0; c < a.components; c++) {
                if (!chunk.hasRemaining()) {
                    base64.write(chunk.array(), 0, chunk.position());
                    chunk.clear();
                }
                chunk.putDouble(a.value(c, p));
            }
        }
        base64.write(chunk.array(), 0, chunk.position());
        base64.close();
        w.write("\n        </DataArray>\n");
    }

    /** Lets the base64 encoder finish its padding without closing the file's stream. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private void writeAscii(Writer w, Array a) throws IOException {
        w.write(openArray(a, "ascii"));
        int points = grid.pointCount();
        StringBuilder line = new StringBuilder(32 * a.components);
        for (int p = 0; p < points; p++) {
            line.setLength(0);
            line.append("          ");
            for (int c = 0; c < a.components; c++) {
                if (c > 0) {
                    line.append(' ');
                }
                line.append(a.value(c, p));
            }
            line.append('\n');
            w.append(line);
        }
        w.write("        </DataArray>\n");
    }

    private String attribute(int components, String key) {
        for (Array a : arrays) {
            if (a.components == components) {
                return key + "=\"" + MarkupText.escape(a.name) + "\"";
            }
        }
        return "";
    }

    private String extent() {
        StringBuilder s = new StringBuilder();
        for (int a = 0; a < 3; a++) {
            int last = a < grid.spaceDimension() ? grid.size(a) - 1 : 0;
            s.append(a == 0 ? "" : " ").append(0).append(' ').append(last);
        }
        return s.toString();
    }

    private String perAxis(boolean origin) {
        StringBuilder s = new StringBuilder();
        for (int a = 0; a < 3; a++) {
            double v;
            if (a < grid.spaceDimension()) {
                v = origin ? grid.coordinate(a, 0) : grid.spacing(a);
            } else {
                v = origin ? 0.0 : 1.0;
            }
            s.append(a == 0 ? "" : " ").append(v);
        }
        return s.toString();
    }
}
