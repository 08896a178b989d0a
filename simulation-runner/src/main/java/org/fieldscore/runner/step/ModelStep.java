package org.fieldscore.runner.step;

import java.util.List;
import java.util.Map;

import org.fieldscore.runner.expr.Formula;
import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.input.ScenarioNode;
import org.fieldscore.score.model.FiniteDifferenceModel;
import org.fieldscore.score.model.GaussianMixtureModel;
import org.fieldscore.score.model.MultivariateNormalModel;
import org.fieldscore.score.model.UnnormalizedModel;

/**
 * {@code type: model} — a declared density p(x) with its score S = ∇ₓ log p, to draw data from, sample with
 * Langevin dynamics, or compare estimates against:
 *
 * <pre>
 * distribution: {type: mvn, mean: [0, 0], covariance: [[1, 0.5], [0.5, 1]]}
 * distribution:
 *   type: mixture
 *   weights: [0.5, 0.5]
 *   means: [[-2, 0], [2, 0]]
 *   covariances: [[[1, 0], [0, 1]], [[1, 0], [0, 1]]]   # or one shared 'covariance'
 * distribution: {type: formula, dimension: 2, log-density: "-(x^2 - 1)^2/0.1 - y^2/2"}
 * </pre>
 *
 * A {@code formula} model is an unnormalised density q(x) given by log q over x, y, z (as many as its dimension, 1 to
 * 3). Its score and the divergence of the score come from fourth-order central differences of log q with step
 * {@code step} (default 1e-3): truncation error about h⁴/30 times the fifth derivative, rounding error about
 * 1e-16·|log q|/h for the score and 1e-16·|log q|/h² for the divergence. It can be sampled by Langevin dynamics,
 * not drawn from directly.
 *
 * @param header id, type, position
 * @param model the model
 * @param description what it is
 */
