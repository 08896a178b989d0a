package org.fieldscore.fields;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.grid.TimeAxis;
import org.fieldscore.fields.ops.FiniteDifferences;
import org.fieldscore.fields.testing.Convergence;
import org.junit.jupiter.api.Test;

/** Each example of the essay, executed. */
class EssayExamplesTest {

    /** A temperature map in °F over a 2-D region: warm south-west, a cold front running north-east. */
    private static final AnalyticScalarField FAHRENHEIT = ScalarField.of(2,
            (t, x) -> 60 + 25 * Math.tanh((x[0] - x[1]) / 3) - 0.5 * x[1]);

    @Test
    void fahrenheitToCelsius() {
        ScalarField celsius = FAHRENHEIT.convert(UnitConversion.FAHRENHEIT_TO_CELSIUS);
        double[] x = {1.5, -2.0};
        double f = FAHRENHEIT.value(0, x);
        assertEquals(5.0 / 9.0 * (f - 32), celsius.value(0, x), 1e-12);
        assertEquals(0.0, UnitConversion.FAHRENHEIT_TO_CELSIUS.apply(32), 0);
        assertEquals(100.0, UnitConversion.FAHRENHEIT_TO_CELSIUS.apply(212), 1e-12);
        assertEquals(212.0, UnitConversion.CELSIUS_TO_FAHRENHEIT.apply(100), 1e-12);
        assertEquals(373.15, UnitConversion.FAHRENHEIT_TO_CELSIUS.andThen(UnitConversion.CELSIUS_TO_KELVIN).apply(212),
                1e-12);
        // sampled maps convert point by point
        Grid grid = Grid.cube(2, 21, -10, 10);
        SampledScalarField sampled = FAHRENHEIT.sample(grid);
        SampledScalarField converted = (SampledScalarField) sampled.convert(UnitConversion.FAHRENHEIT_TO_CELSIUS);
        for (int p = 0; p < grid.pointCount(); p += 37) {
            assertEquals(5.0 / 9.0 * (sampled.valueAt(p) - 32), converted.valueAt(p), 1e-12);
        }
    }

    @Test
    void compositeOfFiveFieldsIsOneLine() {
        Grid grid = Grid.cube(2, 17, 0, 1);
        AnalyticScalarField phi1 = ScalarField.of(2, (t, x) -> x[0] + 1);
        AnalyticScalarField phi2 = ScalarField.of(2, (t, x) -> Math.cos(x[1]));
        AnalyticScalarField phi3 = ScalarField.of(2, (t, x) -> x[0] * x[1]);
        AnalyticScalarField phi4 = ScalarField.of(2, (t, x) -> x[0] - x[1]);
        AnalyticScalarField phi5 = ScalarField.of(2, (t, x) -> 2 + x[1]);

        ScalarField phi = phi1.times(phi2).plus(phi3).plus(phi4.pow(2)).plus(phi5.log());

        assertInstanceOf(AnalyticScalarField.class, phi, "analytic operands stay analytic");
        double[] x = {0.3, 0.7};
        double expected = (0.3 + 1) * Math.cos(0.7) + 0.3 * 0.7 + Math.pow(0.3 - 0.7, 2) + Math.log(2.7);
        assertEquals(expected, phi.value(0, x), 1e-14);
        // the same line on sampled fields gives the sampled composite
        ScalarField sampled = phi1.sample(grid).times(phi2).plus(phi3).plus(phi4.pow(2)).plus(phi5.log());
        assertInstanceOf(SampledScalarField.class, sampled);
        assertEquals(0.0, ((SampledScalarField) sampled).maxDistance(phi), 1e-14);
    }

