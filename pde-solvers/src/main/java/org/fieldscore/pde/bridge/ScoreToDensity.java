package org.fieldscore.pde.bridge;

import java.util.Objects;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.VectorField;
import org.fieldscore.fields.bc.BoundaryCondition;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.bc.Face;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.ops.FiniteDifferences;
import org.fieldscore.pde.poisson.PoissonProblem;
import org.fieldscore.pde.poisson.PoissonResult;
import org.fieldscore.pde.poisson.PoissonSolver;
import org.fieldscore.pde.Stopping;

/**
 * Bridge: from a score back to the density by a Poisson solve. A score S = ∇ log p has divergence ∇·S = ∇² log p,
 * and its normal component on the boundary is the normal derivative of log p. So u = log p + C solves the pure
 * Neumann problem
 * <pre>∇²u = ∇·S in the box,   ∂u/∂n = S·n on its faces,</pre>
 * and p = exp(u)/∫exp(u). The divergence is taken with second-order differences and the Poisson equation is
 * solved at second order, so the recovered density converges at order 2 in h when S is exact (and inherits the
 * estimation error when S is estimated from samples).
 */
public final class ScoreToDensity {

    private final PoissonSolver solver;
    private final Stopping stopping;

    /**
     * @param solver the Poisson solver
     * @param stopping its stopping rule
     */
    public ScoreToDensity(PoissonSolver solver, Stopping stopping) {
        this.solver = Objects.requireNonNull(solver, "solver");
        this.stopping = Objects.requireNonNull(stopping, "stopping");
    }

    /**
     * @param score S: a vector field with one component per space dimension
     * @param grid a vertex-centred space grid covering the region of interest
     * @return log p up to a constant (u), the normalised density exp(u)/∫exp(u), and the solver's report
     */
    public Recovery recover(VectorField score, Grid grid) {
        int d = grid.spaceDimension();
        if (grid.hasTime()) {
            throw InvalidArgumentException.of("grid", grid, "a space grid (no time axis)");
        }
        if (score.components() != d || score.spaceDimension() != d) {
            throw new InvalidArgumentException("score", score.components() + " components in "
                    + score.spaceDimension() + " dimensions", d + " components in " + d + " dimensions",
                    "a score on a " + d + "-D grid needs " + d + " components in " + d + " dimensions, got "
                            + score.components() + " in " + score.spaceDimension());
        }
        SampledVectorField sampled = score.sample(grid);
        SampledScalarField divergence = FiniteDifferences.order(2).divergence(sampled);
        BoundaryConditions faces = BoundaryConditions.none();
        for (int a = 0; a < d; a++) {
            for (int side : new int[] {-1, 1}) {
                int axis = a;
                double[] s = new double[d];
                faces = faces.with(Face.of(a, side), BoundaryCondition.neumann((t, x) -> {
                    synchronized (s) {
                        score.value(t, x, s);
                        return side * s[axis];
                    }
                }));
            }
        }
        PoissonResult result = solver.solve(PoissonProblem.on(grid).boundaries(faces).rightHandSide(divergence)
                .projectIncompatibleSource().build(), stopping);
        SampledScalarField logDensity = result.solution();
        double max = logDensity.max();
        SampledScalarField density = logDensity.map(v -> Math.exp(v - max));
        density = density.times(1 / density.integral());
        return new Recovery(logDensity, density, result);
    }

    /**
     * Compares a recovery with the true density.
     *
     * @param recovery the recovered density
     * @param trueLogDensity log p (any additive constant)
     * @return L1 distance ∫|p̂ − p| (p normalised on the grid) and the max error of log p after removing the mean
     */
    public static Comparison compare(Recovery recovery, ScalarField trueLogDensity) {
        Grid grid = recovery.density().grid();
        SampledScalarField logP = trueLogDensity.sample(grid);
        double max = logP.max();
        SampledScalarField p = logP.map(v -> Math.exp(v - max));
        p = p.times(1 / p.integral());
        double l1 = recovery.density().minus(p).map(Math::abs).integral();
        SampledScalarField u = recovery.logDensity();
        double shift = u.mean() - logP.mean();
        double logError = u.minus(logP.plus(shift)).maxNorm();
        return new Comparison(l1, logError);
    }

    /**
     * A recovered density.
     *
     * @param logDensity u = log p + C on the grid
     * @param density exp(u)/∫exp(u)
     * @param solve the Poisson solver's result (iterations, residuals, time)
     */
    public record Recovery(SampledScalarField logDensity, SampledScalarField density, PoissonResult solve) {
    }

    /**
     * Errors of a recovery against the truth.
     *
     * @param l1 ∫ |p̂ − p| dV
     * @param maxLogError max |u − log p − c| with c matching the means
     */
    public record Comparison(double l1, double maxLogError) {
    }
}
