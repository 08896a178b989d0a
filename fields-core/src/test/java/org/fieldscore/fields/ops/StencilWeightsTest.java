package org.fieldscore.fields.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StencilWeightsTest {

    @Test
    void reproducesTheClassicalCentredStencils() {
        assertArrayEquals(new double[] {-0.5, 0, 0.5}, StencilWeights.fornberg(1, 0, new double[] {-1, 0, 1}), 1e-15);
        assertArrayEquals(new double[] {1, -2, 1}, StencilWeights.fornberg(2, 0, new double[] {-1, 0, 1}), 1e-15);
        assertArrayEquals(new double[] {1 / 12.0, -2 / 3.0, 0, 2 / 3.0, -1 / 12.0},
                StencilWeights.fornberg(1, 0, new double[] {-2, -1, 0, 1, 2}), 1e-14);
        assertArrayEquals(new double[] {-1 / 12.0, 4 / 3.0, -2.5, 4 / 3.0, -1 / 12.0},
                StencilWeights.fornberg(2, 0, new double[] {-2, -1, 0, 1, 2}), 1e-14);
        // second-order one-sided first derivative (−3u0 + 4u1 − u2)/2
        assertArrayEquals(new double[] {-1.5, 2, -0.5}, StencilWeights.fornberg(1, 0, new double[] {0, 1, 2}), 1e-15);
    }

    @Test
    void slopeDatumGivesTheNeumannClosure() {
        // u''(0) ≈ (−7u0 + 8u1 − u2 − 6h u'(0)) / 2h², second order
        assertArrayEquals(new double[] {-3.5, 4, -0.5, -3},
                StencilWeights.withSlopeDatum(2, 0, new double[] {0, 1, 2}, 0), 1e-13);
    }

    @Test
    void tooFewPointsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> StencilWeights.fornberg(2, 0, new double[] {0, 1}));
    }
}
