package org.fieldscore.runner.step;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldscore.runner.input.MapNode;
import org.fieldscore.score.estimate.AutodiffFamily;
import org.fieldscore.score.estimate.FisherDivergence;
import org.fieldscore.score.estimate.Lbfgs;
import org.fieldscore.score.estimate.MultivariateNormalFit;
import org.fieldscore.score.estimate.ScoreMatching;
import org.fieldscore.score.model.GaussianMixtureModel;
import org.fieldscore.score.model.MultivariateNormalModel;
import org.fieldscore.score.model.ScoreModel;

/**
 * {@code type: fit} — estimates a model's score from data by score matching (A. Hyvärinen, JMLR 6, 2005).
 *
 * <ul>
 *   <li>{@code estimator: mvn} — the seed's closed form for a multivariate normal, μ̂ = sample mean, M̂ = Ĉ⁻¹
 *       (equal to the maximum-likelihood estimate; sec. 3.1 of the paper). Metrics {@code mean-i},
 *       {@code covariance-i-j}, {@code precision-i-j}, {@code condition-number}.</li>
 *   <li>{@code estimator: mixture} — a mixture of {@code components} unit-covariance normals, means and weights
 *       found by minimising Hyvärinen's J̃(θ) with L-BFGS on automatic-differentiation gradients, started from
 *       data quantiles along the first coordinate (plus {@code restarts} perturbed starts). Metrics
 *       {@code weight-c}, {@code mean-c-i}, {@code objective}, {@code iterations}, {@code converged}. For modes
 *       far apart the weights are barely identified by score matching (the score depends on them only between the
 *       modes, where there are few data); the means and the Fisher divergence are.</li>
 * </ul>
 *
 * With {@code truth: model-id} the Fisher divergence ½E<sub>p</sub>‖Ŝ − S<sub>p</sub>‖² to the true model is
 * reported too (closed form between two normals, otherwise Monte Carlo over the data).
 *
 * @param header id, type, position
 * @param data the data step
 * @param estimator the estimator's name
 * @param components mixture components (mixture estimator)
 * @param restarts extra random starts (mixture estimator)
 * @param truth the true model, or null
 */
