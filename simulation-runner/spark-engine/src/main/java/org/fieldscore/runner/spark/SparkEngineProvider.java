package org.fieldscore.runner.spark;

import org.fieldscore.runner.engine.Engine;
import org.fieldscore.runner.engine.EngineException;
import org.fieldscore.runner.engine.EngineProvider;

/**
 * {@code --engine spark}. Spark's jars are {@code provided} (by a cluster's installation, spark-submit, or the
 * launcher's class path), so their presence is checked before any Spark class is touched.
 */
public final class SparkEngineProvider implements EngineProvider {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Engine open(String master, String application, Integer threads) throws EngineException {
        try {
            Class.forName("org.apache.spark.SparkContext", false, SparkEngineProvider.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new EngineException("the Spark engine is on the class path but Spark's jars are not (no "
                    + "org.apache.spark.SparkContext): run through ./fieldscore, which adds them, or with spark-submit"
                    + " as docs/studies.md shows", true, e);
        }
        return SparkEngine.open(SparkMaster.parse(master), application, threads);
    }
}
