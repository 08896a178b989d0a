package org.fieldscore.score.sample;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.fieldscore.fields.parallel.ParallelLoops;
import org.fieldscore.fields.progress.ItemCounter;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.fields.random.SeededStreams;

/** Runs independent chains in parallel with burn-in, thinning, path recording and divergence detection. */
final class ChainRunner {

    private ChainRunner() {
    }

    /**
     * Runs the chains firstChain … firstChain + settings.chains() − 1 of an ensemble: chain g draws from stream
     * (seed, g) and starts at start(g), so slices of an ensemble run anywhere concatenate to the whole ensemble.
     */
    static ChainSamples run(String task, int d, ChainSettings settings, long firstChain, ChainStart start,
            Supplier<Transition> transitions, double stepSize, double stepBound, ProgressListener listener) {
        int chains = settings.chains();
        int draws = settings.draws();
        long steps = settings.stepsPerChain();
        if (settings.recordedChains() > 0 && steps + 1 > Integer.MAX_VALUE / d) {
            throw new IllegalArgumentException("a recorded path of " + steps + " steps is too long to store");
        }
        if ((long) chains * draws * d > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(chains + " chains × " + draws + " draws × " + d + " coordinates = "
                    + (long) chains * draws * d + " values exceed one array; keep fewer draws or thin more");
        }
        double[] values = new double[chains * draws * d];
        long[] accepted = new long[chains];
        double[][] paths = new double[settings.recordedChains()][];
        double limit = settings.divergenceRadius() * settings.divergenceRadius();
        ItemCounter counter = new ItemCounter(listener, chains);
        listener.started(task, chains);
        try {
            ParallelLoops.forRange(0, chains, 64, (from, to) -> {
                Transition transition = transitions.get();
                double[] x = new double[d];
                for (int c = from; c < to; c++) {
                    SplittableRandom random = SeededStreams.stream(settings.seed(), firstChain + c);
                    start.initialize((int) (firstChain + c), random, x);
                    double[] path = c < paths.length ? new double[(int) (steps + 1) * d] : null;
                    if (path != null) {
                        System.arraycopy(x, 0, path, 0, d);
                        paths[c] = path;
                    }
                    transition.begin(x);
                    long acc = 0;
                    int kept = 0;
                    for (long s = 0; s < steps; s++) {
                        if (path == null && transition instanceof Transition.Multistep multistep) {
                            // up to the next kept state in one call; the loop body below then checks and keeps it
                            long count = nextKept(s, settings) - 1 - s;
                            long taken = multistep.advanceSteps(s, count, x, random, limit);
                            acc += taken;
                            if (taken < count) {
                                throw diverged(firstChain + c, s + taken, x, stepSize, stepBound,
                                        settings.divergenceRadius());
                            }
                            s += count;
                        }
                        if (transition.advance(s, x, random)) {
                            acc++;
                        }
                        double n2 = 0;
                        for (int i = 0; i < d; i++) {
                            n2 += x[i] * x[i];
                        }
                        if (!(n2 <= limit)) {
                            throw diverged(firstChain + c, s, x, stepSize, stepBound, settings.divergenceRadius());
                        }
                        if (path != null) {
                            System.arraycopy(x, 0, path, (int) (s + 1) * d, d);
                        }
                        long after = s + 1 - settings.burnIn();
                        if (after > 0 && after % settings.thin() == 0) {
                            System.arraycopy(x, 0, values, (c * draws + kept) * d, d);
                            kept++;
                        }
                    }
                    accepted[c] = acc;
                    counter.finishedOne();
                }
            });
        } finally {
            listener.finished();
        }
        return new ChainSamples(d, chains, draws, values, accepted, steps, paths);
    }

    /** @return the number of steps after which the next state is kept, when s steps are done (≤ stepsPerChain) */
    private static long nextKept(long s, ChainSettings settings) {
        long burnIn = settings.burnIn();
        long thin = settings.thin();
        long next = s < burnIn + thin ? burnIn + thin : burnIn + thin * ((s - burnIn) / thin + 1);
        return Math.min(next, settings.stepsPerChain());
    }

    private static SamplerDivergenceException diverged(long chain, long step, double[] x, double eps, double bound,
            double radius) {
        String where = "chain " + chain + " diverged at step " + step + " (state " + Arrays.toString(x)
                + ", divergence radius " + radius + ") with step size ε = " + eps + "; ";
        String hint = Double.isNaN(bound)
                ? "reduce ε: Langevin dynamics is stable only for ε < 4σ²_min, σ²_min the smallest variance of the "
                        + "target along a principal axis (for a Gaussian target, 4/λ_max of its precision)"
                : "this target requires ε < 4σ²_min = " + bound;
        return new SamplerDivergenceException(where + hint, eps, bound);
    }
}
