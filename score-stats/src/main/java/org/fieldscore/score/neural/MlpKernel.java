package org.fieldscore.score.neural;

/**
 * Allocation-free forward and backward passes of a softplus multilayer perceptron on flat arrays, with an optional
 * forward-mode tangent (the Jacobian–vector product J v) carried alongside and differentiated in the backward pass
 * (what sliced score matching needs). Parameter layout, layer by layer: W<sub>l</sub> (out × in, row-major), then
 * b<sub>l</sub>. The forward pass reads a transposed copy of the weights, one array of the out weights per input
 * ({@link #newTransposed}), so that every inner loop runs over whole arrays from index 0, the form the JIT
 * vectorises.
 */
final class MlpKernel {

    final int[] sizes;
    final int layers;
    final int[] weightOffset;
    final int[] biasOffset;
    final int parameterCount;

    /** Layers with fewer outputs than this are computed as dot products ({@link #narrowLayer}). */
    static final int NARROW = 8;

    MlpKernel(int[] sizes) {
        this.sizes = sizes.clone();
        layers = sizes.length - 1;
        weightOffset = new int[layers];
        biasOffset = new int[layers];
        int p = 0;
        for (int l = 0; l < layers; l++) {
            weightOffset[l] = p;
            p += sizes[l] * sizes[l + 1];
            biasOffset[l] = p;
            p += sizes[l + 1];
        }
        parameterCount = p;
    }

    /** Per-thread buffers for one sample. */
    final class Workspace {
        final double[][] a = new double[layers + 1][];
        final double[][] da = new double[layers + 1][];
        /** σ′(h) per hidden layer. */
        final double[][] d1 = new double[layers][];
        /** σ″(h)·dh per hidden layer (tangent passes only). */
        final double[][] d2 = new double[layers][];
        final double[][] ga = new double[layers + 1][];
        final double[][] gda = new double[layers + 1][];
        final double[] gh;
        final double[] gdh;
        /** e<sup>−|h|</sup> of a hidden layer. */
        final double[] e;
        /** a and d1 as blocks of one row, for {@link #forwardRows}. */
        final double[][][] rows = new double[layers + 1][][];
        final double[][][] sigmoidRows = new double[layers][][];

        Workspace() {
            int widest = 0;
            for (int l = 0; l <= layers; l++) {
                a[l] = new double[sizes[l]];
                da[l] = new double[sizes[l]];
                ga[l] = new double[sizes[l]];
                gda[l] = new double[sizes[l]];
                widest = Math.max(widest, sizes[l]);
            }
            for (int l = 0; l < layers; l++) {
                d1[l] = new double[sizes[l + 1]];
                d2[l] = new double[sizes[l + 1]];
            }
            gh = new double[widest];
            gdh = new double[widest];
            e = new double[widest];
            for (int l = 0; l <= layers; l++) {
                rows[l] = new double[][] {a[l]};
            }
            for (int l = 0; l < layers; l++) {
                sigmoidRows[l] = new double[][] {d1[l]};
            }
        }

        /** @return the input buffer (fill before {@link #forward}) */
        double[] input() {
            return a[0];
        }

        /** @return the input tangent buffer */
        double[] inputTangent() {
            return da[0];
        }

        /** @return the network output after {@link #forward} */
        double[] output() {
            return a[layers];
        }

        /** @return the output tangent J v after a forward pass with tangent */
        double[] outputTangent() {
            return da[layers];
        }
    }

    /** Per-thread activation buffers for blocks of up to {@code capacity} rows ({@link #forwardRows}). */
    final class BlockWorkspace {
        final int capacity;
        /** a[l][r]: row r of layer l's activations. */
        final double[][][] a = new double[layers + 1][][];
        /** e<sup>−|h|</sup> of a hidden layer's row. */
        final double[] e;

        BlockWorkspace(int capacity) {
            this.capacity = capacity;
            int widest = 0;
            for (int l = 0; l <= layers; l++) {
                a[l] = new double[capacity][sizes[l]];
                widest = Math.max(widest, sizes[l]);
            }
            e = new double[widest];
        }
    }

