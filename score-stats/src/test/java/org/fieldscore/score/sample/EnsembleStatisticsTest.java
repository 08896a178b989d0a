package org.fieldscore.score.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.fieldscore.fields.density.GridHistogram;
import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.score.diagnostics.ModeOccupation;
import org.fieldscore.score.diagnostics.SplitRhat;
import org.fieldscore.score.model.GaussianMixtureModel;
import org.junit.jupiter.api.Test;

/**
 * The statistics of an ensemble merged from blocks of chains equal those of all its samples at once (to rounding for
 * means, variances and R̂, exactly for counts), and do not depend on how the blocks were grouped.
 */
class EnsembleStatisticsTest {

    private static final GaussianMixtureModel MIXTURE = new GaussianMixtureModel(new double[] {0.6, 0.4},
            new double[][] {{1.5, 0}, {-1.5, 0}}, new double[][][] {{{0.5, 0}, {0, 0.5}}, {{0.5, 0}, {0, 0.5}}});
    private static final ChainStart START = ChainStart.uniform(-2, 2);
    private static final Grid BINS = Grid.of(new int[] {24, 16}, new double[] {-3, -2}, new double[] {3, 2},
            Centering.CELL);
    private static final MetropolisAdjustedLangevin MALA = new MetropolisAdjustedLangevin(MIXTURE, 0.4);

    private static ChainSamples chains(int count, int first) {
        return MALA.run(ChainSettings.of(count, 20, 41, 9), first, START, ProgressListener.NONE);
    }

    @Test
    void mergedBlocksGiveTheStatisticsOfAllSamples() {
        ChainSamples all = chains(60, 0);
        EnsembleStatistics merged = EnsembleStatistics.of(chains(7, 0), BINS, MIXTURE)
                .followedBy(EnsembleStatistics.of(chains(30, 7), BINS, MIXTURE))
                .followedBy(EnsembleStatistics.of(chains(23, 37), BINS, MIXTURE));
        double[] points = all.copyValues();
        int n = all.size();
        assertEquals(n, merged.count());
        assertEquals(60, merged.chains());
        double rhat = 0;
        for (int a = 0; a < 2; a++) {
            double[] x = all.marginal(a);
            double mean = 0;
            for (double v : x) {
                mean += v;
            }
            mean /= n;
            double ss = 0;
            for (double v : x) {
                ss += (v - mean) * (v - mean);
            }
            // two passes against Chan's pairwise update: both are backward stable, they differ by rounding
            assertEquals(mean, merged.mean(a), 1e-13, "mean of coordinate " + a);
            assertEquals(ss / (n - 1), merged.variance(a), 1e-13 * ss / n, "variance of coordinate " + a);
            rhat = Math.max(rhat, SplitRhat.of(all.perChain(a)));
        }
        assertEquals(rhat, merged.splitRhatMax(), 1e-12, "split-R̂ from half-chain means and variances");
        assertEquals(all.acceptanceRate(), merged.acceptanceRate(), 0.0, "acceptance: exact counts");
        assertTrue(merged.acceptanceRate() > 0.5 && merged.acceptanceRate() < 1, "MALA rejects some proposals");
        assertArrayEquals(ModeOccupation.fractions(points, MIXTURE), merged.modeFractions(), 0.0, "mode counts");
        GridHistogram.Estimate direct = GridHistogram.of(BINS, points);
        GridHistogram.Estimate fromCounts = merged.histogram(BINS);
        assertArrayEquals(direct.density().copyValues(), fromCounts.density().copyValues(), 1e-15, "histogram bins");
        assertEquals(direct.outsideFraction(), fromCounts.outsideFraction(), 0.0);
        assertTrue(direct.outsideFraction() > 0, "the test reaches the outside of the bins");
    }