    @Test
    void windSpeedIsTheNormOfWindVelocity() {
        // a cyclone: rotation around the origin plus a westerly drift
        AnalyticVectorField velocity = VectorField.of(2, 2, (t, x, out) -> {
            double r2 = x[0] * x[0] + x[1] * x[1] + 1;
            out[0] = -10 * x[1] / r2 + 3;
            out[1] = 10 * x[0] / r2;
        });
        Grid grid = Grid.cube(2, 33, -5, 5);
        SampledScalarField speed = velocity.sample(grid).norm();
        double[] x = new double[2];
        double[] v = new double[2];
        for (int p = 0; p < grid.pointCount(); p += 11) {
            grid.spaceCoordinates(p, x);
            velocity.value(0, x, v);
            assertEquals(Math.hypot(v[0], v[1]), speed.valueAt(p), 1e-13);
        }
        assertEquals(3.0, velocity.norm().value(0, new double[] {0, 0}), 1e-15);
    }

    @Test
    void gradientFrontsOfTheTemperatureMap() {
        // the gradient of the map is largest along the front x = y and points across it
        Grid grid = Grid.cube(2, 81, -10, 10);
        SampledVectorField gradient = FiniteDifferences.order(4).gradient(FAHRENHEIT.sample(grid));
        double[] onFront = {2, 2};
        double[] farAway = {8, -8};
        double[] g = new double[2];
        gradient.value(0, onFront, g);
        assertEquals(25.0 / 3, g[0], 1e-3);
        assertEquals(-25.0 / 3 - 0.5, g[1], 1e-3);
        assertTrue(gradient.norm().value(0, onFront) > 10 * gradient.norm().value(0, farAway));
    }

    @Test
    void fourGradientOfATimeDependentField() {
        // φ(t, x) = sin(x − 2t) e^{−y}: ∂φ/∂X^μ = (−2 cos(x − 2t) e^{−y}, cos(x − 2t) e^{−y}, −sin(x − 2t) e^{−y})
        AnalyticScalarField phi = ScalarField.of(2, (t, x) -> Math.sin(x[0] - 2 * t) * Math.exp(-x[1]));
        Convergence.assertOrder("4-gradient", 2, cells -> {
            Grid grid = Grid.cube(2, cells + 1, 0, 1).withTime(TimeAxis.of(0, 1.0 / cells, cells + 1));
            SampledVectorField d = FiniteDifferences.order(2).spaceTimeGradient(phi.sample(grid));
            assertEquals(3, d.components());
            AnalyticScalarField dt = ScalarField.of(2, (t, x) -> -2 * Math.cos(x[0] - 2 * t) * Math.exp(-x[1]));
            AnalyticScalarField dx = ScalarField.of(2, (t, x) -> Math.cos(x[0] - 2 * t) * Math.exp(-x[1]));
            AnalyticScalarField dy = ScalarField.of(2, (t, x) -> -Math.sin(x[0] - 2 * t) * Math.exp(-x[1]));
            return Math.max(d.component(0).maxDistance(dt),
                    Math.max(d.component(1).maxDistance(dx), d.component(2).maxDistance(dy)));
        }, 16);
    }

    @Test
    void divergenceOfAVectorField() {
        // v = (x², xy, −z): div v = 2x + x − 1 = 3x − 1 (a source where x > 1/3, a sink elsewhere)
        AnalyticVectorField v = VectorField.of(3, 3, (t, x, out) -> {
            out[0] = x[0] * x[0];
            out[1] = x[0] * x[1];
            out[2] = -x[2];
        });
        Grid grid = Grid.cube(3, 9, 0, 1);
        SampledScalarField div = FiniteDifferences.order(2).divergence(v.sample(grid));
        // second-order stencils are exact on quadratics, boundary rows included
        assertEquals(0.0, div.maxDistance(ScalarField.of(3, (t, x) -> 3 * x[0] - 1)), 1e-12);
    }

    @Test
    void minkowskiNormOfTheFourGradient() {
        AnalyticVectorField d = VectorField.of(3, 4, (t, x, out) -> {
            out[0] = 2;
            out[1] = 1;
            out[2] = 1;
            out[3] = 1;
        });
        assertEquals(4 - 3, d.minkowskiNormSquared().value(0, new double[3]), 0);
        assertEquals(1, d.minkowskiNorm().value(0, new double[3]), 0);
        assertEquals(7, d.normSquared().value(0, new double[3]), 0);
    }
}
