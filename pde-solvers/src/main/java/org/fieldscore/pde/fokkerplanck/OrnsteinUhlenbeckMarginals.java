package org.fieldscore.pde.fokkerplanck;

import java.util.Objects;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.grid.Grid;

/**
 * The marginals of the variance-preserving SDE dx = −½β(t)x dt + √β(t) dW (Song et al., ICLR 2021) by its
 * Fokker–Planck equation. In the time u = B(t) = ∫₀ᵗβ the equation has constant coefficients,
 * ∂p/∂u = ∇·(½x p) + ½∇²p, the Ornstein–Uhlenbeck equation (drift −D∇U with D = ½, U = ‖x‖²/2), whatever β(t) is.
 * Its solution at u is the law of m x₀ + √(1 − m²) z with m = e^(−u/2), i.e. p_u(x) = m⁻ᵈ p̃_σ(x/m) with p̃_σ the
 * VE-noised density p₀ ∗ N(0, σ²I) at σ² = e^u − 1: one OU solve at u = ln(1 + σ²) gives the noise level σ of every
 * SDE (VE, VP, sub-VP: they differ only in which σ a time t means). Each level is a Crank–Nicolson run of
 * {@link FokkerPlanckSolver} from p₀ with zero-flux walls (the grid must hold the mass), Δu ≤ h/10, error
 * O(h² + Δu²).
 */
public final class OrnsteinUhlenbeckMarginals {

    private OrnsteinUhlenbeckMarginals() {
    }

    /**
     * @param sigma a noise level σ &gt; 0
     * @return the OU time u = ln(1 + σ²) whose marginal is the level σ scaled by m = (1 + σ²)^(−½)
     */
    public static double time(double sigma) {
        return Math.log1p(sigma * sigma);
    }

    /**
     * @param initial p₀ on a cell-centred space grid
     * @param sigmas noise levels σ &gt; 0
     * @return p_u on the same grid at u = ln(1 + σ²) for each level, in the order given
     */
    public static SampledScalarField[] solve(SampledScalarField initial, double[] sigmas) {
        Objects.requireNonNull(initial, "initial");
        Grid grid = initial.grid();
        FokkerPlanckProblem.requireGrid(grid);
        if (sigmas.length == 0) {
            throw InvalidArgumentException.of("sigmas", "[]", "at least one noise level");
        }
        int d = grid.spaceDimension();
        double h = 0;
        for (int a = 0; a < d; a++) {
            h = Math.max(h, grid.spacing(a));
        }
        FokkerPlanckProblem ou = FokkerPlanckProblem.on(grid).diffusivity(0.5)
                .potential(ScalarField.of(d, (t, x) -> {
                    double s = 0;
                    for (double c : x) {
                        s += c * c;
                    }
                    return 0.5 * s;
                }))
                .initial(initial).build();
        SampledScalarField[] out = new SampledScalarField[sigmas.length];
        for (int k = 0; k < sigmas.length; k++) {
            if (!(sigmas[k] > 0) || !Double.isFinite(sigmas[k])) {
                throw InvalidArgumentException.of("sigmas[" + k + "]", sigmas[k], "> 0 and finite");
            }
            double u = time(sigmas[k]);
            int steps = (int) Math.ceil(u / (0.1 * h));
            out[k] = FokkerPlanckSolver.of(FokkerPlanckMethod.CRANK_NICOLSON).timeStep(u / steps).run(ou, u)
                    .density();
        }
        return out;
    }
}