    /** @return room for the transposed weights: per layer, one array of sizes[l + 1] weights per input */
    double[][][] newTransposed() {
        double[][][] t = new double[layers][][];
        for (int l = 0; l < layers; l++) {
            t[l] = new double[sizes[l]][sizes[l + 1]];
        }
        return t;
    }

    /** Writes W<sub>l</sub>ᵀ of every layer: transposed[l][k][j] = W<sub>l</sub>[j][k]. */
    void transpose(double[] params, double[][][] transposed) {
        for (int l = 0; l < layers; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            int w = weightOffset[l];
            for (int k = 0; k < in; k++) {
                double[] row = transposed[l][k];
                for (int j = 0; j < out; j++) {
                    row[j] = params[w + j * in + k];
                }
            }
        }
    }

    /**
     * One sample's forward pass from ws.input(); with a tangent it also carries ws.inputTangent() through (J v).
     * Without one it is {@link #forwardRows} on a block of one row, so single and batched evaluations agree bit for
     * bit.
     */
    void forward(double[] params, double[][][] transposed, Workspace ws, boolean tangent) {
        if (!tangent) {
            forwardRows(params, transposed, ws.rows, ws.sigmoidRows, ws.e, 1);
            return;
        }
        for (int l = 0; l < layers; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double[] aIn = ws.a[l];
            double[] daIn = ws.da[l];
            double[] h = ws.a[l + 1];
            double[] dh = ws.da[l + 1];
            System.arraycopy(params, biasOffset[l], h, 0, out);
            java.util.Arrays.fill(dh, 0, out, 0.0);
            for (int k = 0; k < in; k++) {
                axpy2(aIn[k], daIn[k], transposed[l][k], 0, h, dh, out);
            }
            if (l < layers - 1) {
                double[] s1 = ws.d1[l];
                double[] s2 = ws.d2[l];
                for (int j = 0; j < out; j++) {
                    double x = h[j];
                    double e = Math.exp(-Math.abs(x));
                    double sig = sigmoid(x, e);
                    h[j] = softplus(x, e);
                    s1[j] = sig;
                    // σ″(h)·(pre-activation tangent), the factor the backward pass needs
                    s2[j] = sig * (1 - sig) * dh[j];
                    dh[j] *= sig;
                }
            }
        }
    }

    /**
     * Forward pass of a block of {@code rows} inputs at once, layer by layer as one matrix product
     * H = A W<sub>l</sub>ᵀ + 1 b<sub>l</sub>ᵀ: {@code a[l][r]} is row r of layer l's activations (fill {@code a[0]}
     * first; the output is {@code a[layers]}). Each entry is summed as b<sub>j</sub> + a₀w₀ⱼ + a₁w₁ⱼ + … in ascending
     * input order whatever the block, so a row's result does not depend on the rows it is evaluated with. A wide
     * layer takes four inputs at a time over each output row (one load and store of the row per four inputs, four
     * weight rows that stay in the level-1 cache for the whole block), a loop over whole arrays that the JIT
     * vectorises; a narrow one (a score output) is computed as dot products.
     *
     * @param params the parameters (biases; the weights of narrow layers)
     * @param transposed the transposed weights from {@link #transpose}
     * @param a per layer, at least rows arrays of sizes[l] activations
     * @param sigmoid per hidden layer, at least rows arrays receiving σ(h) = softplus′(h), or null when not needed
     * @param scratch at least (widest hidden layer) values
     * @param rows the number of inputs
     */
    void forwardRows(double[] params, double[][][] transposed, double[][][] a, double[][][] sigmoid,
            double[] scratch, int rows) {
        for (int l = 0; l < layers; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double[][] aIn = a[l];
            double[][] h = a[l + 1];
            if (out < NARROW) {
                narrowLayer(params, weightOffset[l], biasOffset[l], in, out, aIn, h, rows);
            } else {
                wideLayer(params, transposed[l], biasOffset[l], in, out, aIn, h, rows);
            }
            if (l < layers - 1) {
                for (int r = 0; r < rows; r++) {
                    double[] hr = h[r];
                    // e^{−|h|} first: the exponential is a call the JIT cannot vectorise, the rest of softplus it can
                    for (int j = 0; j < out; j++) {
                        scratch[j] = Math.exp(-Math.abs(hr[j]));
                    }
                    if (sigmoid != null) {
                        double[] s1 = sigmoid[l][r];
                        for (int j = 0; j < out; j++) {
                            s1[j] = sigmoid(hr[j], scratch[j]);
                        }
                    }
                    for (int j = 0; j < out; j++) {
                        hr[j] = softplus(hr[j], scratch[j]);
                    }
                }
            }
        }
    }

