package org.fieldscore.runner.output.vtk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads back the VTK XML ImageData files (ASCII, inline base64 binary, raw appended binary) and .pvd collections
 * written by the output layer, independently of the writer: the appended block is located by its {@code _} marker
 * as VTK's own reader does, and each array by its {@code offset}.
 */
final class VtkReader {

    /** The parsed image: geometry and every point-data array (components interleaved, as in the file). */
    record Image(int[] wholeExtent, double[] origin, double[] spacing, Map<String, double[]> arrays,
                 Map<String, Integer> components, Map<String, String> formats, String scalarsAttribute,
                 String vectorsAttribute) {
    }

    private VtkReader() {
    }

    static Document parse(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        }
    }

    private static Document parse(InputStream in) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        return builder.parse(in);
    }

    static Image readImage(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        String latin = new String(bytes, StandardCharsets.ISO_8859_1);
        int appended = latin.indexOf("<AppendedData");
        ByteBuffer raw = null;
        Document document;
        if (appended >= 0) {
            if (!latin.substring(appended, latin.indexOf('>', appended)).contains("encoding=\"raw\"")) {
                throw new IOException("only raw appended data is expected");
            }
            int underscore = latin.indexOf('_', appended);
            raw = ByteBuffer.wrap(bytes, underscore + 1, bytes.length - underscore - 1).slice()
                    .order(ByteOrder.LITTLE_ENDIAN);
            int end = latin.lastIndexOf("</AppendedData>");
            if (end < underscore) {
                throw new IOException("the appended data block is not closed");
            }
            String xml = latin.substring(0, appended) + "</VTKFile>\n";
            document = parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.ISO_8859_1)));
        } else {
            document = parse(new ByteArrayInputStream(bytes));
        }
        Element root = document.getDocumentElement();
        if (!"VTKFile".equals(root.getTagName()) || !"ImageData".equals(root.getAttribute("type"))) {
            throw new IOException("not a VTK ImageData file: " + file);
        }
        Element image = (Element) root.getElementsByTagName("ImageData").item(0);
        Element pointData = (Element) root.getElementsByTagName("PointData").item(0);
        NodeList arrays = pointData.getElementsByTagName("DataArray");
        Map<String, double[]> values = new LinkedHashMap<>();
        Map<String, Integer> components = new LinkedHashMap<>();
        Map<String, String> formats = new LinkedHashMap<>();
        for (int i = 0; i < arrays.getLength(); i++) {
            Element a = (Element) arrays.item(i);
            if (!"Float64".equals(a.getAttribute("type"))) {
                throw new IOException("expected Float64 arrays");
            }
            String format = a.getAttribute("format");
            double[] data = switch (format) {
                case "ascii" -> numbers(a.getTextContent());
                case "binary" -> binary(a.getTextContent());
                case "appended" -> appended(raw, Long.parseLong(a.getAttribute("offset")));
                default -> throw new IOException("unexpected format " + format);
            };
            values.put(a.getAttribute("Name"), data);
            formats.put(a.getAttribute("Name"), format);
            components.put(a.getAttribute("Name"), Integer.parseInt(a.getAttribute("NumberOfComponents")));
        }
        double[] extent = numbers(image.getAttribute("WholeExtent"));
        int[] whole = new int[6];
        for (int i = 0; i < 6; i++) {
            whole[i] = (int) extent[i];
        }
        return new Image(whole, numbers(image.getAttribute("Origin")), numbers(image.getAttribute("Spacing")),
                values, components, formats, pointData.getAttribute("Scalars"), pointData.getAttribute("Vectors"));
    }

    /** @return timestep → file of every DataSet of a .pvd collection, in file order */
    static Map<Double, String> readCollection(Path file) throws Exception {
        NodeList sets = parse(file).getElementsByTagName("DataSet");
        Map<Double, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < sets.getLength(); i++) {
            Element e = (Element) sets.item(i);
            entries.put(Double.parseDouble(e.getAttribute("timestep")), e.getAttribute("file"));
        }
        return entries;
    }

    /** Inline binary: base64 of a little-endian UInt64 byte count followed by little-endian doubles. */
    private static double[] binary(String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(text.trim())).order(ByteOrder.LITTLE_ENDIAN);
        long count = bytes.getLong();
        if (count != bytes.remaining() || count % 8 != 0) {
            throw new IOException("header says " + count + " bytes, the array holds " + bytes.remaining());
        }
        double[] v = new double[(int) (count / 8)];
        bytes.asDoubleBuffer().get(v);
        return v;
    }

    /** Raw appended: at the offset, a little-endian UInt64 byte count followed by little-endian doubles. */
    private static double[] appended(ByteBuffer raw, long offset) throws IOException {
        if (raw == null) {
            throw new IOException("an appended array in a file without an appended data block");
        }
        ByteBuffer block = raw.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        block.position((int) offset);
        long count = block.getLong();
        if (count % 8 != 0 || count > block.remaining()) {
            throw new IOException("header says " + count + " bytes, " + block.remaining() + " remain");
        }
        double[] v = new double[(int) (count / 8)];
        block.asDoubleBuffer().get(v);
        return v;
    }

    private static double[] numbers(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return new double[0];
        }
        String[] tokens = trimmed.split("\\s+");
        double[] v = new double[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            v[i] = Double.parseDouble(tokens[i]);
        }
        return v;
    }
}
