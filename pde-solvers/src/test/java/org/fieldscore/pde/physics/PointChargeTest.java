package org.fieldscore.pde.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.bc.BoundaryCondition;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.constants.Coupling;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.source.Deposition;
import org.fieldscore.fields.source.PointSource;
import org.fieldscore.pde.analytic.AnalyticSolutions;
import org.fieldscore.pde.poisson.PoissonProblem;
import org.fieldscore.pde.poisson.PoissonSolvers;
import org.fieldscore.pde.Stopping;
import org.junit.jupiter.api.Test;

class PointChargeTest {

    private static final double[] X0 = {0.13, -0.21, 0.07};
    private static final double Q = 1e-9;
    private static final Coupling G = PhysicsPreset.ELECTROSTATICS_SI.coupling();
    private static final Grid GRID = Grid.cube(3, 65, -1, 1);

    private static PoissonProblem problem() {
        return PoissonProblem.on(GRID).boundaries(BoundaryConditions.all(BoundaryCondition.dirichlet(0)))
                .sources(G, Deposition.CLOUD_IN_CELL, new PointSource(X0, Q)).build();
    }

    /**
     * The grounded box's potential is the free-space −gq/(4πr) plus the harmonic correction ψ that cancels it on the
     * walls (what the method of images sums); ψ is smooth, so its numerical solution (∇²ψ = 0 with ψ = gq/(4πr) on the
     * walls, second-order accurate) is a reference accurate to ~1e-4 relative here. Within r ≤ 0.5 (the walls are at
     * least 0.79 away, so φ stays far from zero) and r ≥ 4h the solution matches to 2 %.
     */
    @Test
    void groundedBoxMatchesFreeSpacePlusImageCorrection() {
        SampledScalarField phi = PoissonSolvers.byName("multigrid").solve(problem()).solution();
        ScalarField free = AnalyticSolutions.pointPotential3D(G.value(), Q, X0);
        PoissonProblem correction = PoissonProblem.on(GRID)
                .boundaries(BoundaryConditions.all(BoundaryCondition.dirichlet((t, x) -> -free.value(t, x))))
                .rightHandSide(ScalarField.of(3, (t, x) -> 0.0)).build();
        SampledScalarField psi = PoissonSolvers.byName("multigrid").solve(correction).solution();
        double h = GRID.spacing(0);
        double[] x = new double[3];
        double worst = 0;
        int compared = 0;
        for (int p = 0; p < GRID.pointCount(); p++) {
            GRID.spaceCoordinates(p, x);
            double r = Math.sqrt(Math.pow(x[0] - X0[0], 2) + Math.pow(x[1] - X0[1], 2) + Math.pow(x[2] - X0[2], 2));
            if (r < 4 * h || r > 0.5) {
                continue;
            }
            double reference = free.value(0, x) + psi.valueAt(p);
            worst = Math.max(worst, Math.abs(phi.valueAt(p) - reference) / Math.abs(reference));
            compared++;
        }
        assertTrue(compared > 10000, "points compared: " + compared);
        assertTrue(worst < 0.02, "largest relative error for r >= 4h: " + worst);
    }

    /** Gauss's law: the flux of E through a box around the charge is q/ε₀ to 1e-6; outside boxes carry none. */
    @Test
    void fluxThroughSurroundingBoxIsEnclosedChargeOverEpsilon0() {
        PoissonProblem p = problem();
        SampledScalarField phi = PoissonSolvers.byName("multigrid").solve(p, Stopping.relative(1e-12)).solution();
        double expected = Q / org.fieldscore.fields.constants.PhysicalConstants.VACUUM_PERMITTIVITY;
        assertEquals(expected, PhysicsPreset.ELECTROSTATICS_SI.fluxOf(Q), 1e-12 * expected);
        double flux = FieldDiagnostics.boxFlux(phi, new double[] {-0.4, -0.5, -0.3}, new double[] {0.5, 0.2, 0.6});
        assertEquals(expected, flux, 1e-6 * expected);
        double empty = FieldDiagnostics.boxFlux(phi, new double[] {0.4, 0.3, 0.3}, new double[] {0.8, 0.8, 0.8});
        assertEquals(0, empty, 1e-6 * expected);
        assertEquals(0, FieldDiagnostics.gaussResidual(phi, p).maxNorm(), 1e-9 * p.rightHandSide().maxNorm());
    }

    /** E = −∇φ is curl-free: central differences along different axes commute, so the curl vanishes to rounding. */
    @Test
    void electricFieldIsCurlFree() {
        SampledScalarField phi = PoissonSolvers.byName("multigrid").solve(problem()).solution();
        SampledVectorField e = FieldDiagnostics.negativeGradient(phi, BoundaryConditions.none());
        double scale = e.norm().maxNorm() / GRID.spacing(0);
        assertTrue(FieldDiagnostics.maxCurl(e) < 1e-10 * scale, "curl " + FieldDiagnostics.maxCurl(e));
    }
}
