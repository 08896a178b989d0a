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
        Store store = new Store(d, settings, firstChain, stepSize, stepBound);
        long steps = settings.stepsPerChain();
        int chains = settings.chains();
        ItemCounter counter = new ItemCounter(listener, chains);
        listener.started(task, chains);
        try {
            ParallelLoops.forRange(0, chains, 64, (from, to) -> {
                Transition transition = transitions.get();
                double[] x = new double[d];
                for (int c = from; c < to; c++) {
                    SplittableRandom random = store.begin(c, start, x, x, 0);
                    boolean recorded = c < store.paths.length;
                    transition.begin(x);
                    long acc = 0;
                    int kept = 0;
                    for (long s = 0; s < steps; s++) {
                        if (!recorded && transition instanceof Transition.Multistep multistep) {
                            // up to the next kept state in one call; the loop body below then checks and keeps it
                            long count = nextKept(s, settings) - 1 - s;
                            long taken = multistep.advanceSteps(s, count, x, random, store.limit);
                            acc += taken;
                            if (taken < count) {
                                throw store.diverged(c, s + taken, x, 0);
                            }
                            s += count;
                        }
                        if (transition.advance(s, x, random)) {
                            acc++;
                        }
                        kept = store.afterStep(c, s, x, 0, kept);
                    }
                    store.accepted[c] = acc;
                    counter.finishedOne();
                }
            });
        } finally {
            listener.finished();
        }
        return store.samples();
    }

    /**
     * Runs always-accepting chains in blocks of up to {@code blockRows} advanced in lockstep, each chain on its own
     * stream (seed, c) from start(c), so every chain's path is the one {@link #run} would give it alone, on any
     * thread count and block split.
     */
    static ChainSamples runBlocks(String task, int d, ChainSettings settings, ChainStart start,
            Supplier<Transition.Block> transitions, int blockRows, double stepSize, double stepBound,
            ProgressListener listener) {
        Store store = new Store(d, settings, 0, stepSize, stepBound);
        long steps = settings.stepsPerChain();
        int chains = settings.chains();
        ItemCounter counter = new ItemCounter(listener, chains);
        listener.started(task, chains);
        try {
            // full blocks for large ensembles, at least eight chunks to share out for small ones
            int grain = Math.max(1, Math.min(blockRows, chains / 8));
            ParallelLoops.forRange(0, chains, grain, (from, to) -> {
                Transition.Block transition = transitions.get();
                double[] xs = new double[Math.min(blockRows, to - from) * d];
                SplittableRandom[] randoms = new SplittableRandom[Math.min(blockRows, to - from)];
                int[] kept = new int[randoms.length];
                double[] point = new double[d];
                for (int first = from; first < to; first += blockRows) {
                    int rows = Math.min(blockRows, to - first);
                    for (int r = 0; r < rows; r++) {
                        randoms[r] = store.begin(first + r, start, point, xs, r * d);
                        kept[r] = 0;
                    }
                    for (long s = 0; s < steps; s++) {
                        transition.advance(s, xs, rows, randoms);
                        for (int r = 0; r < rows; r++) {
                            kept[r] = store.afterStep(first + r, s, xs, r * d, kept[r]);
                        }
                    }
                    for (int r = 0; r < rows; r++) {
                        store.accepted[first + r] = steps;
                        counter.finishedOne();
                    }
                }
            });
        } finally {
            listener.finished();
        }
        return store.samples();
    }

    /** What a run keeps: the draws, acceptance counts and recorded paths, and the divergence check. */
    private static final class Store {
        final int d;
        final ChainSettings settings;
        final long firstChain;
        final double stepSize;
        final double stepBound;
        final int draws;
        final long steps;
        final double limit;
        final double[] values;
        final long[] accepted;
        final double[][] paths;

        Store(int d, ChainSettings settings, long firstChain, double stepSize, double stepBound) {
            this.d = d;
            this.settings = settings;
            this.firstChain = firstChain;
            this.stepSize = stepSize;
            this.stepBound = stepBound;
            int chains = settings.chains();
            draws = settings.draws();
            steps = settings.stepsPerChain();
            if (settings.recordedChains() > 0 && steps + 1 > Integer.MAX_VALUE / d) {
                throw new IllegalArgumentException("a recorded path of " + steps + " steps is too long to store");
            }
            if ((long) chains * draws * d > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(chains + " chains × " + draws + " draws × " + d + " coordinates = "
                        + (long) chains * draws * d + " values exceed one array; keep fewer draws or thin more");
            }
            values = new double[chains * draws * d];
            accepted = new long[chains];
            paths = new double[settings.recordedChains()][];
            limit = settings.divergenceRadius() * settings.divergenceRadius();
        }

        /**
         * Seeds chain c, draws its start into {@code point} (length d), copies it to x[offset …] and starts its
         * recorded path.
         *
         * @return the chain's stream
         */
        SplittableRandom begin(int c, ChainStart start, double[] point, double[] x, int offset) {
            SplittableRandom random = SeededStreams.stream(settings.seed(), firstChain + c);
            start.initialize((int) (firstChain + c), random, point);
            if (point != x) {
                System.arraycopy(point, 0, x, offset, d);
            }
            if (c < paths.length) {
                paths[c] = new double[(int) (steps + 1) * d];
                System.arraycopy(x, offset, paths[c], 0, d);
            }
            return random;
        }

        /**
         * After step s of chain c, whose state is x[offset …]: checks it against the divergence ball, records it and
         * keeps it when due.
         *
         * @return the chain's kept states so far
         */
        int afterStep(int c, long s, double[] x, int offset, int kept) {
            double n2 = 0;
            for (int i = 0; i < d; i++) {
                n2 += x[offset + i] * x[offset + i];
            }
            if (!(n2 <= limit)) {
                throw diverged(c, s, x, offset);
            }
            if (c < paths.length) {
                System.arraycopy(x, offset, paths[c], (int) (s + 1) * d, d);
            }
            long after = s + 1 - settings.burnIn();
            if (after > 0 && after % settings.thin() == 0) {
                System.arraycopy(x, offset, values, (c * draws + kept) * d, d);
                return kept + 1;
            }
            return kept;
        }

        SamplerDivergenceException diverged(int c, long step, double[] x, int offset) {
            String where = "chain " + (firstChain + c) + " diverged at step " + step + " (state "
                    + Arrays.toString(Arrays.copyOfRange(x, offset, offset + d)) + ", divergence radius "
                    + settings.divergenceRadius() + ") with step size ε = " + stepSize + "; ";
            String hint = Double.isNaN(stepBound)
                    ? "reduce ε: Langevin dynamics is stable only for ε < 4σ²_min, σ²_min the smallest variance of "
                            + "the target along a principal axis (for a Gaussian target, 4/λ_max of its precision)"
                    : "this target requires ε < 4σ²_min = " + stepBound;
            return new SamplerDivergenceException(where + hint, stepSize, stepBound);
        }

        ChainSamples samples() {
            return new ChainSamples(d, settings.chains(), draws, values, accepted, steps, paths);
        }
    }

    /** @return the number of steps after which the next state is kept, when s steps are done (≤ stepsPerChain) */
    private static long nextKept(long s, ChainSettings settings) {
        long burnIn = settings.burnIn();
        long thin = settings.thin();
        long next = s < burnIn + thin ? burnIn + thin : burnIn + thin * ((s - burnIn) / thin + 1);
        return Math.min(next, settings.stepsPerChain());
    }
}
