package org.fieldscore.score.neural;

import java.util.SplittableRandom;

import org.fieldscore.score.internal.Checks;
import org.fieldscore.score.model.ScoreModel;
import org.fieldscore.score.model.NoiseConditionalScore;

/**
 * A small score network s<sub>θ</sub>(x): a multilayer perceptron with softplus hidden units and a linear output
 * (e.g. 2-128-128-2, the toy setting of Song &amp; Ermon 2019). The noise-conditional variant takes log σ as one
 * extra input and returns s(x, σ) = f<sub>θ</sub>(x, log σ)/σ (the output scaling of Song &amp; Ermon 2020, which
 * keeps ‖f‖ of order 1 at every noise level). Its divergence tr(∂s/∂x) is exact: d forward-mode Jacobian–vector
 * products. A time-conditional network (see {@link TimeConditionalScoreNetwork}) takes a time embedding as extra
 * inputs instead. Immutable (training returns a new network); thread-safe.
 */
public final class MlpScoreNetwork implements ScoreModel, NoiseConditionalScore {

    private static final double[] NO_CONDITION = new double[0];

    /**
     * Rows per batched forward pass: 64 rows of a 128-wide layer are 64 KiB, so a block's activations stay in the
     * level-2 cache while the weights stream through level 1.
     */
    static final int BLOCK_ROWS = 64;

    private final int dimension;
    private final boolean noiseConditional;
    private final int conditionInputs;
    private final MlpKernel kernel;
    private final double[] params;
    private final double[][][] transposed;
    private final ThreadLocal<MlpKernel.Workspace> workspaces;
    private final ThreadLocal<MlpKernel.BlockWorkspace> blockWorkspaces;

    MlpScoreNetwork(int dimension, boolean noiseConditional, int[] sizes, double[] params) {
        this.dimension = dimension;
        this.noiseConditional = noiseConditional;
        this.kernel = new MlpKernel(sizes);
        this.conditionInputs = sizes[0] - dimension;
        if (params.length != kernel.parameterCount) {
            throw new IllegalArgumentException("the network has " + kernel.parameterCount + " parameters, got "
                    + params.length);
        }
        this.params = params.clone();
        this.transposed = kernel.newTransposed();
        kernel.transpose(this.params, transposed);
        this.workspaces = ThreadLocal.withInitial(() -> kernel.new Workspace());
        this.blockWorkspaces = ThreadLocal.withInitial(() -> kernel.new BlockWorkspace(BLOCK_ROWS));
    }

    /**
     * @param dimension d, the input and output size
     * @param hidden hidden layer widths, e.g. {128, 128}
     * @param seed initialisation seed
     * @return an untrained network s: ℝ<sup>d</sup> → ℝ<sup>d</sup>
     */
    public static MlpScoreNetwork create(int dimension, int[] hidden, long seed) {
        return initialise(dimension, false, hidden, seed);
    }

    /**
     * @param dimension d
     * @param hidden hidden layer widths
     * @param seed initialisation seed
     * @return an untrained noise-conditional network s(x, σ) = f(x, log σ)/σ
     */
    public static MlpScoreNetwork createNoiseConditional(int dimension, int[] hidden, long seed) {
        return initialise(dimension, true, 1, hidden, seed);
    }

    private static MlpScoreNetwork initialise(int dimension, boolean conditional, int[] hidden, long seed) {
        return initialise(dimension, conditional, conditional ? 1 : 0, hidden, seed);
    }

    /**
     * @param dimension d
     * @param conditionInputs the number of conditioning inputs after x (a time embedding)
     * @param hidden hidden layer widths
     * @param seed initialisation seed
     * @return an untrained network f(x, c) whose scores come from {@link #conditioned}
     */
    static MlpScoreNetwork createConditioned(int dimension, int conditionInputs, int[] hidden, long seed) {
        return initialise(dimension, false, conditionInputs, hidden, seed);
    }

    private static MlpScoreNetwork initialise(int dimension, boolean conditional, int conditionInputs, int[] hidden,
            long seed) {
        Checks.requirePositive(dimension, "dimension");
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = dimension + conditionInputs;
        for (int l = 0; l < hidden.length; l++) {
            Checks.requirePositive(hidden[l], "hidden[" + l + "]");
            sizes[l + 1] = hidden[l];
        }
        sizes[sizes.length - 1] = dimension;
        MlpKernel k = new MlpKernel(sizes);
        double[] p = new double[k.parameterCount];
        SplittableRandom random = new SplittableRandom(seed);
        for (int l = 0; l < k.layers; l++) {
            // weights N(0, 1/fan-in) keep pre-activations of order 1; biases start at 0
            double scale = Math.sqrt(1.0 / sizes[l]);
            for (int i = 0; i < sizes[l] * sizes[l + 1]; i++) {
                p[k.weightOffset[l] + i] = scale * random.nextGaussian();
            }
        }
        return new MlpScoreNetwork(dimension, conditional, sizes, p);
    }

    /** @return whether the network takes log σ as an extra input */
    public boolean isNoiseConditional() {
        return noiseConditional;
    }

