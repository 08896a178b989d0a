package org.fieldscore.runner.engine;

import org.fieldscore.runner.scenario.ScenarioCase;
import org.fieldscore.runner.step.ChainEnsemble;
import org.fieldscore.runner.study.CaseEngine;

/**
 * An engine other than the local thread pool, for study cases and for the chains of Langevin steps, opened for one run and closed after it (e.g. a Spark application on
 * an embedded or a remote master).
 */
public interface Engine extends CaseEngine, AutoCloseable {

    /** @return a one-line description for logs, e.g. {@code Spark 4.0.1 on spark://127.0.0.1:7077 (2 cores)} */
    String description();

    /**
     * @param scenario the scenario whose Langevin steps run their chains on this engine
     * @return the engine's runner of chain slices for that scenario
     */
    ChainEnsemble ensembleFor(ScenarioCase scenario);

    /** Releases the engine (stops its application); never throws. */
    @Override
    void close();
}
