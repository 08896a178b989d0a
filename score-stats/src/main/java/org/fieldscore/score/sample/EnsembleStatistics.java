package org.fieldscore.score.sample;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.progress.ProgressListener;
import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.density.GridHistogram;
import org.fieldscore.score.model.GaussianMixtureModel;

/**
 * Mergeable statistics of an ensemble of chains too large to keep: the sample mean and variance of every coordinate,
 * split-R̂, the acceptance rate, a histogram on a grid and the occupation of a mixture's modes, built from blocks of
 * consecutive chains and {@linkplain #followedBy merged} in chain order.
 *
 * <p>Counts (histogram bins, mode occupation, accepted proposals) are integers, so merging them is exact. The
 * floating-point parts are kept per block of {@link #chainsPerBlock} chains, a number fixed by the ensemble's draws
 * and dimension alone, and are combined in block order only when a value is read, with the pairwise update of Chan,
 * Golub and LeVeque ("Algorithms for computing the sample variance", The American Statistician 37, 1983):
 * for parts a and b, n = n<sub>a</sub> + n<sub>b</sub>, δ = μ<sub>b</sub> − μ<sub>a</sub>,
 * μ = μ<sub>a</sub> + δ n<sub>b</sub>/n and M₂ = M₂<sub>a</sub> + M₂<sub>b</sub> + δ² n<sub>a</sub>n<sub>b</sub>/n.
 * However the blocks were grouped (threads, Spark partitions), the same blocks are folded in the same order, so every
 * value is the same number on every engine. The values agree with those computed from all samples at once to
 * rounding.
 *
 * <p>Split-R̂ (Gelman et al., Bayesian Data Analysis, 3rd ed., §11.4, as {@link
 * org.fieldscore.score.diagnostics.SplitRhat}) needs only the means and within-variances of the half-chains, so it
 * merges too; the effective sample size needs every chain's autocovariances and is not kept.
 */
