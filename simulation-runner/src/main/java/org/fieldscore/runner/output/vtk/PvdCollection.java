package org.fieldscore.runner.output.vtk;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.fieldscore.runner.text.MarkupText;

/**
 * A ParaView data collection ({@code .pvd}): a list of data files, each with its time, that ParaView opens as one
 * time series (the time slider steps through the files). File names are relative to the .pvd file's folder.
 * Not thread-safe.
 */
public final class PvdCollection {

    /**
     * One file of the series.
     *
     * @param time the simulation time of the file
     * @param file the file's path relative to the .pvd file, with '/' separators
     */
    public record Entry(double time, String file) {
        /** Checks the entry. */
        public Entry {
            Objects.requireNonNull(file, "file");
            if (!Double.isFinite(time)) {
                throw new IllegalArgumentException("time of '" + file + "' must be finite, got " + time);
            }
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    /**
     * Adds a file; times must increase.
     *
     * @param time its simulation time, larger than the previous entry's
     * @param file its path relative to the .pvd file
     * @return this collection
     * @throws IllegalArgumentException when the time does not increase
     */
    public PvdCollection add(double time, String file) {
        Entry entry = new Entry(time, file);
        if (!entries.isEmpty() && !(time > entries.get(entries.size() - 1).time())) {
            throw new IllegalArgumentException("times in a .pvd series must increase: " + time + " for '" + file
                    + "' follows " + entries.get(entries.size() - 1).time());
        }
        entries.add(entry);
        return this;
    }

    /** @return the entries in time order */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /**
     * Writes the collection.
     *
     * @param out the stream (left open)
     * @throws IOException when writing fails
     */
    public void writeTo(OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("<?xml version=\"1.0\"?>\n");
        w.write("<VTKFile type=\"Collection\" version=\"1.0\" byte_order=\"LittleEndian\">\n  <Collection>\n");
        for (Entry e : entries) {
            w.write("    <DataSet timestep=\"" + e.time() + "\" group=\"\" part=\"0\" file=\"" + MarkupText.escape(e.file())
                    + "\"/>\n");
        }
        w.write("  </Collection>\n</VTKFile>\n");
        w.flush();
    }
}
