package org.fieldscore.runner.output.summary;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * Writes a metric that is a whole number of magnitude below 2<sup>53</sup> (iterations, counts, steps, dimensions)
 * as a JSON integer ({@code 9}, not {@code 9.0}); every other double in its shortest round-trip form. Either reads
 * back as the same double.
 */
final class MetricNumberSerializer extends StdSerializer<Double> {

    private static final long serialVersionUID = 1L;
    /** Integers up to this magnitude are exact in a double. */
    private static final double EXACT_INTEGERS = 0x1p53;

    MetricNumberSerializer() {
        super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator out, SerializerProvider provider) throws IOException {
        double v = value;
        if (isWhole(v)) {
            out.writeNumber((long) v);
        } else {
            out.writeNumber(v);
        }
    }

    /**
     * @param v a value
     * @return whether it is written as an integer: finite, whole, below 2<sup>53</sup> in magnitude, and not −0
     */
    static boolean isWhole(double v) {
        return v == Math.rint(v) && Math.abs(v) < EXACT_INTEGERS && !(v == 0 && 1 / v < 0);
    }
}