public final class EnsembleStatistics implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Kept states per block (2²¹ values, 16 MB): blocks are run, summarised and dropped one at a time. */
    private static final int BLOCK_VALUES = 1 << 21;

    private final int dimension;
    private final int draws;
    private final List<Block> blocks;
    private final long[] binCounts;
    private final long outside;
    private final long[] modeCounts;
    private final long accepted;
    private final long proposals;

    private EnsembleStatistics(int dimension, int draws, List<Block> blocks, long[] binCounts, long outside,
            long[] modeCounts, long accepted, long proposals) {
        this.dimension = dimension;
        this.draws = draws;
        this.blocks = List.copyOf(blocks);
        this.binCounts = binCounts;
        this.outside = outside;
        this.modeCounts = modeCounts;
        this.accepted = accepted;
        this.proposals = proposals;
    }

    /**
     * The block size of an ensemble: blocks of this many consecutive chains (the last one shorter) are the units
     * whose statistics are kept; a slice of chains run anywhere starts on a block boundary.
     *
     * @param draws kept states per chain, ≥ 1
     * @param dimension coordinates per state, ≥ 1
     * @return chains per block, ≥ 1
     */
    public static int chainsPerBlock(int draws, int dimension) {
        return (int) Math.max(1, BLOCK_VALUES / ((long) draws * dimension));
    }

    /**
     * Where K slices of an ensemble start when each is to hold whole blocks: slice k runs chains starts[k] …
     * starts[k + 1] − 1. The slices are as even as the blocks allow; there are fewer when the ensemble has fewer
     * blocks than K.
     *
     * @param chains the ensemble's chains, ≥ 1
     * @param draws kept states per chain
     * @param dimension coordinates per state
     * @param slices the wanted number of slices K, ≥ 1
     * @return the slice starts followed by the number of chains
     */
    public static int[] sliceStarts(int chains, int draws, int dimension, int slices) {
        int per = chainsPerBlock(draws, dimension);
        long blocks = (chains + (long) per - 1) / per;
        int k = (int) Math.min(slices, blocks);
        int[] starts = new int[k + 1];
        for (int i = 0; i < k; i++) {
            starts[i] = (int) Math.min(chains, (blocks * i / k) * per);
        }
        starts[k] = chains;
        return starts;
    }

    /**
     * Runs chains from … to − 1 block by block, keeping only their statistics: at most one block's samples are held
     * at a time.
     *
     * @param sampler runs any block of the ensemble's chains
     * @param from the first chain, on a block boundary
     * @param to one past the last chain, &gt; from
     * @param draws kept states per chain
     * @param dimension coordinates per state
     * @param bins the histogram's grid
     * @param modes the mixture whose components define modes, or null
     * @param listener receives one report per block
     * @return the statistics of the chains
     * @throws IllegalArgumentException when from is not on a block boundary, or a block's samples do not fit
     */
    public static EnsembleStatistics summarise(ChainBlocks sampler, int from, int to, int draws, int dimension,
            Grid bins, GaussianMixtureModel modes, ProgressListener listener) {
        int per = chainsPerBlock(draws, dimension);
        if (from % per != 0 || to <= from) {
            throw new IllegalArgumentException("a slice of chains " + from + " … " + (to - 1) + " does not start on a"
                    + " block boundary (every " + per + " chains)");
        }
        int blocks = (int) ((to - (long) from + per - 1) / per);
        listener.started("chains summarised in blocks of " + per, blocks);
        EnsembleStatistics all = null;
        for (int b = 0; b < blocks; b++) {
            int first = from + b * per;
            ChainSamples block = sampler.run(first, Math.min(per, to - first));
            if (block.drawsPerChain() != draws || block.dimension() != dimension) {
                throw new IllegalArgumentException("a block has " + block.drawsPerChain() + " draws of dimension "
                        + block.dimension() + "; the ensemble " + draws + " of " + dimension);
            }
            EnsembleStatistics part = of(block, bins, modes);
            all = all == null ? part : all.followedBy(part);
            listener.advanced(b + 1L, "");
        }
        listener.finished();
        return all;
    }

    /**
     * The statistics of one block of chains.
     *
     * @param block the block's samples
     * @param bins a space grid of the samples' dimension whose cells are the histogram bins (as {@link GridHistogram})
     * @param modes a mixture whose components define modes, or null
     * @return the block's statistics
     * @throws IllegalArgumentException when the grid or the mixture does not have the samples' dimension
     */
    public static EnsembleStatistics of(ChainSamples block, Grid bins, GaussianMixtureModel modes) {
        Objects.requireNonNull(bins, "bins");
        int d = block.dimension();
        if (bins.hasTime() || bins.spaceDimension() != d) {
            throw new IllegalArgumentException("histogram bins need a " + d + "-D space grid, got " + bins);
        }
        if (modes != null && modes.dimension() != d) {
            throw new IllegalArgumentException("the modes' mixture has dimension " + modes.dimension() + ", the chains "
                    + d);
        }
        double[] values = block.copyValues();
        int n = block.size();
        long[] bin = new long[bins.pointCount()];
        long out = 0;
        long[] mode = new long[modes != null ? modes.componentCount() : 0];
        double[] x = new double[d];
        for (int s = 0; s < n; s++) {
            int b = GridHistogram.binOf(bins, values, s * d);
            if (b >= 0) {
                bin[b]++;
            } else {
                out++;
            }
            if (modes != null) {
                System.arraycopy(values, s * d, x, 0, d);
                mode[modes.mostResponsibleComponent(x)]++;
            }
        }
        return new EnsembleStatistics(d, block.drawsPerChain(), List.of(Block.of(block, values)), bin, out, mode,
                block.acceptedProposals(), (long) block.chains() * block.stepsPerChain());
    }

    /**
     * @param next the statistics of the chains that follow this part's last chain
     * @return the statistics of both parts
     * @throws IllegalArgumentException when the parts differ in dimension, draws, bins or modes
     */
    public EnsembleStatistics followedBy(EnsembleStatistics next) {
        if (next.dimension != dimension || next.draws != draws || next.binCounts.length != binCounts.length
                || next.modeCounts.length != modeCounts.length) {
            throw new IllegalArgumentException("parts of one ensemble share dimension, draws, bins and modes");
        }
        List<Block> joined = new ArrayList<>(blocks);
        joined.addAll(next.blocks);
        long[] bin = binCounts.clone();
        for (int b = 0; b < bin.length; b++) {
            bin[b] += next.binCounts[b];
        }
        long[] mode = modeCounts.clone();
        for (int c = 0; c < mode.length; c++) {
            mode[c] += next.modeCounts[c];
        }
        return new EnsembleStatistics(dimension, draws, joined, bin, outside + next.outside, mode,
                accepted + next.accepted, proposals + next.proposals);
    }

    /** @return d */
    public int dimension() {
        return dimension;
    }

    /** @return the number of chains */
    public long chains() {
        long m = 0;
        for (Block b : blocks) {
            m += b.chains;
        }
        return m;
    }

    /** @return the number of kept states, chains · draws */
    public long count() {
        return chains() * draws;
    }

    /**
     * @param coordinate a coordinate
     * @return its sample mean over every kept state
     */
    public double mean(int coordinate) {
        return fold(coordinate).mean;
    }

    /**
     * @param coordinate a coordinate
     * @return its unbiased sample variance over every kept state (0 for a single state)
     */
    public double variance(int coordinate) {
        long n = count();
        return n > 1 ? fold(coordinate).m2 / (n - 1) : 0.0;
    }

    /**
     * @return the largest split-R̂ over the coordinates, NaN when the chains have fewer than four draws
     */
    public double splitRhatMax() {
        if (draws < 4) {
            return Double.NaN;
        }
        int half = draws / 2;
        double worst = 0;
        for (int a = 0; a < dimension; a++) {
            Moments means = new Moments(0, 0, 0);
            double within = 0;
            for (Block b : blocks) {
                means = means.followedBy(new Moments(2L * b.chains, b.halfMeanMean[a], b.halfMeanM2[a]));
                within += b.halfVarianceSum[a];
            }
            long m = means.count;
            double w = within / m;
            double varPlus = (half - 1.0) / half * w + means.m2 / (m - 1);
            worst = Math.max(worst, Math.sqrt(varPlus / w));
        }
        return worst;
    }

    /** @return accepted proposals over all proposals (1 for unadjusted Langevin, NaN without steps) */
    public double acceptanceRate() {
        return accepted / (double) proposals;
    }

    /** @return the fraction of states in each mode (largest responsibility), empty without modes */
    public double[] modeFractions() {
        double[] f = new double[modeCounts.length];
        for (int c = 0; c < f.length; c++) {
            f[c] = modeCounts[c] / (double) count();
        }
        return f;
    }

    /**
     * @param bins the grid the statistics were built with
     * @return the histogram density count / (N·ΔV) and the fraction of states outside every bin, as {@link
     *     GridHistogram#of}
     */
    public GridHistogram.Estimate histogram(Grid bins) {
        if (bins.pointCount() != binCounts.length) {
            throw new IllegalArgumentException("the statistics have " + binCounts.length + " bins, the grid "
                    + bins.pointCount() + " points");
        }
        double scale = 1.0 / (count() * bins.cellVolume());
        double[] density = new double[binCounts.length];
        for (int b = 0; b < density.length; b++) {
            density[b] = binCounts[b] * scale;
        }
        return new GridHistogram.Estimate(SampledScalarField.wrap(bins, density), outside / (double) count());
    }

    private Moments fold(int coordinate) {
        if (coordinate < 0 || coordinate >= dimension) {
            throw new IllegalArgumentException("coordinate " + coordinate + " does not exist; valid are 0 to "
                    + (dimension - 1));
        }
        Moments all = new Moments(0, 0, 0);
        for (Block b : blocks) {
            all = all.followedBy(new Moments((long) b.chains * draws, b.mean[coordinate], b.m2[coordinate]));
        }
        return all;
    }

    /** Runs consecutive chains of one ensemble, each with the stream and start it has in the whole ensemble. */
    @FunctionalInterface
    public interface ChainBlocks {

        /**
         * @param firstChain the ensemble index of the first chain
         * @param chains how many chains
         * @return their samples
         */
        ChainSamples run(int firstChain, int chains);
    }

    /** Count, mean and sum of squared deviations M₂ of some values; {@link #followedBy} is Chan's update. */
    private record Moments(long count, double mean, double m2) {

        Moments followedBy(Moments b) {
            if (count == 0) {
                return b;
            }
            long n = count + b.count;
            double delta = b.mean - mean;
            return new Moments(n, mean + delta * b.count / n, m2 + b.m2 + delta * delta * ((double) count * b.count / n));
        }
    }

    /**
     * The floating-point statistics of one block, per coordinate: mean and M₂ of its states, and of its half-chains
     * (first and last ⌊draws/2⌋ draws, as split-R̂ cuts them) the mean and M₂ of their means and the sum of their
     * unbiased variances.
     */
    private record Block(int chains, double[] mean, double[] m2, double[] halfMeanMean, double[] halfMeanM2,
            double[] halfVarianceSum) implements Serializable {

        static Block of(ChainSamples samples, double[] values) {
            int d = samples.dimension();
            int m = samples.chains();
            int n = samples.drawsPerChain();
            int states = m * n;
            double[] mean = new double[d];
            double[] m2 = new double[d];
            double[] halfMeanMean = new double[d];
            double[] halfMeanM2 = new double[d];
            double[] halfVarianceSum = new double[d];
            int half = n / 2;
            double[] halfMeans = new double[2 * m];
            for (int a = 0; a < d; a++) {
                mean[a] = mean(values, d, a, 0, states);
                m2[a] = squaredDeviations(values, d, a, 0, states, mean[a]);
                if (half >= 2) {
                    for (int c = 0; c < m; c++) {
                        for (int h = 0; h < 2; h++) {
                            int from = c * n + h * (n - half);
                            double mu = mean(values, d, a, from, from + half);
                            halfMeans[2 * c + h] = mu;
                            halfVarianceSum[a] += squaredDeviations(values, d, a, from, from + half, mu) / (half - 1);
                        }
                    }
                    halfMeanMean[a] = mean(halfMeans, 1, 0, 0, 2 * m);
                    halfMeanM2[a] = squaredDeviations(halfMeans, 1, 0, 0, 2 * m, halfMeanMean[a]);
                }
            }
            return new Block(m, mean, m2, halfMeanMean, halfMeanM2, halfVarianceSum);
        }

        private static double mean(double[] v, int d, int a, int from, int to) {
            double s = 0;
            for (int i = from; i < to; i++) {
                s += v[i * d + a];
            }
            return s / (to - from);
        }

        private static double squaredDeviations(double[] v, int d, int a, int from, int to, double mean) {
            double s = 0;
            for (int i = from; i < to; i++) {
                double dx = v[i * d + a] - mean;
                s += dx * dx;
            }
            return s;
        }
    }
}
