package org.fieldscore.score.bridge;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.ScalarField;
import org.fieldscore.fields.grid.Centering;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.score.model.MultivariateNormalModel;
import org.fieldscore.score.sample.ChainStart;
import org.junit.jupiter.api.Test;

/**
 * Langevin chains on N(0, 1) from x₀ against closed-form densities: the exact law of unadjusted Langevin (a
 * Gaussian with mean aᵏx₀ and variance ε(1 − a²ᵏ)/(1 − a²), a = 1 − ε/2), and the continuous-time Ornstein–Uhlenbeck
 * density (mean x₀e<sup>−t/2</sup>, variance 1 − e<sup>−t</sup>) that the Fokker–Planck equation with drift ½S
 * gives. Tolerances: the total variation of a histogram of N draws fluctuates by well under 30 % around its
 * expected value for 60 bins and N ≥ 20 000 (seeded, so each number is fixed).
 */
class LangevinVsDensityTest {

    private static final MultivariateNormalModel STANDARD = MultivariateNormalModel.ofCovariance(new double[] {0},
            new double[][] {{1}});
    private static final Grid BINS = Grid.cube(1, 60, -4.5, 4.5, Centering.CELL);
    private static final double START = 1.5;

    private static SampledScalarField gaussian(double mean, double variance) {
        return ScalarField.of(1, (t, x) -> Math.exp(-(x[0] - mean) * (x[0] - mean) / (2 * variance))
                / Math.sqrt(2 * Math.PI * variance)).sample(BINS);
    }

    private static SampledScalarField exactUla(double epsilon, int steps) {
        double a = 1 - epsilon / 2;
        return gaussian(Math.pow(a, steps) * START, epsilon * (1 - Math.pow(a, 2 * steps)) / (1 - a * a));
    }

    private static SampledScalarField ornsteinUhlenbeck(double t) {
        return gaussian(START * Math.exp(-t / 2), 1 - Math.exp(-t));
    }

    private static double l2(SampledScalarField a, SampledScalarField b) {
        double[] u = a.copyValues();
        double[] v = b.copyValues();
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            sum += (u[i] - v[i]) * (u[i] - v[i]);
        }
        return Math.sqrt(sum * BINS.cellVolume());
    }

    @Test
    void chainsFollowTheExactLawOfTheirUpdate() {
        double epsilon = 0.2;
        List<SampledScalarField> densities = new ArrayList<>();
        for (int m = 1; m <= 3; m++) {
            densities.add(exactUla(epsilon, 5 * m));
        }
        LangevinVsDensity.Run run = new LangevinVsDensity(STANDARD, LangevinVsDensity.Sampler.ULA, epsilon)
                .compare(ChainStart.at(START), 20_000, 11, 1.0, densities, ProgressListener.NONE);
        for (LangevinVsDensity.Snapshot s : run.snapshots()) {
            assertTrue(s.ratio() > 0.7 && s.ratio() < 1.3, "t = " + s.time() + ": distance " + s.distance()
                    + " vs expected " + s.expectedDistance());
        }
    }

    @Test
    void unadjustedLangevinDepartsFromTheFokkerPlanckDensityLinearlyInEpsilon() {
        double[] epsilons = {0.05, 0.2, 0.8};
        double[] excess = new double[epsilons.length];
        double[] bias = new double[epsilons.length];
        double[] ratios = new double[epsilons.length];
        for (int k = 0; k < epsilons.length; k++) {
            LangevinVsDensity.Snapshot s = new LangevinVsDensity(STANDARD, LangevinVsDensity.Sampler.ULA,
                    epsilons[k]).compare(ChainStart.at(START), 40_000, 5, 4.0, List.of(ornsteinUhlenbeck(4.0)),
                    ProgressListener.NONE).snapshots().get(0);
            ratios[k] = s.ratio();
            excess[k] = s.distance() - s.expectedDistance();
            bias[k] = s.bias();
        }
        String report = "epsilon " + java.util.Arrays.toString(epsilons) + ": distance / expected "
                + java.util.Arrays.toString(ratios) + ", excess " + java.util.Arrays.toString(excess) + ", L2 bias "
                + java.util.Arrays.toString(bias);
        assertTrue(ratios[0] < 1.5, "small epsilon agrees with the Fokker-Planck density: " + report);
        assertTrue(ratios[2] > 2.5, "large epsilon departs from it: " + report);
        assertTrue(excess[2] > 2.5 * excess[1] && excess[1] > 0, "the excess grows about like epsilon: " + report);
        for (int k = 1; k < epsilons.length; k++) {
            // the chains' law is the exact ULA Gaussian after 4/ε steps: its L2 distance from the OU density is the
            // bias the estimate must find, within its fluctuation (about the sampling L2 distance / √bins ≈ 0.002
            // here) and the binning's O(h²) difference of the two Gaussians' cell averages
            double exact = l2(exactUla(epsilons[k], (int) Math.round(4.0 / epsilons[k])), ornsteinUhlenbeck(4.0));
            assertTrue(Math.abs(bias[k] - exact) < 0.1 * exact + 0.003, "ε = " + epsilons[k] + ": L2 bias " + bias[k]
                    + ", exact " + exact + "; " + report);
        }
        double slope = Math.log(bias[2] / bias[1]) / Math.log(epsilons[2] / epsilons[1]);
        double exactSlope = Math.log(l2(exactUla(0.8, 5), ornsteinUhlenbeck(4.0))
                / l2(exactUla(0.2, 20), ornsteinUhlenbeck(4.0))) / Math.log(4);
        assertTrue(Math.abs(slope - exactSlope) < 0.1, "the L2 bias grows like the exact law's (slope " + slope
                + ", exact " + exactSlope + "): " + report);
        LangevinVsDensity.Snapshot mala = new LangevinVsDensity(STANDARD, LangevinVsDensity.Sampler.MALA, 0.8)
                .compare(ChainStart.at(START), 40_000, 5, 12.0, List.of(ornsteinUhlenbeck(1e3)),
                        ProgressListener.NONE).snapshots().get(0);
        assertTrue(mala.ratio() < 1.3, "MALA at epsilon 0.8 has the exact stationary law: ratio " + mala.ratio()
                + "; " + report);
    }

    @Test
    void meanRelaxesAtTheSpectralGapAndTheAutocorrelationTimeIsTwiceItsInverse() {
        double epsilon = 0.02;
        LangevinVsDensity bridge = new LangevinVsDensity(STANDARD, LangevinVsDensity.Sampler.ULA, epsilon);
        List<SampledScalarField> densities = new ArrayList<>();
        for (int m = 1; m <= 10; m++) {
            densities.add(ornsteinUhlenbeck(0.5 * m));
        }
        LangevinVsDensity.Run run = bridge.compare(ChainStart.at(3.0), 20_000, 3, 0.5, densities,
                ProgressListener.NONE);
        double rate = LangevinVsDensity.meanRelaxationRate(run.snapshots(), 0, 0, 5 / Math.sqrt(20_000));
        double ulaRate = -Math.log(1 - epsilon / 2) / epsilon;
        assertTrue(Math.abs(rate - ulaRate) < 0.05 * ulaRate, "mean relaxation rate " + rate + " vs " + ulaRate
                + " (lambda_1 = 0.5 for the continuous equation)");
        double iat = bridge.integratedAutocorrelationTime(ChainStart.gaussian(1), 16, 0, 4000, 10, 9, 0,
                ProgressListener.NONE);
        assertTrue(Math.abs(iat - 2 / 0.5) < 0.2 * 4, "integrated autocorrelation time " + iat + " vs 2/lambda_1 = 4");
    }
}
