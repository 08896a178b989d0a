package org.fieldscore.score.sde;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.grid.TimeAxis;
import org.fieldscore.fields.testing.Convergence;
import org.fieldscore.score.model.GaussianMixtureModel;
import org.junit.jupiter.api.Test;

/** The score Fokker–Planck residual of the exact marginal score vanishes at the operators' order. */
class ScoreFokkerPlanckResidualTest {

    private static final GaussianMixtureModel MIXTURE_1D = new GaussianMixtureModel(new double[] {0.7, 0.3},
            new double[][] {{1.5}, {-1}}, new double[][][] {{{0.3}}, {{0.6}}});
    private static final GaussianMixtureModel MIXTURE_2D = new GaussianMixtureModel(new double[] {0.7, 0.3},
            new double[][] {{1.5, 0.5}, {-1, -1}}, new double[][][] {{{0.8, 0.1}, {0.1, 1}}, {{1, 0}, {0, 0.7}}});

    /**
     * RMS of R relative to the RMS of ∂s/∂t (the size of the terms that cancel), over the points more than
     * {@code order} cells from the space faces: there ∇ of the one-sided ∇· composes two closures and loses one order.
     */
    private static double relativeResidual(ScoreSde sde, GaussianMixtureModel p0, int cells, int order) {
        int d = p0.dimension();
        int[] shape = new int[d];
        double[] lower = new double[d];
        double[] upper = new double[d];
        for (int a = 0; a < d; a++) {
            shape[a] = cells + 1;
            lower[a] = -3;
            upper[a] = 3;
        }
        Grid grid = Grid.of(shape, lower, upper, org.fieldscore.fields.grid.Centering.VERTEX)
                .withTime(TimeAxis.of(0.2, 0.3 / cells, cells + 1));
        SampledVectorField s = ScoreFokkerPlanckResidual.sample(sde.score(p0), grid);
        SampledVectorField r = ScoreFokkerPlanckResidual.residual(sde, s, order);
        var fd = org.fieldscore.fields.ops.FiniteDifferences.order(order);
        double num = 0;
        double den = 0;
        for (int c = 0; c < d; c++) {
            double[] dt = fd.derivative(s.component(c), d).copyValues();
            for (int p = 0; p < dt.length; p++) {
                boolean interior = true;
                for (int a = 0; a < d; a++) {
                    int i = grid.index(p, a);
                    interior &= i > order && i < cells - order;
                }
                if (!interior) {
                    continue;
                }
                num += r.valueAt(c, p) * r.valueAt(c, p);
                den += dt[p] * dt[p];
            }
        }
        return Math.sqrt(num / den);
    }

    @Test
    void exactScoreSatisfiesTheScoreFokkerPlanckEquationAtOrderTwoAndFour() {
        for (ScoreSde sde : new ScoreSde[] {new VariancePreservingSde(0.1, 20, 1e-3),
            new SubVariancePreservingSde(0.1, 20, 1e-3), new VarianceExplodingSde(0.1, 3, 1e-3)}) {
            for (int order : new int[] {2, 4}) {
                int base = order == 2 ? 40 : 48;
                double[] errors = new double[3];
                for (int k = 0; k < 3; k++) {
                    errors[k] = relativeResidual(sde, MIXTURE_1D, base << k, order);
                }
                Convergence.assertObservedOrder(sde.name() + " order " + order + " in 1-D", order, errors);
            }
            double[] errors = new double[3];
            for (int k = 0; k < 3; k++) {
                errors[k] = relativeResidual(sde, MIXTURE_2D, 24 << k, 2);
            }
            Convergence.assertObservedOrder(sde.name() + " order 2 in 2-D", 2, errors);
        }
    }

    /** The slice at one time falls at order 2 in h with Δt = h/10 (VP, 2-D, interior points). */
    @Test
    void residualAtOneTimeConvergesAtOrderTwo() {
        ScoreSde vp = new VariancePreservingSde(0.1, 20, 1e-3);
        double[] errors = new double[3];
        for (int k = 0; k < 3; k++) {
            int cells = 24 << k;
            Grid space = Grid.cube(2, cells + 1, -3, 3);
            SampledVectorField r = ScoreFokkerPlanckResidual.residualAt(vp, vp.score(MIXTURE_2D), space, 0.4,
                    0.6 / cells, 2);
            double sum = 0;
            int count = 0;
            for (int p = 0; p < space.pointCount(); p++) {
                int i = space.index(p, 0);
                int j = space.index(p, 1);
                if (i > 2 && i < cells - 2 && j > 2 && j < cells - 2) {
                    sum += r.valueAt(0, p) * r.valueAt(0, p) + r.valueAt(1, p) * r.valueAt(1, p);
                    count++;
                }
            }
            errors[k] = Math.sqrt(sum / count);
        }
        Convergence.assertObservedOrder("residual at t = 0.4", 2, errors);
    }

    /** A wrong score (the data score at every t) leaves a residual of the size of the terms. */
    @Test
    void aWrongScoreLeavesALargeResidual() {
        ScoreSde vp = new VariancePreservingSde(0.1, 20, 1e-3);
        Grid grid = Grid.cube(1, 41, -3, 3).withTime(TimeAxis.of(0.2, 0.3 / 40, 41));
        TimeConditionalScore frozen = new TimeConditionalScore() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public org.fieldscore.score.model.ScoreModel at(double t) {
                return vp.score(MIXTURE_1D).at(0.2);
            }
        };
        SampledVectorField r = ScoreFokkerPlanckResidual.residual(vp, ScoreFokkerPlanckResidual.sample(frozen, grid),
                2);
        double max = 0;
        for (int p = 0; p < grid.pointCount(); p++) {
            max = Math.max(max, Math.abs(r.valueAt(0, p)));
        }
        assertTrue(max > 1, "residual of a frozen score: " + max);
    }
}
