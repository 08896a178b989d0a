package org.fieldscore.score.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.score.model.ExactSampler;
import org.fieldscore.score.model.MultivariateNormalModel;
import org.fieldscore.score.sample.ChainSamples;
import org.fieldscore.score.sample.ChainSettings;
import org.fieldscore.score.sample.ChainStart;
import org.fieldscore.score.sample.UnadjustedLangevin;
import org.junit.jupiter.api.Test;

/** The over-coordinates summaries of chains and the two-sample tests of samples against reference draws. */
class ChainAndTwoSampleDiagnosticsTest {

    /** An anisotropic normal: variances 2 and 0.25, so the coordinates mix at different speeds. */
    private static final MultivariateNormalModel TARGET = MultivariateNormalModel.ofCovariance(new double[2],
            new double[][] {{2, 0}, {0, 0.25}});

    @Test
    void theWorstCoordinateDecides() {
        ChainSamples samples = new UnadjustedLangevin(TARGET, 0.05).run(ChainSettings.of(8, 1000, 2000, 3).withThin(5),
                ChainStart.gaussian(1), ProgressListener.NONE);
        ChainDiagnostics d = ChainDiagnostics.of(samples);
        double ess0 = EffectiveSampleSize.of(samples.perChain(0));
        double ess1 = EffectiveSampleSize.of(samples.perChain(1));
        assertEquals(Math.min(ess0, ess1), d.essMin(), 0);
        assertEquals(Math.max(SplitRhat.of(samples.perChain(0)), SplitRhat.of(samples.perChain(1))), d.rhatMax(), 0);
        // the slow coordinate (variance 2, relaxation time 2σ²/ε = 80 steps, 125 of them per chain) has the smaller ESS
        assertEquals(ess0, d.essMin(), 0);
        // converged chains: R̂ within 1.05 of 1 (Vehtari et al. recommend < 1.01 for 4 × 1000 effective draws)
        assertTrue(d.rhatMax() < 1.05, "R̂ " + d.rhatMax());
    }

    @Test
    void drawsOfTheSameLawPassAndAShiftedLawFails() {
        ExactSampler reference = TARGET;
        double[] same = reference.draw(2000, 1);
        double[] ref = reference.draw(2000, 2);
        double[] shifted = TARGET.draw(4000, 3);
        for (int i = 0; i < shifted.length; i += 2) {
            shifted[i] += 1.0; // a shift of half a standard deviation along x
        }
        TwoSampleComparison pass = TwoSampleComparison.of(same, ref, 2, 1.0);
        TwoSampleComparison fail = TwoSampleComparison.of(shifted, ref, 2, 1.0);
        assertEquals(2000, pass.pointsUsed());
        assertEquals(2000, fail.pointsUsed(), "4000 points are thinned to as many as the reference has");
        // seeded: under H₀ a p-value below 1e-3 happens once in a thousand seeds; a half-σ shift with 2000 draws
        // gives p ≈ 1e-40
        assertTrue(pass.ksPValueMin() > 1e-3, "p = " + pass.ksPValueMin());
        assertTrue(fail.ksPValues()[0] < 1e-10, "p = " + fail.ksPValues()[0]);
        assertTrue(fail.mmd2() > 20 * Math.abs(pass.mmd2()), pass.mmd2() + " vs " + fail.mmd2());
    }

    @Test
    void shapesThatDoNotMatchAreRefused() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> TwoSampleComparison.of(new double[3], new double[4], 2, 1.0));
        assertEquals("samples", e.argument());
    }
}
