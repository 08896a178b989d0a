package org.fieldscore.score.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;

import org.fieldscore.score.model.ScoreModel;
import org.fieldscore.score.sde.VariancePreservingSde;
import org.junit.jupiter.api.Test;

/**
 * A network scores a block of points as one matrix product per layer; every row must equal the single-point
 * evaluation bit for bit (both sum each entry in input order), for block sizes around the kernel's unrolling (two
 * rows, four inputs) and the workspace's block of {@link MlpScoreNetwork#BLOCK_ROWS} rows.
 */
class BatchedEvaluationTest {

    private static final int[] ROWS = {1, 2, 3, 5, 63, 64, 65, 131};

    private static void assertRowsMatchSinglePoints(ScoreModel model, long seed) {
        int d = model.dimension();
        SplittableRandom random = new SplittableRandom(seed);
        for (int rows : ROWS) {
            double[] xs = new double[rows * d];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = 3 * random.nextGaussian();
            }
            double[] batched = new double[rows * d];
            model.scores(xs, batched, rows);
            double[] single = new double[rows * d];
            double[] x = new double[d];
            double[] s = new double[d];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(xs, r * d, x, 0, d);
                model.score(x, s);
                System.arraycopy(s, 0, single, r * d, d);
            }
            assertArrayEquals(single, batched, 0.0, rows + " rows");
        }
    }

    @Test
    void timeConditionalNetworkBlocksEqualSinglePoints() {
        TimeConditionalScoreNetwork network = TimeConditionalScoreNetwork.create(
                new VariancePreservingSde(0.1, 20, 1e-3), 2, 4, new int[] {128, 128}, 7);
        for (double t : new double[] {1e-3, 0.3, 1}) {
            assertRowsMatchSinglePoints(network.at(t), 11);
        }
    }

    /** Nine inputs (not a multiple of four), a hidden layer narrower than the dot-product threshold, a wide output. */
    @Test
    void oddShapesBlocksEqualSinglePoints() {
        assertRowsMatchSinglePoints(MlpScoreNetwork.create(9, new int[] {13, 5}, 3), 12);
        assertRowsMatchSinglePoints(MlpScoreNetwork.create(3, new int[] {6}, 4), 13);
    }
}
