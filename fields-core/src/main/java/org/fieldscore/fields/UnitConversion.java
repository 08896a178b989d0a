package org.fieldscore.fields;

/**
 * An affine change of units, v' = scale·(v − offset), such as the essay's °F → °C: °C = 5/9·(°F − 32).
 *
 * <p>Instances are immutable.
 *
 * @param scale factor applied after the offset is removed, finite and non-zero
 * @param offset value subtracted first
 */
public record UnitConversion(double scale, double offset) {

    /** °F → °C: 5/9·(°F − 32). */
    public static final UnitConversion FAHRENHEIT_TO_CELSIUS = new UnitConversion(5.0 / 9.0, 32.0);
    /** °C → °F: 9/5·(°C + 160/9) = 9/5·°C + 32. */
    public static final UnitConversion CELSIUS_TO_FAHRENHEIT = FAHRENHEIT_TO_CELSIUS.inverse();
    /** °C → K: °C + 273.15. */
    public static final UnitConversion CELSIUS_TO_KELVIN = new UnitConversion(1.0, -273.15);

    /**
     * @throws IllegalArgumentException when scale is zero or either number is not finite
     */
    public UnitConversion {
        if (!Double.isFinite(scale) || scale == 0 || !Double.isFinite(offset)) {
            throw new IllegalArgumentException("a unit conversion needs a finite non-zero scale and a finite offset, got scale "
                    + scale + ", offset " + offset);
        }
    }

    /**
     * @param value a value in the source unit
     * @return the value in the target unit
     */
    public double apply(double value) {
        return scale * (value - offset);
    }

    /** @return the conversion back: v = v'/scale + offset */
    public UnitConversion inverse() {
        return new UnitConversion(1.0 / scale, -offset * scale);
    }

    /**
     * @param next a conversion applied after this one
     * @return the composition, next ∘ this
     */
    public UnitConversion andThen(UnitConversion next) {
        // next(this(v)) = s2 (s1 (v − o1) − o2) = s1 s2 (v − o1 − o2 / s1)
        return new UnitConversion(scale * next.scale, offset + next.offset / scale);
    }
}