    /** A wide layer: h<sub>r</sub> = b + Σₖ a<sub>rk</sub> Wᵀ[k], four inputs at a time, summed in input order. */
    private static void wideLayer(double[] params, double[][] transposed, int b, int in, int out, double[][] aIn,
            double[][] h, int rows) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(params, b, h[r], 0, out);
        }
        int k = 0;
        for (; k + 4 <= in; k += 4) {
            double[] w0 = transposed[k];
            double[] w1 = transposed[k + 1];
            double[] w2 = transposed[k + 2];
            double[] w3 = transposed[k + 3];
            for (int r = 0; r < rows; r++) {
                double[] x = aIn[r];
                fourInputs(x[k], x[k + 1], x[k + 2], x[k + 3], w0, w1, w2, w3, h[r], out);
            }
        }
        for (; k < in; k++) {
            for (int r = 0; r < rows; r++) {
                axpy(aIn[r][k], transposed[k], 0, h[r], out);
            }
        }
    }

    /** y[j] = y[j] + p0·w0[j] + p1·w1[j] + p2·w2[j] + p3·w3[j], j &lt; n, summed left to right. */
    private static void fourInputs(double p0, double p1, double p2, double p3, double[] w0, double[] w1, double[] w2,
            double[] w3, double[] y, int n) {
        for (int j = 0; j < n; j++) {
            y[j] = y[j] + p0 * w0[j] + p1 * w1[j] + p2 * w2[j] + p3 * w3[j];
        }
    }

    /**
     * A layer narrower than {@link #NARROW} (a score output of d ≤ 3): each entry as a dot product along W's rows
     * (params, out × in), four rows at a time so that the four running sums overlap, each summed b + a₀w₀ + a₁w₁ + …
     * in input order like the wide layers.
     */
    private static void narrowLayer(double[] params, int w, int b, int in, int out, double[][] a, double[][] h,
            int rows) {
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            double[] x0 = a[r];
            double[] x1 = a[r + 1];
            double[] x2 = a[r + 2];
            double[] x3 = a[r + 3];
            for (int j = 0; j < out; j++) {
                int row = w + j * in;
                double s0 = params[b + j];
                double s1 = s0;
                double s2 = s0;
                double s3 = s0;
                for (int k = 0; k < in; k++) {
                    double v = params[row + k];
                    s0 += x0[k] * v;
                    s1 += x1[k] * v;
                    s2 += x2[k] * v;
                    s3 += x3[k] * v;
                }
                h[r][j] = s0;
                h[r + 1][j] = s1;
                h[r + 2][j] = s2;
                h[r + 3][j] = s3;
            }
        }
        for (; r < rows; r++) {
            double[] x = a[r];
            for (int j = 0; j < out; j++) {
                int row = w + j * in;
                double sum = params[b + j];
                for (int k = 0; k < in; k++) {
                    sum += x[k] * params[row + k];
                }
                h[r][j] = sum;
            }
        }
    }

    /** @return σ(x) = 1/(1 + e<sup>−x</sup>) from e = e<sup>−|x|</sup>, without overflow */
    private static double sigmoid(double x, double e) {
        return x >= 0 ? 1 / (1 + e) : e / (1 + e);
    }

    /** @return softplus(x) = log(1 + eˣ) = max(x, 0) + log(1 + e<sup>−|x|</sup>) from e = e<sup>−|x|</sup> */
    private static double softplus(double x, double e) {
        return Math.max(x, 0) + log1pUnit(e);
    }

    /**
     * Back-propagates ∂loss/∂output (in ws.ga[layers]) and, with a tangent, ∂loss/∂(J v) (in ws.gda[layers]),
     * adding the parameter gradient into grad.
     */
    void backward(double[] params, Workspace ws, double[] grad, boolean tangent) {
        double[] gh = ws.gh;
        double[] gdh = ws.gdh;
        for (int l = layers - 1; l >= 0; l--) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double[] gOut = ws.ga[l + 1];
            double[] gdOut = ws.gda[l + 1];
            if (l == layers - 1) {
                System.arraycopy(gOut, 0, gh, 0, out);
                if (tangent) {
                    System.arraycopy(gdOut, 0, gdh, 0, out);
                }
            } else {
                double[] s1 = ws.d1[l];
                if (tangent) {
                    double[] s2 = ws.d2[l];
                    // a = σ(h), da = σ′(h)·dh: ∂/∂h collects σ′·g_a + σ″·dh·g_da, ∂/∂dh is σ′·g_da
                    for (int j = 0; j < out; j++) {
                        gh[j] = s1[j] * gOut[j] + s2[j] * gdOut[j];
                        gdh[j] = s1[j] * gdOut[j];
                    }
                } else {
                    for (int j = 0; j < out; j++) {
                        gh[j] = s1[j] * gOut[j];
                    }
                }
            }
            int w = weightOffset[l];
            int b = biasOffset[l];
            double[] aIn = ws.a[l];
            double[] daIn = ws.da[l];
            double[] gIn = ws.ga[l];
            double[] gdIn = ws.gda[l];
            boolean needInput = l > 0;
            if (needInput) {
                java.util.Arrays.fill(gIn, 0, in, 0.0);
                if (tangent) {
                    java.util.Arrays.fill(gdIn, 0, in, 0.0);
                }
            }
            for (int j = 0; j < out; j++) {
                double g = gh[j];
                grad[b + j] += g;
                int row = w + j * in;
                if (tangent) {
                    double gd = gdh[j];
                    dualAxpy(g, aIn, gd, daIn, grad, row, in);
                    if (needInput) {
                        axpy2(g, gd, params, row, gIn, gdIn, in);
                    }
                } else {
                    axpy(g, aIn, 0, grad, row, in);
                    if (needInput) {
                        axpy(g, params, row, gIn, in);
                    }
                }
            }
        }
    }

    /** y[j] += a·x[offset + j], j &lt; n: a short loop the JIT compiles and vectorises on its own. */
    private static void axpy(double a, double[] x, int offset, double[] y, int n) {
        for (int j = 0; j < n; j++) {
            y[j] += a * x[offset + j];
        }
    }

    /** y[offsetY + j] += a·x[offsetX + j], j &lt; n. */
    private static void axpy(double a, double[] x, int offsetX, double[] y, int offsetY, int n) {
        for (int j = 0; j < n; j++) {
            y[offsetY + j] += a * x[offsetX + j];
        }
    }

    /** z[offset + j] += a·x[j] + b·y[j], j &lt; n (one pass over z). */
    private static void dualAxpy(double a, double[] x, double b, double[] y, double[] z, int offset, int n) {
        for (int j = 0; j < n; j++) {
            z[offset + j] += a * x[j] + b * y[j];
        }
    }

    /** y[j] += a·x[offset + j] and z[j] += b·x[offset + j], j &lt; n (one pass over x). */
    private static void axpy2(double a, double b, double[] x, int offset, double[] y, double[] z, int n) {
        for (int j = 0; j < n; j++) {
            double v = x[offset + j];
            y[j] += a * v;
            z[j] += b * v;
        }
    }

    /**
     * log(1 + e) for 0 ≤ e ≤ 1 as 2 atanh(z), z = e/(2 + e) ∈ [0, 1/3], by its odd series Σ 2z<sup>2n+1</sup>/(2n+1)
     * to n = 14 (remainder below 2e-16 relative). Several times faster than {@code Math.log} on this path, which
     * dominated the cost of the softplus layers.
     *
     * @param e a value in [0, 1]
     * @return log(1 + e)
     */
    static double log1pUnit(double e) {
        double z = e / (2 + e);
        double w = z * z;
        double p = 1.0 / 29;
        for (int n = 13; n >= 0; n--) {
            p = p * w + 1.0 / (2 * n + 1);
        }
        return 2 * z * p;
    }
}
