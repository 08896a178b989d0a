package org.fieldscore.score.sde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fieldscore.fields.testing.Closeness;
import org.junit.jupiter.api.Test;

/** NCSNv2's techniques 1, 2 and 4 against the published CIFAR-10 configuration (Song &amp; Ermon 2020, §3, App. B). */
class NoiseSchedulesTest {

    /** CIFAR-10 (D = 32·32·3): γ ≈ 1.04; the published 232 levels from 50 to 0.01 have γ = 5000^(1/231) = 1.0376. */
    @Test
    void techniqueTwoGivesThePublishedCifarRatio() {
        double gamma = NoiseSchedules.geometricRatio(3072);
        Closeness.assertRelativelyClose("γ(3072) against 1.04", 1.04, gamma, 0.01);
        Closeness.assertRelativelyClose("γ(3072) against the published schedule", Math.pow(5000, 1 / 231.0), gamma,
                0.01);
        int levels = NoiseSchedules.levelCount(50, 0.01, Math.pow(5000, 1 / 231.0));
        assertEquals(232, levels, "levels of the published ratio");
        int ours = NoiseSchedules.levelCount(50, 0.01, gamma);
        assertTrue(ours >= 215 && ours <= 232, "levels with γ(3072): " + ours);
        assertTrue(NoiseSchedules.geometricRatio(10) > NoiseSchedules.geometricRatio(100),
                "fewer dimensions allow larger ratios");
        assertEquals("dimension", org.junit.jupiter.api.Assertions.assertThrows(
                org.fieldscore.fields.InvalidArgumentException.class, () -> NoiseSchedules.geometricRatio(2))
                .argument());
    }

    /** The published ε = 6.2e-6 for σ_L = 0.01, T = 5 (NCSNv2's CIFAR-10 config); the misfit minimum is flat. */
    @Test
    void techniqueFourGivesThePublishedStepSize() {
        double eps = NoiseSchedules.langevinStepSize(0.01, Math.pow(5000, 1 / 231.0), 5);
        Closeness.assertRelativelyClose("ε for CIFAR-10", 6.2e-6, eps, 0.05);
        Closeness.assertRelativelyClose("FieldScore's ε", 2 * eps, NoiseSchedules.annealedLangevinEpsilon(eps), 0);
    }

    @Test
    void techniqueOneIsTheLargestPairwiseDistance() {
        double[] data = {0, 0, 3, 4, 1, 1, -3, -4};
        Closeness.assertRelativelyClose("diameter", 10, NoiseSchedules.largestPairwiseDistance(data, 2), 1e-15);
    }
}
