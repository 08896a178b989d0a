package org.fieldscore.runner.output.vtk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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

/** Reads back the ASCII VTK XML ImageData files and .pvd collections written by the output layer. */
final class VtkReader {

    /** The parsed image: geometry and every point-data array (components interleaved, as in the file). */
    record Image(int[] wholeExtent, double[] origin, double[] spacing, Map<String, double[]> arrays,
                 Map<String, Integer> components, Map<String, String> formats, String scalarsAttribute,
                 String vectorsAttribute) {
    }

    private VtkReader() {
    }

    static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        try (InputStream in = Files.newInputStream(file)) {
            return builder.parse(in);
        }
    }

    static Image readImage(Path file) throws Exception {
        Element root = parse(file).getDocumentElement();
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
