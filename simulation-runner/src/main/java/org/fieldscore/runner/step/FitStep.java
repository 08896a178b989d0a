package org.fieldscore.runner.step;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldscore.runner.input.MapNode;
import org.fieldscore.score.estimate.AutodiffFamily;
import org.fieldscore.score.estimate.ExponentialFamily;
import org.fieldscore.score.estimate.FisherDivergence;
import org.fieldscore.score.estimate.Lbfgs;
import org.fieldscore.score.estimate.MultivariateNormalFit;
import org.fieldscore.score.estimate.ScoreMatching;
import org.fieldscore.score.model.GaussianMixtureModel;
import org.fieldscore.score.model.MultivariateNormalModel;
import org.fieldscore.score.model.PolynomialStatistics;
import org.fieldscore.score.model.ScoreModel;

/**
 * {@code type: fit} — estimates a model's score from data by score matching (A. Hyvärinen, JMLR 6, 2005).
 *
 * <ul>
 *   <li>{@code estimator: mvn} — the essay's closed form for a multivariate normal, μ̂ = sample mean, M̂ = Ĉ⁻¹
 *       (equal to the maximum-likelihood estimate; sec. 3.1 of the paper). Metrics {@code mean-i},
 *       {@code covariance-i-j}, {@code precision-i-j}, {@code condition-number}.</li>
 *   <li>{@code estimator: mixture} — a mixture of {@code components} unit-covariance normals, means and weights
 *       found by minimising Hyvärinen's J̃(θ) with L-BFGS on automatic-differentiation gradients, started from
 *       data quantiles along the first coordinate (plus {@code restarts} perturbed starts). Metrics
 *       {@code weight-c}, {@code mean-c-i}, {@code objective}, {@code iterations}, {@code converged}. For modes
 *       far apart the weights are barely identified by score matching (the score depends on them only between the
 *       modes, where there are few data); the means and the Fisher divergence are.</li>
 *   <li>{@code estimator: exponential-family} — the polynomial exponential family log q(x) = Σ θ<sub>p</sub>
 *       z<sup>p</sup> over all monomials of total degree 1 … {@code degree} in the standardised coordinates
 *       z = (x − mean)/(standard deviation) of the data, by the closed form θ̂ = −(A + λI)⁻¹b of score matching
 *       (Hyvärinen 2007) with ridge λ = {@code ridge}. Degree 2 is the normal; degree 4 can have several modes.
 *       Metrics {@code theta-p0-p1-…} (one per monomial, named by its exponents), {@code center-i},
 *       {@code scale-i}, {@code parameters}, {@code condition-number} and {@code decays} (1 when the leading part
 *       is negative in every direction checked, so that the density can be normalised and sampled).</li>
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
 * @param degree the largest total degree (exponential-family estimator)
 * @param ridge λ ≥ 0 (exponential-family estimator)
 * @param truth the true model, or null
 */
