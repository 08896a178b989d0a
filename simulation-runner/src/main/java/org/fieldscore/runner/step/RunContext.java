package org.fieldscore.runner.step;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.runner.expr.ExpressionLanguage;

/**
 * What a running step sees: the results of the earlier steps, its random seed, the scenario's folder, the
 * expression language with the resolved parameters, and a progress listener.
 */
public final class RunContext {

    private final Map<String, StepResult> results = new LinkedHashMap<>();
    private final long seed;
    private final Path baseDirectory;
    private final ExpressionLanguage language;
    private final ProgressListener progress;
    private ChainEnsemble ensemble;

    /**
     * @param seed the scenario seed
     * @param baseDirectory the scenario file's folder (data files are read relative to it), or null for a bundled
     *     scenario
     * @param language the expression language with the resolved parameters
     * @param progress where long steps report progress
     */
    public RunContext(long seed, Path baseDirectory, ExpressionLanguage language, ProgressListener progress) {
        this.seed = seed;
        this.baseDirectory = baseDirectory;
        this.language = language;
        this.progress = progress;
    }

    /**
     * @param chains runs the chains of Langevin steps elsewhere (a cluster), or null to run them here
     * @return this context
     */
    public RunContext withEnsemble(ChainEnsemble chains) {
        this.ensemble = chains;
        return this;
    }

    /** @return the engine for Langevin chains, or null when they run in this JVM */
    public ChainEnsemble ensemble() {
        return ensemble;
    }

    /** @param result a finished step's result */
    public void add(StepResult result) {
        results.put(result.id(), result);
    }

    /** @return the results so far, in step order */
    public Map<String, StepResult> results() {
        return Collections.unmodifiableMap(results);
    }

    /**
     * @param r a reference
     * @return the referenced step's result
     */
    public StepResult result(Reference r) {
        StepResult s = results.get(r.id());
        if (s == null) {
            throw new IllegalStateException("step '" + r.id() + "' has not run");
        }
        return s;
    }

    /**
     * @param r a reference to a scalar field or a time series
     * @return the field (the last snapshot of a time series)
     */
    public SampledScalarField scalar(Reference r) {
        StepValue v = result(r).value();
        if (v instanceof StepValue.Scalar s) {
            return s.field();
        }
        if (v instanceof StepValue.TimeSeries ts) {
            return ts.last();
        }
        throw new IllegalStateException("step '" + r.id() + "' is not a scalar field");
    }

    /**
     * @param r a reference to a vector field
     * @return the field
     */
    public SampledVectorField vector(Reference r) {
        if (result(r).value() instanceof StepValue.Vector v) {
            return v.field();
        }
        throw new IllegalStateException("step '" + r.id() + "' is not a vector field");
    }

    /**
     * @param r a reference to samples
     * @return the samples
     */
    public StepValue.Samples samples(Reference r) {
        if (result(r).value() instanceof StepValue.Samples s) {
            return s;
        }
        throw new IllegalStateException("step '" + r.id() + "' is not a set of samples");
    }

    /**
     * @param r a reference to a model
     * @return the model
     */
    public org.fieldscore.score.model.ScoreModel model(Reference r) {
        if (result(r).value() instanceof StepValue.Model m) {
            return m.model();
        }
        throw new IllegalStateException("step '" + r.id() + "' is not a model");
    }

    /**
     * A seed for one step's random stream, derived from the scenario seed and the step id only, so that adding or
     * removing other steps does not change it (SplitMix64 finaliser; G. Steele et al., OOPSLA 2014).
     *
     * @param stepId the step
     * @return its seed
     */
    public long seedFor(String stepId) {
        long z = seed ^ (0x9E3779B97F4A7C15L * (stepId.hashCode() + 1L));
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** @return the scenario folder, or null for a bundled scenario */
    public Path baseDirectory() {
        return baseDirectory;
    }

    /** @return the expression language with the resolved parameters */
    public ExpressionLanguage language() {
        return language;
    }

    /** @return where long computations report progress */
    public ProgressListener progress() {
        return progress;
    }
}
