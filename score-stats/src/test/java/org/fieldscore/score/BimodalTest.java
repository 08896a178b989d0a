package org.fieldscore.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.score.diagnostics.ModeOccupation;
import org.fieldscore.score.estimate.AutodiffFamily;
import org.fieldscore.score.estimate.FisherDivergence;
import org.fieldscore.score.estimate.Lbfgs;
import org.fieldscore.score.estimate.MultivariateNormalFit;
import org.fieldscore.score.estimate.ScoreMatching;
import org.fieldscore.score.model.GaussianMixtureModel;
import org.fieldscore.score.neural.MlpScoreNetwork;
import org.fieldscore.score.neural.ScoreNetworkTrainer;
import org.fieldscore.score.neural.TrainingSettings;
import org.fieldscore.score.sample.AnnealedLangevin;
import org.fieldscore.score.sample.ChainSamples;
import org.fieldscore.score.sample.ChainSettings;
import org.fieldscore.score.sample.ChainStart;
import org.fieldscore.score.sample.UnadjustedLangevin;
import org.junit.jupiter.api.Test;

/**
 * The essay's bimodal case that an MVN cannot capture: weights 0.8 at (5, 5) and 0.2 at (−5, −5), identity
 * covariances.
 */
class BimodalTest {

    private static final double[][] I = {{1, 0}, {0, 1}};
    static final GaussianMixtureModel TARGET = new GaussianMixtureModel(new double[] {0.8, 0.2},
            new double[][] {{5, 5}, {-5, -5}}, new double[][][] {I, I});

    /**
     * Fisher divergences estimated on 2·10⁴ fresh target draws; their standard errors (reported by the estimator)
     * are below 2% of the values compared, so the factor-of-five gaps asserted are far outside Monte-Carlo error.
     */
    @Test
    void mvnFitHasALargeFisherDivergenceWhileMixtureAndNetworkFitsAreSmall() {
        double[] data = TARGET.draw(2000, 1);
        double[] test = TARGET.draw(20_000, 2);
        FisherDivergence.Estimate mvn = FisherDivergence.monteCarlo(MultivariateNormalFit.fit(data, 2).model(),
                TARGET, test);
        // score matching of a two-component unit-covariance mixture (means and log-weight) by L-BFGS
        AutodiffFamily family = new AutodiffFamily(GaussianMixtureModel.unitCovarianceFamily(2, 2));
        Lbfgs.Result fit = new ScoreMatching(new Lbfgs(10, 1e-8, 200), 0, 0, 0).fit(family, data,
                new double[] {2, 2, -2, -2, 0});
        GaussianMixtureModel mixtureFit = GaussianMixtureModel.fromUnitCovarianceParameters(fit.point(), 2, 2);
        FisherDivergence.Estimate mixture = FisherDivergence.monteCarlo(mixtureFit, TARGET, test);
        // a 2-32-32-2 network trained by variance-reduced sliced score matching (a small, fast configuration)
        MlpScoreNetwork net = ScoreNetworkTrainer.train(MlpScoreNetwork.create(2, new int[] {32, 32}, 1), data,
                TrainingSettings.sliced(true, 1500, 64, 3e-3, 2), ProgressListener.NONE).network();
        FisherDivergence.Estimate neural = FisherDivergence.monteCarlo(net, TARGET, test);
        assertTrue(mvn.value() > 0.3, "MVN fit " + mvn);
        assertTrue(mixture.value() < 0.01, "mixture fit " + mixture);
        assertTrue(neural.value() < 0.1 && neural.value() < mvn.value() / 5, "network " + neural + " vs MVN " + mvn);
        // the fitted means sit on the modes (within a few sampling standard errors 1/√(0.2·2000) ≈ 0.05)
        double[][] means = mixtureFit.means();
        assertEquals(5, means[0][0], 0.2);
        assertEquals(-5, means[1][1], 0.2);
    }

    /**
     * Plain Langevin started uniformly on [−10, 10]² keeps each chain in the basin it starts in (the modes are
     * ~10 standard deviations apart), so the occupation follows the start (about ½), not the weights.
     * Annealed Langevin with the exact noise-conditional score (the mixture convolved with N(0, σ²I)) crosses at
     * high noise and recovers 0.8: with 8000 independent chains the standard error of the fraction is
     * √(0.16/8000) ≈ 0.0045; the remaining systematic shortfall (about −0.015, from chains freezing into a basin
     * at the level where the barrier forms) stays inside the required ±0.03.
     */
    @Test
    void annealedLangevinRecoversTheModeWeightsThatPlainLangevinMisses() {
        ChainSamples plain = new UnadjustedLangevin(TARGET, 0.1).run(ChainSettings.of(2000, 1000, 1, 4),
                ChainStart.uniform(-10, 10), ProgressListener.NONE);
        double plainHeavy = ModeOccupation.fractions(plain.copyValues(), TARGET)[0];
        assertTrue(Math.abs(plainHeavy - 0.8) > 0.2, "plain Langevin occupation " + plainHeavy);
        AnnealedLangevin annealed = new AnnealedLangevin(TARGET::withNoise, 20, 0.1, 10, 0.004, 200);
        ChainSamples s = annealed.run(8000, 5, 0, ChainStart.uniform(-10, 10), ProgressListener.NONE);
        assertEquals(0.8, ModeOccupation.fractions(s.copyValues(), TARGET)[0], 0.03);
    }
}