public record ModelStep(StepHeader header, UnnormalizedModel model, String description) implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("distribution");
    /** Distribution types. */
    public static final List<String> DISTRIBUTIONS = List.of("mvn", "mixture", "formula");
    /** The default finite-difference step of a formula model. */
    static final double FORMULA_STEP = 1e-3;

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        ScenarioNode node = body.require("distribution", "a mapping with 'type: mvn', 'type: mixture' or"
                + " 'type: formula'");
        MapNode m = node.map();
        String type = m.require("type", "mvn, mixture or formula").choice(DISTRIBUTIONS);
        if (type.equals("formula")) {
            return formula(header, m);
        }
        try {
            if (type.equals("mvn")) {
                m.allow("type", "mean", "covariance");
                double[] mean = m.require("mean", "the mean vector, e.g. [0, 0]").numbers();
                double[][] cov = matrix(m.require("covariance", "the covariance matrix, e.g. [[1, 0.5], [0.5, 1]]"),
                        mean.length);
                return new ModelStep(header, MultivariateNormalModel.ofCovariance(mean, cov),
                        "MVN(mean " + java.util.Arrays.toString(mean) + ", covariance "
                                + java.util.Arrays.deepToString(cov) + ")");
            }
            m.allow("type", "weights", "means", "covariances", "covariance");
            double[] weights = m.require("weights", "the component weights, e.g. [0.5, 0.5]").numbers();
            List<ScenarioNode> meanNodes = m.require("means", "one mean vector per component").list(weights.length,
                    weights.length);
            double[][] means = new double[weights.length][];
            for (int k = 0; k < means.length; k++) {
                means[k] = meanNodes.get(k).numbers();
            }
            int d = means[0].length;
            double[][][] covs = new double[weights.length][][];
            if (m.has("covariances") == m.has("covariance")) {
                throw node.problem("give either 'covariances' (one matrix per component) or one shared 'covariance'");
            }
            if (m.has("covariance")) {
                double[][] shared = matrix(m.get("covariance"), d);
                java.util.Arrays.fill(covs, shared);
            } else {
                List<ScenarioNode> c = m.get("covariances").list(weights.length, weights.length);
                for (int k = 0; k < covs.length; k++) {
                    covs[k] = matrix(c.get(k), d);
                }
            }
            return new ModelStep(header, new GaussianMixtureModel(weights, means, covs),
                    "Gaussian mixture of " + weights.length + " components in " + d + "-D");
        } catch (org.fieldscore.fields.InvalidArgumentException e) {
            throw argumentNode(m, e.argument(), node).problem(e.getMessage() + "; valid: " + e.validRange()
                    + ", e.g. [[1, 0.5], [0.5, 1]]");
        } catch (IllegalArgumentException e) {
            throw node.problem("not a valid distribution (covariances must be symmetric positive definite, weights"
                    + " positive): " + e.getMessage());
        }
    }

    /**
     * @param m the distribution mapping
     * @param argument a library argument's name: "covariance" or "covariances[k]"
     * @param fallback the node to use for any other argument
     * @return the node where the user wrote that argument
     */
    private static ScenarioNode argumentNode(MapNode m, String argument, ScenarioNode fallback) {
        java.util.regex.Matcher k = java.util.regex.Pattern.compile("covariances\\[(\\d+)]").matcher(argument);
        if (k.matches() && m.has("covariances")) {
            List<ScenarioNode> items = m.get("covariances").list();
            int index = Integer.parseInt(k.group(1));
            return index < items.size() ? items.get(index) : m.get("covariances");
        }
        if (argument.startsWith("covariance") && m.has("covariance")) {
            return m.get("covariance");
        }
        return fallback;
    }

    private static ModelStep formula(StepHeader header, MapNode m) {
        m.allow("type", "dimension", "log-density", "step");
        int d = m.require("dimension", "the number of coordinates, 1 to 3").integer(1, 3);
        ScenarioNode text = m.require("log-density", "log q as a formula over " + String.join(", ",
                StepReading.coordinates(d).subList(1, d + 1)) + ", e.g. \"-(x^2 - 1)^2/0.1\"");
        Formula logQ = text.formula(StepReading.coordinates(d).subList(1, d + 1));
        double h = m.has("step") ? m.get("step").positive() : FORMULA_STEP;
        FiniteDifferenceModel model = new FiniteDifferenceModel(d, logQ::evaluate, h, 4);
        double atOrigin = model.logDensity(new double[d]);
        if (Double.isNaN(atOrigin)) {
            throw text.problem("log q is not a number at the origin; give a formula defined on all of R^" + d
                    + " (log q = -infinity is allowed where q = 0)");
        }
        return new ModelStep(header, model, "unnormalised density with log q = " + logQ.text() + " (score by"
                + " central differences, step " + h + ")");
    }

    /**
     * @param node a list of d rows of d numbers
     * @param d the size
     * @return the matrix
     */
    static double[][] matrix(ScenarioNode node, int d) {
        List<ScenarioNode> rows = node.list(d, d);
        double[][] a = new double[d][];
        for (int i = 0; i < d; i++) {
            a[i] = rows.get(i).numbers(d);
        }
        return a;
    }

    @Override
    public List<Reference> references() {
        return List.of();
    }

    @Override
    public Plan plan(PlanContext context) {
        Plan plan = new Plan(ResultKind.MODEL, null, model.dimension(), 0, 0, 0, description,
                List.copyOf(metrics().keySet()));
        return plan.offering(ModelCapability.of(model)).withLangevinStepBound(model.langevinStepBound());
    }

    /** @return the dimension, and for a mixture its weights weight-0, weight-1, … */
    private Map<String, Double> metrics() {
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        m.put("dimension", (double) model.dimension());
        if (model instanceof GaussianMixtureModel mixture) {
            double[] w = mixture.weights();
            for (int k = 0; k < w.length; k++) {
                m.put("weight-" + k, w[k]);
            }
        }
        return m;
    }

    /**
     * @param plan the plan of a model step
     * @return the number of mixture components it reports (0 for a model that is not a mixture)
     */
    static int mixtureComponents(Plan plan) {
        return (int) plan.metrics().stream().filter(name -> name.startsWith("weight-")).count();
    }

    @Override
    public StepResult run(RunContext context) {
        return new StepResult(id(), type(), new StepValue.Model(model, description), metrics(), null, 0);
    }
}