    /** @return the number of conditioning inputs after x: 0 plain, 1 noise-conditional (log σ), k time-conditional */
    public int conditionInputs() {
        return conditionInputs;
    }

    /** @return the layer sizes, input first */
    public int[] layerSizes() {
        return kernel.sizes.clone();
    }

    /** @return the number of weights and biases */
    public int parameterCount() {
        return kernel.parameterCount;
    }

    /** @return the parameters (a copy), layer by layer W then b */
    public double[] parameters() {
        return params.clone();
    }

    MlpKernel kernel() {
        return kernel;
    }

    /**
     * @param newParams parameters in the layout of {@link #parameters()}
     * @return a network of the same shape with these parameters
     */
    public MlpScoreNetwork withParameters(double[] newParams) {
        return new MlpScoreNetwork(dimension, noiseConditional, kernel.sizes, newParams);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    private void requireUnconditional() {
        if (conditionInputs > 0) {
            throw new IllegalStateException(noiseConditional
                    ? "this network is noise-conditional; evaluate it through atNoise(σ)"
                    : "this network is time-conditional; evaluate it through TimeConditionalScoreNetwork.at(t)");
        }
    }

    @Override
    public void score(double[] x, double[] out) {
        requireUnconditional();
        evaluate(x, NO_CONDITION, 1, out);
    }

    @Override
    public void scores(double[] xs, double[] out, int rows) {
        requireUnconditional();
        evaluateRows(xs, NO_CONDITION, 1, out, rows);
    }

    @Override
    public double scoreDivergence(double[] x) {
        requireUnconditional();
        return divergence(x, NO_CONDITION, 1);
    }

    /** out = f(x, c)/scale. */
    private void evaluate(double[] x, double[] condition, double scale, double[] out) {
        MlpKernel.Workspace ws = workspaces.get();
        double[] in = ws.input();
        System.arraycopy(x, 0, in, 0, dimension);
        System.arraycopy(condition, 0, in, dimension, conditionInputs);
        kernel.forward(params, transposed, ws, false);
        double[] o = ws.output();
        for (int i = 0; i < dimension; i++) {
            out[i] = o[i] / scale;
        }
    }

    /** Rows of out = f(x, c)/scale for the rows of xs (rows × d, row-major), in blocks of {@link #BLOCK_ROWS}. */
    private void evaluateRows(double[] xs, double[] condition, double scale, double[] out, int rows) {
        MlpKernel.BlockWorkspace ws = blockWorkspaces.get();
        double[][] in = ws.a[0];
        double[][] o = ws.a[kernel.layers];
        for (int first = 0; first < rows; first += ws.capacity) {
            int n = Math.min(ws.capacity, rows - first);
            for (int r = 0; r < n; r++) {
                System.arraycopy(xs, (first + r) * dimension, in[r], 0, dimension);
                System.arraycopy(condition, 0, in[r], dimension, conditionInputs);
            }
            kernel.forwardRows(params, transposed, ws.a, null, ws.e, n);
            for (int r = 0; r < n; r++) {
                int base = (first + r) * dimension;
                for (int i = 0; i < dimension; i++) {
                    out[base + i] = o[r][i] / scale;
                }
            }
        }
    }

    /** tr(∂f/∂x)(x, c)/scale by d Jacobian–vector products. */
    private double divergence(double[] x, double[] condition, double scale) {
        MlpKernel.Workspace ws = workspaces.get();
        double div = 0;
        for (int i = 0; i < dimension; i++) {
            double[] in = ws.input();
            System.arraycopy(x, 0, in, 0, dimension);
            System.arraycopy(condition, 0, in, dimension, conditionInputs);
            double[] v = ws.inputTangent();
            java.util.Arrays.fill(v, 0.0);
            v[i] = 1;
            kernel.forward(params, transposed, ws, true);
            div += ws.outputTangent()[i];
        }
        return div / scale;
    }

    /**
     * @param condition the conditioning inputs c (length {@link #conditionInputs()}; copied)
     * @param scale the output scale: s(x) = f(x, c)/scale
     * @return x ↦ f(x, c)/scale as a score model
     */
    ScoreModel conditioned(double[] condition, double scale) {
        if (condition.length != conditionInputs) {
            throw new IllegalArgumentException("the network takes " + conditionInputs + " conditioning inputs, got "
                    + condition.length);
        }
        double[] c = condition.clone();
        return new ScoreModel() {
            @Override
            public int dimension() {
                return dimension;
            }

            @Override
            public void score(double[] x, double[] out) {
                evaluate(x, c, scale, out);
            }

            @Override
            public void scores(double[] xs, double[] out, int rows) {
                evaluateRows(xs, c, scale, out, rows);
            }

            @Override
            public double scoreDivergence(double[] x) {
                return divergence(x, c, scale);
            }
        };
    }

    @Override
    public ScoreModel atNoise(double sigma) {
        if (!noiseConditional) {
            throw new IllegalStateException("this network is not noise-conditional; create it with "
                    + "createNoiseConditional to use it at several noise levels");
        }
        Checks.requirePositive(sigma, "sigma");
        return conditioned(new double[] {Math.log(sigma)}, sigma);
    }
}
