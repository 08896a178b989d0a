package org.fieldscore.score.neural;

/**
 * Allocation-free forward and backward passes of a softplus multilayer perceptron on flat arrays, with an optional
 * forward-mode tangent (the Jacobian–vector product J v) carried alongside and differentiated in the backward pass
 * (what sliced score matching needs). Parameter layout, layer by layer: W<sub>l</sub> (out × in, row-major), then
 * b<sub>l</sub>. The forward pass reads a transposed copy of the weights (in × out) so that every inner loop runs
 * over contiguous memory.
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
        final double[][] a = new double[layers + 1][];
        /** e<sup>−|h|</sup> of a hidden layer. */
        final double[] e;

        BlockWorkspace(int capacity) {
            this.capacity = capacity;
            int widest = 0;
            for (int l = 0; l <= layers; l++) {
                a[l] = new double[capacity * sizes[l]];
                widest = Math.max(widest, sizes[l]);
            }
            e = new double[capacity * widest];
        }
    }

    /** Writes W<sub>l</sub>ᵀ of every layer (in × out, row-major) at the weight offsets of {@code transposed}. */
    void transpose(double[] params, double[] transposed) {
        for (int l = 0; l < layers; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            int w = weightOffset[l];
            for (int j = 0; j < out; j++) {
                for (int k = 0; k < in; k++) {
                    transposed[w + k * out + j] = params[w + j * in + k];
                }
            }
        }
    }

    /**
     * One sample's forward pass from ws.input(); with a tangent it also carries ws.inputTangent() through (J v).
     * Without one it is {@link #forwardRows} on a block of one row, so single and batched evaluations agree bit for
     * bit.
     */
    void forward(double[] params, double[] transposed, Workspace ws, boolean tangent) {
        if (!tangent) {
            forwardRows(params, transposed, ws.a, ws.d1, ws.e, 1);
            return;
        }
        for (int l = 0; l < layers; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            int w = weightOffset[l];
            double[] aIn = ws.a[l];
            double[] daIn = ws.da[l];
            double[] h = ws.a[l + 1];
            double[] dh = ws.da[l + 1];
            System.arraycopy(params, biasOffset[l], h, 0, out);
            java.util.Arrays.fill(dh, 0, out, 0.0);
            for (int k = 0; k < in; k++) {
                axpy2(aIn[k], daIn[k], transposed, w + k * out, h, dh, out);
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
     * H = A W<sub>l</sub>ᵀ + 1 b<sub>l</sub>ᵀ over flat row-major buffers: {@code a[l]} holds rows × sizes[l]
     * values (fill {@code a[0]} first; the output is {@code a[layers]}). Each entry is summed as b<sub>j</sub> + a₀w₀ⱼ
     * + a₁w₁ⱼ + … in ascending input order whatever the block, so a row's result does not depend on the rows it is
     * evaluated with. The inner loop takes four inputs and two rows at a time (each weight row read once per pair
     * of rows, each output row loaded and stored once per four inputs), which is what makes a block several times
     * faster per row than one row at a time.
     *
     * @param params the parameters (biases)
     * @param transposed the transposed weights from {@link #transpose}
     * @param a per-layer activation buffers, each at least rows × sizes[l] long
     * @param sigmoid per hidden layer, receives σ(h) = softplus′(h) (rows × sizes[l + 1]), or null when not needed
     * @param scratch at least rows × (widest hidden layer) values
     * @param rows the number of inputs
     */
    void forwardRows(double[] params, double[] transposed, double[][] a, double[][] sigmoid, double[] scratch,
            int rows) {
        for (int l = 0; l < layers; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double[] aIn = a[l];
            double[] h = a[l + 1];
            if (out < NARROW) {
                narrowLayer(params, weightOffset[l], biasOffset[l], in, out, aIn, h, rows);
            } else {
                wideLayer(params, transposed, weightOffset[l], biasOffset[l], in, out, aIn, h, rows);
            }
            if (l < layers - 1) {
                int n = rows * out;
                // e^{−|h|} first: the exponential is a call the JIT cannot vectorise, the rest of softplus it can
                for (int i = 0; i < n; i++) {
                    scratch[i] = Math.exp(-Math.abs(h[i]));
                }
                if (sigmoid != null) {
                    double[] s1 = sigmoid[l];
                    for (int i = 0; i < n; i++) {
                        s1[i] = sigmoid(h[i], scratch[i]);
                    }
                }
                for (int i = 0; i < n; i++) {
                    h[i] = softplus(h[i], scratch[i]);
                }
            }
        }
    }

    /** A wide layer as H = 1 bᵀ + A Wᵀ, four inputs and two rows at a time, each entry summed in input order. */
    private static void wideLayer(double[] params, double[] transposed, int w, int b, int in, int out, double[] aIn,
            double[] h, int rows) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(params, b, h, r * out, out);
        }
        int k = 0;
        for (; k + 4 <= in; k += 4) {
            int w0 = w + k * out;
            int r = 0;
            for (; r + 2 <= rows; r += 2) {
                fourInputsTwoRows(aIn, r * in + k, (r + 1) * in + k, transposed, w0, out, h, r * out,
                        (r + 1) * out);
            }
            if (r < rows) {
                fourInputsOneRow(aIn, r * in + k, transposed, w0, out, h, r * out);
            }
        }
        for (; k < in; k++) {
            int w0 = w + k * out;
            for (int r = 0; r < rows; r++) {
                axpy(aIn[r * in + k], transposed, w0, h, r * out, out);
            }
        }
    }

    /**
     * A layer narrower than {@link #NARROW} (a score output of d ≤ 3): each entry as a dot product along W's rows
     * (params, out × in), four rows at a time so that the four running sums overlap, each summed b + a₀w₀ + a₁w₁ + …
     * in input order like the wide layers.
     */
    private static void narrowLayer(double[] params, int w, int b, int in, int out, double[] a, double[] h,
            int rows) {
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            int p0 = r * in;
            int p1 = p0 + in;
            int p2 = p1 + in;
            int p3 = p2 + in;
            for (int j = 0; j < out; j++) {
                int row = w + j * in;
                double s0 = params[b + j];
                double s1 = s0;
                double s2 = s0;
                double s3 = s0;
                for (int k = 0; k < in; k++) {
                    double v = params[row + k];
                    s0 += a[p0 + k] * v;
                    s1 += a[p1 + k] * v;
                    s2 += a[p2 + k] * v;
                    s3 += a[p3 + k] * v;
                }
                h[r * out + j] = s0;
                h[(r + 1) * out + j] = s1;
                h[(r + 2) * out + j] = s2;
                h[(r + 3) * out + j] = s3;
            }
        }
        for (; r < rows; r++) {
            int p = r * in;
            for (int j = 0; j < out; j++) {
                int row = w + j * in;
                double sum = params[b + j];
                for (int k = 0; k < in; k++) {
                    sum += a[p + k] * params[row + k];
                }
                h[r * out + j] = sum;
            }
        }
    }

    /** Rows p and q of H: h += a[p + 0..3]·W[0..3] (and the same for q), summed in input order. */
    private static void fourInputsTwoRows(double[] a, int p, int q, double[] w, int w0, int n, double[] h, int hp,
            int hq) {
        double p0 = a[p];
        double p1 = a[p + 1];
        double p2 = a[p + 2];
        double p3 = a[p + 3];
        double q0 = a[q];
        double q1 = a[q + 1];
        double q2 = a[q + 2];
        double q3 = a[q + 3];
        int w1 = w0 + n;
        int w2 = w1 + n;
        int w3 = w2 + n;
        for (int j = 0; j < n; j++) {
            double v0 = w[w0 + j];
            double v1 = w[w1 + j];
            double v2 = w[w2 + j];
            double v3 = w[w3 + j];
            h[hp + j] = h[hp + j] + p0 * v0 + p1 * v1 + p2 * v2 + p3 * v3;
            h[hq + j] = h[hq + j] + q0 * v0 + q1 * v1 + q2 * v2 + q3 * v3;
        }
    }

    /** Row p of H: h += a[p + 0..3]·W[0..3], summed in input order. */
    private static void fourInputsOneRow(double[] a, int p, double[] w, int w0, int n, double[] h, int hp) {
        double p0 = a[p];
        double p1 = a[p + 1];
        double p2 = a[p + 2];
        double p3 = a[p + 3];
        int w1 = w0 + n;
        int w2 = w1 + n;
        int w3 = w2 + n;
        for (int j = 0; j < n; j++) {
            h[hp + j] = h[hp + j] + p0 * w[w0 + j] + p1 * w[w1 + j] + p2 * w[w2 + j] + p3 * w[w3 + j];
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
