package org.fieldscore.score.neural;

import org.fieldscore.score.model.NoiseConditionalScore;
import org.fieldscore.score.model.ScoreModel;

/**
 * A trained noise-conditional score network seen as one model: as a {@link ScoreModel} it is the network at its
 * smallest training noise level σ<sub>min</sub> (the score of p ∗ N(0, σ²<sub>min</sub>I), close to the data
 * score when σ<sub>min</sub> is small), and as a {@link NoiseConditionalScore} it gives every level, for annealed
 * Langevin dynamics (Y. Song and S. Ermon, NeurIPS 2019). Immutable.
 */
public final class NoiseConditionalNetworkModel implements ScoreModel, NoiseConditionalScore {

    private final MlpScoreNetwork network;
    private final double sigmaMin;
    private final ScoreModel atSigmaMin;

    /**
     * @param network the noise-conditional network
     * @param sigmaMin the smallest training noise level, at which the plain score is evaluated
     * @throws IllegalArgumentException when the network is not noise-conditional or σ<sub>min</sub> ≤ 0
     */
    public NoiseConditionalNetworkModel(MlpScoreNetwork network, double sigmaMin) {
        if (!network.isNoiseConditional()) {
            throw new IllegalArgumentException("the network must be noise-conditional (it takes log sigma as an"
                    + " input)");
        }
        if (!(sigmaMin > 0)) {
            throw new IllegalArgumentException("sigmaMin must be > 0, got " + sigmaMin);
        }
        this.network = network;
        this.sigmaMin = sigmaMin;
        this.atSigmaMin = network.atNoise(sigmaMin);
    }

    /** @return the network */
    public MlpScoreNetwork network() {
        return network;
    }

    /** @return σ<sub>min</sub> */
    public double sigmaMin() {
        return sigmaMin;
    }

    @Override
    public int dimension() {
        return network.dimension();
    }

    @Override
    public void score(double[] x, double[] out) {
        atSigmaMin.score(x, out);
    }

    @Override
    public double scoreDivergence(double[] x) {
        return atSigmaMin.scoreDivergence(x);
    }

    @Override
    public ScoreModel atNoise(double sigma) {
        return network.atNoise(sigma);
    }
}