    @Test
    void theGroupingOfBlocksDoesNotChangeAnyNumber() {
        List<EnsembleStatistics> blocks = new ArrayList<>();
        for (int b = 0; b < 6; b++) {
            blocks.add(EnsembleStatistics.of(chains(5, 5 * b), BINS, MIXTURE));
        }
        EnsembleStatistics left = blocks.get(0);
        for (int b = 1; b < 6; b++) {
            left = left.followedBy(blocks.get(b));
        }
        EnsembleStatistics pairs = blocks.get(0).followedBy(blocks.get(1))
                .followedBy(blocks.get(2).followedBy(blocks.get(3)).followedBy(blocks.get(4).followedBy(blocks.get(5))));
        for (int a = 0; a < 2; a++) {
            assertEquals(left.mean(a), pairs.mean(a), 0.0);
            assertEquals(left.variance(a), pairs.variance(a), 0.0);
        }
        assertEquals(left.splitRhatMax(), pairs.splitRhatMax(), 0.0);
        assertArrayEquals(left.histogram(BINS).density().copyValues(), pairs.histogram(BINS).density().copyValues(), 0.0);
    }

    @Test
    void aSummarisedEnsembleIsTheSameNumbersHoweverItIsSliced() {
        int per = EnsembleStatistics.chainsPerBlock(1, 2);
        assertEquals(1 << 20, per);
        EnsembleStatistics.ChainBlocks point = (first, count) -> MALA.run(ChainSettings.of(count, 0, 1, 3), first,
                START, ProgressListener.NONE);
        int n = 2 * per + 1000;
        int[] three = EnsembleStatistics.sliceStarts(n, 1, 2, 8);
        assertArrayEquals(new int[] {0, per, 2 * per, n}, three, "at most one slice per block");
        int[] two = EnsembleStatistics.sliceStarts(n, 1, 2, 2);
        assertArrayEquals(new int[] {0, per, n}, two);
        EnsembleStatistics whole = EnsembleStatistics.summarise(point, 0, n, 1, 2, BINS, MIXTURE,
                ProgressListener.NONE);
        EnsembleStatistics sliced = EnsembleStatistics.summarise(point, 0, per, 1, 2, BINS, MIXTURE,
                ProgressListener.NONE).followedBy(EnsembleStatistics.summarise(point, per, n, 1, 2, BINS, MIXTURE,
                ProgressListener.NONE));
        assertEquals(n, whole.count());
        for (int a = 0; a < 2; a++) {
            assertEquals(whole.mean(a), sliced.mean(a), 0.0);
            assertEquals(whole.variance(a), sliced.variance(a), 0.0);
        }
        assertArrayEquals(whole.modeFractions(), sliced.modeFractions(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> EnsembleStatistics.summarise(point, 5, n, 1, 2, BINS,
                null, ProgressListener.NONE), "a slice must start on a block boundary");
    }

    @Test
    void blocksHoldAFixedAmountOfStatesAndPartsMustMatch() {
        assertEquals(1 << 20, EnsembleStatistics.chainsPerBlock(1, 2));
        assertEquals(1, EnsembleStatistics.chainsPerBlock(1 << 22, 1));
        EnsembleStatistics a = EnsembleStatistics.of(chains(3, 0), BINS, MIXTURE);
        EnsembleStatistics fewerDraws = EnsembleStatistics.of(MALA.run(ChainSettings.of(3, 20, 40, 9), 3, START,
                ProgressListener.NONE), BINS, MIXTURE);
        assertThrows(IllegalArgumentException.class, () -> a.followedBy(fewerDraws));
        assertThrows(IllegalArgumentException.class, () -> EnsembleStatistics.of(chains(3, 0), Grid.cube(1, 8, -1, 1),
                null));
        assertThrows(IllegalArgumentException.class, () -> a.histogram(Grid.cube(2, 8, -1, 1)));
        assertEquals(Double.NaN, EnsembleStatistics.of(MALA.run(ChainSettings.of(3, 2, 3, 1), START,
                ProgressListener.NONE), BINS, null).splitRhatMax(), "split-R̂ needs four draws");
    }
}
