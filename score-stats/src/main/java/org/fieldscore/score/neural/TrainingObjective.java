package org.fieldscore.score.neural;

/**
 * The loss a {@link ScoreNetworkTrainer} minimises, per sample, with every convention explicit (x a data point,
 * z ~ N(0, I), v ~ N(0, I) a random projection, σ the noise standard deviation):
 * <ul>
 *   <li>{@link #DENOISING}: ½‖s(x + σz) + z/σ‖² (Vincent 2011); the minimiser is the score of p ∗ N(0, σ²I).</li>
 *   <li>{@link #NOISE_CONDITIONAL_DENOISING}: σ uniform over a geometric schedule, weight λ(σ) = σ²
 *       (Song &amp; Ermon 2019, eq. 6): ½σ²‖s(x + σz, σ) + z/σ‖² = ½‖f(x + σz, log σ) + z‖² with s = f/σ.</li>
 *   <li>{@link #SLICED}: vᵀ∇ₓ(vᵀs(x)) + ½(vᵀs(x))² (Song, Garg, Shi, Ermon, Sliced score matching, UAI 2019,
 *       eq. 7); its expectation is Hyvärinen's J up to a constant.</li>
 *   <li>{@link #SLICED_VARIANCE_REDUCED}: vᵀ∇ₓ(vᵀs(x)) + ½‖s(x)‖² (same paper, eq. 8; E[vvᵀ] = I integrates the
 *       second term analytically).</li>
 * </ul>
 * The sliced losses are estimates of J up to a constant and may be negative; their minimiser is the data score.
 */
public enum TrainingObjective {
    /** Denoising score matching at one noise level σ. */
    DENOISING,
    /** Denoising score matching over a geometric noise schedule, for a noise-conditional network. */
    NOISE_CONDITIONAL_DENOISING,
    /** Sliced score matching. */
    SLICED,
    /** Sliced score matching with the variance-reduced quadratic term. */
    SLICED_VARIANCE_REDUCED
}