public record FitStep(StepHeader header, Reference data, String estimator, int components, int restarts,
        int degree, double ridge, Reference truth) implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("data", "estimator", "components", "restarts", "degree", "ridge",
            "truth");
    /** Estimators. */
    public static final List<String> ESTIMATORS = List.of("mvn", "mixture", "exponential-family");
    /** The largest number of monomials of an exponential-family fit. */
    static final int MAX_PARAMETERS = 500;

    private static final Map<String, List<String>> ESTIMATOR_KEYS = Map.of("mixture",
            List.of("components", "restarts"), "exponential-family", List.of("degree", "ridge"));

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        String estimator = body.choice("estimator", ESTIMATORS, "mvn");
        for (Map.Entry<String, List<String>> e : ESTIMATOR_KEYS.entrySet()) {
            for (String k : e.getValue()) {
                if (!estimator.equals(e.getKey()) && body.has(k)) {
                    throw body.get(k).problem("'" + k + "' belongs to 'estimator: " + e.getKey() + "'");
                }
            }
        }
        return new FitStep(header, reading.reference(body.require("data", "the id of a data or sampling step")),
                estimator, body.integer("components", 1, 20, 2), body.integer("restarts", 0, 100, 0),
                body.integer("degree", 1, PolynomialStatistics.MAX_DEGREE, 4),
                body.has("ridge") ? body.get("ridge").nonNegative() : 0,
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
            try {
                MultivariateNormalFit.requireEnoughSamples(samples.sampleCount(), d);
            } catch (org.fieldscore.fields.InvalidArgumentException e) {
                throw data.problem("step '" + header.id() + "' (fit): '" + data.id() + "' gives "
                        + samples.sampleCount() + " points, but " + e.getMessage() + "; valid: "
                        + e.validRange() + " points");
            }
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
        } else if (estimator.equals("exponential-family")) {
            long parameters = PolynomialStatistics.count(d, degree);
            if (parameters > MAX_PARAMETERS) {
                throw header.problem("degree", "'degree: " + degree + "' on " + d + "-dimensional data gives "
                        + parameters + " monomials; at most " + MAX_PARAMETERS + " are allowed: lower 'degree'");
            }
            PolynomialStatistics statistics = PolynomialStatistics.upToDegree(d, degree, new double[d], ones(d));
            for (int j = 0; j < statistics.count(); j++) {
                metrics.add(thetaMetric(statistics, j));
            }
            for (int i = 0; i < d; i++) {
                metrics.add("center-" + i);
                metrics.add("scale-" + i);
            }
            metrics.addAll(List.of("parameters", "condition-number", "decays"));
            summary = "closed-form score matching of the degree-" + degree + " polynomial exponential family ("
                    + parameters + " parameters) to '" + data.id() + "'";
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
        double work = switch (estimator) {
            case "mvn" -> 10.0 * d * d * 1000;
            case "exponential-family" -> 10.0 * d * Math.pow(PolynomialStatistics.count(d, degree), 2) * 1000;
            default -> 2e4 * (restarts + 1) * components * d * 1000;
        };
        Plan plan = new Plan(ResultKind.MODEL, null, d, 8L * d * d * 3, 0, work, summary, metrics);
        return estimator.equals("exponential-family") ? plan
                : plan.offering(java.util.EnumSet.allOf(ModelCapability.class));
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
            } else if (estimator.equals("exponential-family")) {
                model = polynomial(samples, m);
                description = "degree-" + degree + " polynomial exponential family fitted to '" + data.id() + "'";
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

    private ScoreModel polynomial(StepValue.Samples samples, Map<String, Double> m) {
        int d = samples.dimension();
        int n = samples.count();
        Map<String, Double> moments = DataStep.metrics(samples);
        double[] center = new double[d];
        double[] scale = new double[d];
        for (int i = 0; i < d; i++) {
            center[i] = moments.get("mean-" + i);
            scale[i] = Math.sqrt(moments.get("variance-" + i) * (n - 1) / n);
            if (!(scale[i] > 0)) {
                throw new IllegalArgumentException("coordinate " + i + " of '" + data.id() + "' is constant; the"
                        + " exponential family needs data that vary along every coordinate");
            }
        }
        PolynomialStatistics statistics = PolynomialStatistics.upToDegree(d, degree, center, scale);
        ExponentialFamily family = new ExponentialFamily(statistics);
        ExponentialFamily.Estimate estimate = family.closedForm(samples.points(), ridge);
        double[] theta = estimate.theta();
        for (int j = 0; j < theta.length; j++) {
            m.put(thetaMetric(statistics, j), theta[j]);
        }
        for (int i = 0; i < d; i++) {
            m.put("center-" + i, center[i]);
            m.put("scale-" + i, scale[i]);
        }
        m.put("parameters", (double) theta.length);
        m.put("condition-number", estimate.conditionNumber());
        m.put("decays", statistics.decaysInEveryDirection(theta) ? 1.0 : 0.0);
        return family.at(theta);
    }

    /** @return {@code theta-} followed by the monomial's exponents, for example {@code theta-2-0-1} */
    private static String thetaMetric(PolynomialStatistics statistics, int j) {
        StringBuilder b = new StringBuilder("theta");
        for (int e : statistics.exponents(j)) {
            b.append('-').append(e);
        }
        return b.toString();
    }

    private static double[] ones(int d) {
        double[] v = new double[d];
        Arrays.fill(v, 1);
        return v;
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
