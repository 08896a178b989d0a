package org.fieldscore.score.sde;

import java.util.Objects;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.ops.FiniteDifferences;
import org.fieldscore.score.model.ScoreModel;

/**
 * The score Fokker–Planck residual (Lai, Takida, Murata, Uesaka, Mitsufuji, Ermon, FP-Diffusion, ICML 2023, eq. 6):
 * the marginals of dx = f dt + g dW solve ∂p/∂t = −∇·(fp) + ½g²∇²p, so their score s = ∇ log p<sub>t</sub> solves
 * <pre>
 *   ∂s/∂t = ∇[ ½g²∇·s + ½g²‖s‖² − ⟨f, s⟩ − ∇·f ],   f = a(t)x: ⟨f, s⟩ = a x·s, ∇·f = d·a,
 * </pre>
 * and R = ∂s/∂t − ∇[…] is a vector field on a space–time grid that vanishes for the exact score up to the
 * discretisation. Both ∂/∂t and the spatial ∇, ∇· are {@link FiniteDifferences} at one accuracy order, the operators
 * of the Euler–Lagrange residual ({@link org.fieldscore.fields.lagrangian.ScalarFieldLagrangian}), so for the exact
 * score R is O(h<sup>p</sup> + Δt<sup>p</sup>); for a learned score it shows where the score violates the equation.
 * Stateless.
 */
public final class ScoreFokkerPlanckResidual {

    private ScoreFokkerPlanckResidual() {
    }

    /**
     * @param score a time-conditional score
     * @param spaceTime a grid with a time axis inside [ε, 1] and as many space dimensions as the score
     * @return s(x, t) on the grid, d components
     */
    public static SampledVectorField sample(TimeConditionalScore score, Grid spaceTime) {
        requireSpaceTime(spaceTime, score.dimension());
        int d = spaceTime.spaceDimension();
        int perSlice = spaceTime.spacePointCount();
        double[][] values = new double[d][spaceTime.pointCount()];
        double[] x = new double[d];
        double[] s = new double[d];
        for (int n = 0; n < spaceTime.timeAxis().count(); n++) {
            ScoreModel model = score.at(spaceTime.timeAxis().time(n));
            for (int i = 0; i < perSlice; i++) {
                int flat = n * perSlice + i;
                spaceTime.spaceCoordinates(flat, x);
                model.score(x, s);
                for (int a = 0; a < d; a++) {
                    values[a][flat] = s[a];
                }
            }
        }
        return SampledVectorField.wrap(spaceTime, values);
    }

    /**
     * @param sde the SDE (f and g)
     * @param score s on a space–time grid, one component per space dimension
     * @param order the accuracy order, 2 or 4
     * @return R = ∂s/∂t − ∇[½g²∇·s + ½g²‖s‖² − a x·s − d a]
     */
    public static SampledVectorField residual(ScoreSde sde, SampledVectorField score, int order) {
        Objects.requireNonNull(sde, "sde");
        Grid grid = score.grid();
        int d = grid.spaceDimension();
        requireSpaceTime(grid, score.components());
        FiniteDifferences fd = FiniteDifferences.order(order);
        double[] divergence = fd.divergence(score).copyValues();
        double[] potential = new double[grid.pointCount()];
        double[] x = new double[d];
        for (int p = 0; p < potential.length; p++) {
            double t = grid.time(p);
            double g = sde.diffusion(t);
            double a = sde.driftRate(t);
            grid.spaceCoordinates(p, x);
            double norm = 0;
            double inner = 0;
            for (int c = 0; c < d; c++) {
                double v = score.valueAt(c, p);
                norm += v * v;
                inner += x[c] * v;
            }
            potential[p] = 0.5 * g * g * (divergence[p] + norm) - a * inner - d * a;
        }
        SampledVectorField gradient = fd.gradient(SampledScalarField.wrap(grid, potential));
        double[][] out = new double[d][];
        for (int c = 0; c < d; c++) {
            double[] dt = fd.derivative(score.component(c), d).copyValues();
            for (int p = 0; p < dt.length; p++) {
                dt[p] -= gradient.valueAt(c, p);
            }
            out[c] = dt;
        }
        return SampledVectorField.wrap(grid, out);
    }

    /**
     * The residual at one time t on a space grid: the score sampled at the five times t + kΔt, |k| ≤ 2 (so that the
     * time derivative at t is centred at order 2 and 4), the residual on that space–time grid, and its slice at t.
     *
     * @param sde the SDE
     * @param score the time-conditional score
     * @param space a space grid of the score's dimension
     * @param t the time, with [t − 2Δt, t + 2Δt] inside [ε, 1]
     * @param dt the time step Δt &gt; 0
     * @param order 2 or 4
     * @return R(·, t) on the space grid
     */
    public static SampledVectorField residualAt(ScoreSde sde, TimeConditionalScore score, Grid space, double t,
            double dt, int order) {
        if (space.hasTime()) {
            throw InvalidArgumentException.of("grid", space, "a space grid");
        }
        if (!(dt > 0) || !(t - 2 * dt >= sde.epsilon()) || !(t + 2 * dt <= 1)) {
            throw InvalidArgumentException.of("dt", dt, "> 0 with [t − 2dt, t + 2dt] inside [ε, 1] (t = " + t + ")");
        }
        Grid spaceTime = space.withTime(org.fieldscore.fields.grid.TimeAxis.of(t - 2 * dt, dt, 5));
        SampledVectorField r = residual(sde, sample(score, spaceTime), order);
        int d = space.spaceDimension();
        int n = space.spacePointCount();
        double[][] slice = new double[d][n];
        for (int c = 0; c < d; c++) {
            for (int i = 0; i < n; i++) {
                slice[c][i] = r.valueAt(c, 2 * n + i);
            }
        }
        return SampledVectorField.wrap(space, slice);
    }

    private static void requireSpaceTime(Grid grid, int components) {
        if (!grid.hasTime()) {
            throw InvalidArgumentException.of("grid", grid, "a space–time grid (with a time axis)");
        }
        if (grid.spaceDimension() != components) {
            throw InvalidArgumentException.of("grid", grid, "a grid of " + components + " space dimensions");
        }
    }
}
