package org.fieldscore.fields.lagrangian;

import java.util.Objects;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.constants.Coupling;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.ops.FiniteDifferences;

/**
 * The essay's Lagrangian density of a scalar field coupled to a source,
 * <pre>L = ½[(1/c²)(∂φ/∂t)² − |∇φ|²] − g ρ φ,</pre>
 * its action S = ∫ L d<sup>d</sup>x dt, and the Euler–Lagrange residual
 * <pre>R = (1/c²) ∂²φ/∂t² − ∇²φ + g ρ,</pre>
 * which vanishes exactly at stationary points of S (the wave equation with a source; its static limit is
 * Poisson's equation ∇²φ = gρ). With c = 1 this is the essay's Minkowski form (L. Susskind and A. Friedman,
 * <i>Special Relativity and Classical Field Theory</i>, 2017, ch. 5). Derivatives come from the given
 * {@link FiniteDifferences}, so the residual of a discrete solution tends to zero at the scheme's order. Immutable.
 */
public final class ScalarFieldLagrangian {

    private final Coupling coupling;
    private final double waveSpeed;
    private final FiniteDifferences differences;

    /**
     * @param coupling g
     * @param waveSpeed c &gt; 0 (1 in the essay's units)
     * @param differences the derivative operators
     */
    public ScalarFieldLagrangian(Coupling coupling, double waveSpeed, FiniteDifferences differences) {
        if (!(waveSpeed > 0) || !Double.isFinite(waveSpeed)) {
            throw new IllegalArgumentException("wave speed must be finite and > 0, got " + waveSpeed);
        }
        this.coupling = Objects.requireNonNull(coupling, "coupling");
        this.waveSpeed = waveSpeed;
        this.differences = Objects.requireNonNull(differences, "finite differences");
    }

    /**
     * @param coupling g
     * @return the essay's Lagrangian (c = 1) with second-order differences
     */
    public static ScalarFieldLagrangian seed(Coupling coupling) {
        return new ScalarFieldLagrangian(coupling, 1.0, FiniteDifferences.order(2));
    }

    /**
     * @param phi φ on a space-time grid
     * @param rho ρ: analytic, or sampled on φ's grid or on its space grid (constant in time)
     * @return L at every space-time point
     */
    public SampledScalarField density(SampledScalarField phi, ScalarField rho) {
        Grid grid = requireSpaceTime(phi);
        SampledVectorField dphi = differences.spaceTimeGradient(phi);
        int n = grid.pointCount();
        int d = grid.spaceDimension();
        double inverseC2 = 1 / (waveSpeed * waveSpeed);
        double g = coupling.value();
        SampledScalarField source = sourceOn(grid, rho);
        double[] out = new double[n];
        for (int p = 0; p < n; p++) {
            double dt = dphi.valueAt(0, p);
            double grad2 = 0;
            for (int a = 1; a <= d; a++) {
                double v = dphi.valueAt(a, p);
                grad2 += v * v;
            }
            out[p] = 0.5 * (inverseC2 * dt * dt - grad2) - g * source.valueAt(p) * phi.valueAt(p);
        }
        return SampledScalarField.wrap(grid, out);
    }

    /**
     * @param phi φ on a space-time grid
     * @param rho ρ
     * @return S = ∫ L dV dt (trapezoidal/midpoint rule of the grid)
     */
    public double action(SampledScalarField phi, ScalarField rho) {
        return density(phi, rho).integral();
    }

    /**
     * @param phi φ on a space-time grid
     * @param rho ρ
     * @return R = (1/c²)φ<sub>tt</sub> − ∇²φ + gρ at every point
     */
    public SampledScalarField eulerLagrangeResidual(SampledScalarField phi, ScalarField rho) {
        Grid grid = requireSpaceTime(phi);
        SampledScalarField phiTT = differences.secondDerivative(phi, grid.spaceDimension());
        SampledScalarField lap = differences.laplacian(phi);
        SampledScalarField source = sourceOn(grid, rho);
        double inverseC2 = 1 / (waveSpeed * waveSpeed);
        double g = coupling.value();
        double[] out = new double[grid.pointCount()];
        for (int p = 0; p < out.length; p++) {
            out[p] = inverseC2 * phiTT.valueAt(p) - lap.valueAt(p) + g * source.valueAt(p);
        }
        return SampledScalarField.wrap(grid, out);
    }

    /**
     * The static residual ∇²φ − gρ of a time-independent field (the Poisson equation).
     *
     * @param phi φ on a space grid
     * @param rho ρ
     * @return ∇²φ − gρ at every point
     */
    public SampledScalarField staticResidual(SampledScalarField phi, ScalarField rho) {
        SampledScalarField lap = differences.laplacian(phi);
        return lap.minus(sourceOn(phi.grid(), rho).times(coupling.value()));
    }

    private static Grid requireSpaceTime(SampledScalarField phi) {
        if (!phi.grid().hasTime()) {
            throw new IllegalArgumentException("the Lagrangian needs φ on a space-time grid (add a time axis), got "
                    + phi.grid());
        }
        return phi.grid();
    }

    private static SampledScalarField sourceOn(Grid grid, ScalarField rho) {
        if (rho.spaceDimension() != grid.spaceDimension()) {
            throw new IllegalArgumentException("source has " + rho.spaceDimension() + " space dimensions, the field "
                    + grid.spaceDimension());
        }
        return rho.sample(grid);
    }
}