public record FitStep(StepHeader header, Reference data, String estimator, int components, int restarts,
        Reference truth) implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("data", "estimator", "components", "restarts", "truth");
    /** Estimators. */
    public static final List<String> ESTIMATORS = List.of("mvn", "mixture");

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        String estimator = body.choice("estimator", ESTIMATORS, "mvn");
        if (estimator.equals("mvn")) {
            for (String k : List.of("components", "restarts")) {
                if (body.has(k)) {
                    throw body.get(k).problem("'" + k + "' belongs to 'estimator: mixture'");
                }
            }
        }
        return new FitStep(header, reading.reference(body.require("data", "the id of a data or sampling step")),
                estimator, body.integer("components", 1, 20, 2), body.integer("restarts", 0, 100, 0),
                body.has("truth") ? reading.reference(body.get("truth")) : null);
    }

    @Override
    public List<Reference> references() {
        return truth == null ? List.of(data) : List.of(data, truth);
    }

    @Override
    public Plan plan(PlanContext context) {
        Plan samples = context.samples(data, "'fit.data'");
        int d = samples.components();
        if (truth != null) {
            int dt = context.model(truth, "'fit.truth'").components();
            if (dt != d) {
                throw truth.problem("the true model '" + truth.id() + "' is " + dt + "-dimensional but the data '"
                        + data.id() + "' has " + d + " coordinates");
            }
        }
        List<String> metrics = new ArrayList<>();
        String summary;
        if (estimator.equals("mvn")) {
            for (int i = 0; i < d; i++) {
                metrics.add("mean-" + i);
            }
            for (String matrix : List.of("covariance-", "precision-")) {
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        metrics.add(matrix + i + "-" + j);
                    }
                }
            }
            metrics.add("condition-number");
            summary = "closed-form score matching (MVN) of '" + data.id() + "'";
        } else {
            for (int c = 0; c < components; c++) {
                metrics.add("weight-" + c);
                for (int i = 0; i < d; i++) {
                    metrics.add("mean-" + c + "-" + i);
                }
            }
            metrics.addAll(List.of("objective", "iterations", "converged"));
            summary = "score matching of a " + components + "-component unit-covariance mixture to '" + data.id()
                    + "' (L-BFGS, " + (restarts + 1) + " starts)";
        }
        if (truth != null) {
            metrics.add("fisher-divergence");
            summary += ", Fisher divergence to '" + truth.id() + "'";
        }
        double work = estimator.equals("mvn") ? 10.0 * d * d * 1000 : 2e4 * (restarts + 1) * components * d * 1000;
        return new Plan(ResultKind.MODEL, null, d, 8L * d * d * 3, 0, work, summary, metrics);
    }

    @Override
    public StepResult run(RunContext context) throws StepFailedException {
        StepValue.Samples samples = context.samples(data);
        Map<String, Double> m = new LinkedHashMap<>();
        ScoreModel model;
        String description;
        try {
            if (estimator.equals("mvn")) {
                model = normal(samples, m);
                description = "MVN fitted to '" + data.id() + "'";
            } else {
                model = mixture(samples, m, context.seedFor(id()));
                description = components + "-component mixture fitted to '" + data.id() + "'";
            }
        } catch (IllegalArgumentException e) {
            throw new StepFailedException(header, e.getMessage(), e);
        }
        if (truth != null) {
            ScoreModel t = context.model(truth);
            m.put("fisher-divergence", t instanceof MultivariateNormalModel tm && model instanceof MultivariateNormalModel
                    mm ? FisherDivergence.gaussian(tm, mm) : FisherDivergence.monteCarlo(model, t, samples.points())
                            .value());
        }
        return new StepResult(id(), type(), new StepValue.Model(model, description), m, null, 0);
    }

    private static MultivariateNormalModel normal(StepValue.Samples samples, Map<String, Double> m) {
        MultivariateNormalFit fit = MultivariateNormalFit.fit(samples.points(), samples.dimension());
        int d = samples.dimension();
        for (int i = 0; i < d; i++) {
            m.put("mean-" + i, fit.mean()[i]);
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                m.put("covariance-" + i + "-" + j, fit.covariance()[i][j]);
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                m.put("precision-" + i + "-" + j, fit.precision()[i][j]);
            }
        }
        m.put("condition-number", fit.conditionNumber());
        return fit.model();
    }

    private GaussianMixtureModel mixture(StepValue.Samples samples, Map<String, Double> m, long seed) {
        int d = samples.dimension();
        int n = samples.count();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> samples.get(i, 0)));
        double[] start = new double[components * d + components - 1];
        for (int c = 0; c < components; c++) {
            int quantile = order[(int) ((c + 0.5) * n / components)];
            for (int i = 0; i < d; i++) {
                start[c * d + i] = samples.get(quantile, i);
            }
        }
        Lbfgs.Result result = new ScoreMatching(new Lbfgs(10, 1e-9, 500), restarts, 1.0, seed)
                .fit(new AutodiffFamily(GaussianMixtureModel.unitCovarianceFamily(d, components)), samples.points(),
                        start);
        GaussianMixtureModel model = GaussianMixtureModel.fromUnitCovarianceParameters(result.point(), d,
                components);
        double[] weights = model.weights();
        double[][] means = model.means();
        for (int c = 0; c < components; c++) {
            m.put("weight-" + c, weights[c]);
            for (int i = 0; i < d; i++) {
                m.put("mean-" + c + "-" + i, means[c][i]);
            }
        }
        m.put("objective", result.value());
        m.put("iterations", (double) result.iterations());
        m.put("converged", result.converged() ? 1.0 : 0.0);
        return model;
    }
}
