package org.fieldscore.runner.step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldscore.runner.input.MapNode;
import org.fieldscore.score.estimate.FisherDivergence;
import org.fieldscore.score.estimate.MultivariateNormalFit;
import org.fieldscore.score.model.MultivariateNormalModel;
import org.fieldscore.score.model.ScoreModel;

/**
 * {@code type: fit} — estimates a model's score from data. {@code estimator: mvn} is the seed's closed-form score
 * matching estimate of a multivariate normal, μ̂ = sample mean, M̂ = Ĉ⁻¹ (equal to the maximum-likelihood
 * estimate; A. Hyvärinen, JMLR 6, 2005, sec. 3.1). With {@code truth: model-id} the Fisher divergence
 * ½E<sub>p</sub>‖Ŝ − S<sub>p</sub>‖² to the true model is reported too (in closed form between two normals,
 * otherwise by Monte Carlo over the data).
 *
 * @param header id, type, position
 * @param data the data step
 * @param estimator the estimator's name
 * @param truth the true model, or null
 */
public record FitStep(StepHeader header, Reference data, String estimator, Reference truth) implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("data", "estimator", "truth");
    /** Estimators. */
    public static final List<String> ESTIMATORS = List.of("mvn");

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        return new FitStep(header, reading.reference(body.require("data", "the id of a data or sampling step")),
                body.choice("estimator", ESTIMATORS, "mvn"),
                body.has("truth") ? reading.reference(body.get("truth")) : null);
    }

    @Override
    public List<Reference> references() {
        return truth == null ? List.of(data) : List.of(data, truth);
    }

    @Override
    public Plan plan(PlanContext context) {
        int d = context.samples(data, "'fit.data'").components();
        if (truth != null) {
            int dt = context.model(truth, "'fit.truth'").components();
            if (dt != d) {
                throw truth.problem("the true model '" + truth.id() + "' is " + dt + "-dimensional but the data '"
                        + data.id() + "' has " + d + " coordinates");
            }
        }
        List<String> metrics = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            metrics.add("mean-" + i);
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                metrics.add("covariance-" + i + "-" + j);
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                metrics.add("precision-" + i + "-" + j);
            }
        }
        metrics.add("condition-number");
        if (truth != null) {
            metrics.add("fisher-divergence");
        }
        return new Plan(ResultKind.MODEL, null, d, 8L * d * d * 3, 0, 10.0 * d * d * 1000,
                "closed-form score matching (MVN) of '" + data.id() + "'"
                        + (truth != null ? ", Fisher divergence to '" + truth.id() + "'" : ""), metrics);
    }

    @Override
    public StepResult run(RunContext context) throws StepFailedException {
        StepValue.Samples samples = context.samples(data);
        MultivariateNormalFit fit;
        try {
            fit = MultivariateNormalFit.fit(samples.points(), samples.dimension());
        } catch (IllegalArgumentException e) {
            throw new StepFailedException(header, e.getMessage(), e);
        }
        int d = samples.dimension();
        Map<String, Double> m = new LinkedHashMap<>();
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
        MultivariateNormalModel model = fit.model();
        if (truth != null) {
            ScoreModel t = context.model(truth);
            m.put("fisher-divergence", t instanceof MultivariateNormalModel tm ? FisherDivergence.gaussian(tm, model)
                    : FisherDivergence.monteCarlo(model, t, samples.points()).value());
        }
        return new StepResult(id(), type(), new StepValue.Model(model, "MVN fitted to '" + data.id() + "'"), m,
                null, 0);
    }
}
