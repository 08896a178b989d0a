package org.fieldscore.runner.step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldscore.fields.density.GridHistogram;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.input.ScenarioNode;
import org.fieldscore.score.model.GaussianMixtureModel;
import org.fieldscore.score.sample.EnsembleStatistics;

/**
 * {@code keep: statistics} of a chain step, for ensembles whose samples are too many to keep: chains run block by
 * block and only their mergeable statistics ({@link EnsembleStatistics}) are kept. The step's value is then the
 * histogram density of the samples on the cells of {@code bins} (a grid of the chains' dimension), and its metrics
 * are {@code count}, {@code mean-i} and {@code variance-i} of every coordinate, {@code outside-fraction} (the samples
 * outside every bin), {@code mode-fraction-c} with {@code modes}, and for Langevin steps {@code acceptance-rate} and
 * {@code rhat-max}. The effective sample size needs every chain's autocovariances and is not available, nor is
 * anything that needs the samples themselves (fits, sample comparisons, scatter plots, kept paths). On every engine
 * the numbers are the same; they agree with those of {@code keep: samples} to rounding.
 *
 * @param bins the histogram's grid
 * @param binsNode where the bins are declared, for messages
 * @param chainDraws kept states per chain
 * @param mixingMetrics whether split-R̂ and the acceptance rate are reported (Langevin chains with several draws)
 */
public record KeptStatistics(Grid bins, ScenarioNode binsNode, int chainDraws, boolean mixingMetrics) {

    /** Keys of the statistics form. */
    static final List<String> KEYS = List.of("keep", "bins");
    /** The most chains a step keeping statistics runs. */
    static final int MAX_CHAINS = 1_000_000_000;

    /**
     * Reads {@code keep} (samples, the default, or statistics) and {@code bins}, which only the statistics form takes.
     *
     * @param body the step's body
     * @param reading the step reader
     * @param chainDraws kept states per chain
     * @param mixingMetrics whether split-R̂ and the acceptance rate are reported
     * @return the statistics form, or null when the step keeps its samples
     */
    static KeptStatistics read(MapNode body, StepReading reading, int chainDraws, boolean mixingMetrics) {
        boolean statistics = body.choice("keep", List.of("samples", "statistics"), "samples").equals("statistics");
        if (!statistics) {
            if (body.has("bins")) {
                throw body.get("bins").problem("'bins' is the histogram grid of 'keep: statistics'; with the samples"
                        + " kept, compare them with a density in a compare step");
            }
            return null;
        }
        if (body.has("keep-paths")) {
            throw body.get("keep-paths").problem("'keep: statistics' keeps no sample and so no path; drop"
                    + " 'keep-paths' or keep the samples");
        }
        ScenarioNode binsNode = body.require("bins", "the grid whose cells are the histogram's bins, e.g. {x: [-4, 4,"
                + " 64], y: [-4, 4, 64]}");
        Grid bins = reading.grid(binsNode);
        if (bins.hasTime()) {
            throw binsNode.problem("the histogram's bins need a space grid, got " + bins);
        }
        return new KeptStatistics(bins, binsNode, chainDraws, mixingMetrics);
    }

    /**
     * Reads the number of chains: at most {@code samplesLimit} when the samples are kept, up to a billion otherwise.
     *
     * @param body the step's body
     * @param statistics whether only statistics are kept
     * @param samplesLimit the most chains whose samples can be kept
     * @param fallback the default
     * @return the number of chains
     */
    static int chains(MapNode body, boolean statistics, int samplesLimit, int fallback) {
        return body.integer("chains", 1, statistics ? MAX_CHAINS : samplesLimit, fallback);
    }

    /** @return whether a step body asks for {@code keep: statistics} (read again, with checks, by {@link #read}) */
    static boolean requested(MapNode body) {
        return body.has("keep") && "statistics".equals(body.get("keep").string());
    }

    /**
     * Checks the bins against the chains' dimension and lists the metrics.
     *
     * @param dimension the chains' dimension
     * @param modeMetrics mode-fraction-0, … (empty without modes)
     * @return the metric names
     */
    List<String> metricNames(int dimension, List<String> modeMetrics) {
        if (bins.spaceDimension() != dimension) {
            throw binsNode.problem("the chains are " + dimension + "-dimensional; 'bins' must be a " + dimension
                    + "-D grid, got " + bins);
        }
        List<String> names = new ArrayList<>(DataStep.metricNames(dimension));
        names.add("outside-fraction");
        if (mixingMetrics) {
            names.addAll(List.of("acceptance-rate", "rhat-max"));
        }
        names.addAll(modeMetrics);
        return names;
    }

    /** @return bytes of the result: the histogram */
    long resultBytes() {
        return 8L * bins.pointCount();
    }

    /**
     * @param dimension coordinates per state
     * @return bytes held while running: one block's samples and the bin counts
     */
    long workspaceBytes(int dimension) {
        return 8L * EnsembleStatistics.chainsPerBlock(chainDraws, dimension) * chainDraws * dimension
                + 8L * bins.pointCount();
    }

    /**
     * @param sampler the step's sampler
     * @param context the run's context
     * @param from the first chain, on a block boundary
     * @param to one past the last chain
     * @param dimension coordinates per state
     * @param modes the modes' reference, or null
     * @return the statistics of the chains
     */
    EnsembleStatistics summarise(EnsembleStatistics.ChainBlocks sampler, RunContext context, int from, int to,
            int dimension, Reference modes) {
        GaussianMixtureModel mixture = modes != null && context.model(modes) instanceof GaussianMixtureModel m ? m
                : null;
        return EnsembleStatistics.summarise(sampler, from, to, chainDraws, dimension, bins, mixture,
                context.progress());
    }

    /**
     * @param id the step's id
     * @param type the step's type
     * @param statistics the whole ensemble's statistics
     * @param modes the modes' reference, or null
     * @return the step's result: the histogram density and the metrics
     */
    StepResult result(String id, String type, EnsembleStatistics statistics, Reference modes) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("count", (double) statistics.count());
        for (int a = 0; a < statistics.dimension(); a++) {
            metrics.put("mean-" + a, statistics.mean(a));
            metrics.put("variance-" + a, statistics.variance(a));
        }
        GridHistogram.Estimate histogram = statistics.histogram(bins);
        metrics.put("outside-fraction", histogram.outsideFraction());
        if (mixingMetrics) {
            metrics.put("acceptance-rate", statistics.acceptanceRate());
            metrics.put("rhat-max", statistics.splitRhatMax());
        }
        if (modes != null) {
            double[] fractions = statistics.modeFractions();
            for (int c = 0; c < fractions.length; c++) {
                metrics.put("mode-fraction-" + c, fractions[c]);
            }
        }
        return new StepResult(id, type, new StepValue.Scalar(histogram.density(), "1/volume"), metrics, null, 0);
    }
}
