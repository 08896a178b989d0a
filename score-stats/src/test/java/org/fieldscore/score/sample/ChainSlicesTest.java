package org.fieldscore.score.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.score.model.GaussianMixtureModel;
import org.junit.jupiter.api.Test;

/**
 * Slices of an ensemble (chains a … b − 1 run apart, as on the executors of a cluster) concatenate to exactly the
 * ensemble run at once: chain k draws from stream (seed, k) and starts at start(k) whichever slice runs it.
 */
class ChainSlicesTest {

    private static final GaussianMixtureModel MIXTURE = new GaussianMixtureModel(new double[] {0.6, 0.4},
            new double[][] {{1.5, 0}, {-1.5, 0}}, new double[][][] {{{0.5, 0}, {0, 0.5}}, {{0.5, 0}, {0, 0.5}}});
    private static final ChainStart START = ChainStart.uniform(-2, 2);
    private static final ProgressListener QUIET = ProgressListener.NONE;

    @Test
    void slicesOfUnadjustedLangevinConcatenateToTheWholeRun() {
        UnadjustedLangevin ula = new UnadjustedLangevin(MIXTURE, 0.05);
        ChainSettings all = new ChainSettings(11, 20, 30, 2, 77, 3, ChainSettings.DEFAULT_DIVERGENCE_RADIUS);
        ChainSamples whole = ula.run(all, START, QUIET);
        ChainSamples joined = ChainSamples.concatenate(List.of(
                ula.run(new ChainSettings(2, 20, 30, 2, 77, 2, all.divergenceRadius()), 0, START, QUIET),
                ula.run(new ChainSettings(5, 20, 30, 2, 77, 1, all.divergenceRadius()), 2, START, QUIET),
                ula.run(new ChainSettings(4, 20, 30, 2, 77, 0, all.divergenceRadius()), 7, START, QUIET)));
        assertSame(whole, joined);
    }

    @Test
    void slicesOfMalaAndAnnealedLangevinConcatenateToTheWholeRun() {
        MetropolisAdjustedLangevin mala = new MetropolisAdjustedLangevin(MIXTURE, 0.4);
        ChainSamples whole = mala.run(ChainSettings.of(9, 10, 25, 5), START, QUIET);
        ChainSamples joined = ChainSamples.concatenate(List.of(mala.run(ChainSettings.of(4, 10, 25, 5), 0, START,
                QUIET), mala.run(ChainSettings.of(5, 10, 25, 5), 4, START, QUIET)));
        assertSame(whole, joined);

        AnnealedLangevin annealed = new AnnealedLangevin(MIXTURE, 3, 0.1, 4, 0.002, 10);
        assertSame(annealed.run(1000, 3, 0, START, QUIET), ChainSamples.concatenate(List.of(
                annealed.run(333, 0, 3, 0, START, QUIET), annealed.run(667, 333, 3, 0, START, QUIET))));
    }

    @Test
    void slicesThatDoNotFitAreRefused() {
        UnadjustedLangevin ula = new UnadjustedLangevin(MIXTURE, 0.05);
        ChainSamples a = ula.run(ChainSettings.of(2, 5, 10, 1), START, QUIET);
        ChainSamples b = ula.run(ChainSettings.of(2, 5, 11, 1), 2, START, QUIET);
        assertThrows(IllegalArgumentException.class, () -> ChainSamples.concatenate(List.of(a, b)));
        assertThrows(IllegalArgumentException.class, () -> ChainSamples.concatenate(List.of()));
    }

    private static void assertSame(ChainSamples expected, ChainSamples actual) {
        assertEquals(expected.chains(), actual.chains());
        assertArrayEquals(expected.copyValues(), actual.copyValues(), 0.0, "every kept state");
        for (int c = 0; c < expected.chains(); c++) {
            assertEquals(expected.acceptanceRate(c), actual.acceptanceRate(c), 0.0, "acceptance of chain " + c);
        }
        assertEquals(expected.recordedChains(), actual.recordedChains());
        for (int c = 0; c < expected.recordedChains(); c++) {
            assertArrayEquals(expected.trajectory(c), actual.trajectory(c), 0.0, "path of chain " + c);
        }
    }
}
