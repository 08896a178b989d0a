package org.fieldscore.score.neural;

import org.fieldscore.score.internal.Checks;
import org.fieldscore.score.model.ScoreModel;
import org.fieldscore.score.sde.ScoreSde;
import org.fieldscore.score.sde.TimeConditionalScore;

/**
 * A time-conditional score network s<sub>θ</sub>(x, t) = f<sub>θ</sub>(x, e(t))/s(t) for a {@link ScoreSde}: the
 * softplus MLP of {@link MlpScoreNetwork} with the time embedding
 * e(t) = (2t − 1, sin πt, cos πt, …, sin Kπt, cos Kπt) as 2K + 1 extra inputs (the sinusoidal embedding of Ho et al.
 * 2020 on t ∈ [0, 1]) and its output divided by the kernel's standard deviation s(t), so that ‖f‖ stays of order 1
 * at every t (the noise scaling of NCSNv2, Song &amp; Ermon 2020; denoising targets are then −z). Divergences are
 * exact (forward-mode Jacobian–vector products). Immutable; thread-safe.
 */
public final class TimeConditionalScoreNetwork implements TimeConditionalScore {

    private final MlpScoreNetwork network;
    private final ScoreSde sde;
    private final int frequencies;

    private TimeConditionalScoreNetwork(MlpScoreNetwork network, ScoreSde sde, int frequencies) {
        this.network = network;
        this.sde = sde;
        this.frequencies = frequencies;
    }

    /**
     * @param sde the forward SDE (gives s(t))
     * @param dimension d
     * @param frequencies K ≥ 1, the embedding's highest frequency
     * @param hidden hidden layer widths
     * @param seed initialisation seed
     * @return an untrained network
     */
    public static TimeConditionalScoreNetwork create(ScoreSde sde, int dimension, int frequencies, int[] hidden,
            long seed) {
        Checks.requirePositive(frequencies, "frequencies");
        return new TimeConditionalScoreNetwork(MlpScoreNetwork.createConditioned(dimension, 2 * frequencies + 1, hidden,
                seed), sde, frequencies);
    }

    /**
     * @param t a time
     * @param out receives e(t), length 2K + 1, from {@code offset}
     * @param offset the first index written
     */
    void embed(double t, double[] out, int offset) {
        out[offset] = 2 * t - 1;
        for (int k = 1; k <= frequencies; k++) {
            out[offset + 2 * k - 1] = Math.sin(Math.PI * k * t);
            out[offset + 2 * k] = Math.cos(Math.PI * k * t);
        }
    }

    /** @return the MLP f<sub>θ</sub>(x, e) */
    public MlpScoreNetwork network() {
        return network;
    }

    /** @return the SDE */
    public ScoreSde sde() {
        return sde;
    }

    /** @return K */
    public int frequencies() {
        return frequencies;
    }

    /**
     * @param params parameters in the layout of {@link MlpScoreNetwork#parameters()}
     * @return the same network with these parameters
     */
    public TimeConditionalScoreNetwork withParameters(double[] params) {
        return new TimeConditionalScoreNetwork(network.withParameters(params), sde, frequencies);
    }

    @Override
    public int dimension() {
        return network.dimension();
    }

    @Override
    public ScoreModel at(double t) {
        sde.requireTime(t, "t");
        double[] e = new double[2 * frequencies + 1];
        embed(t, e, 0);
        return network.conditioned(e, sde.marginalStd(t));
    }
}
