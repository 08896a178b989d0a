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

    void forward(double[] params, double[] transposed, Workspace ws, boolean tangent) {
        for (int l = 0; l < layers; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            int w = weightOffset[l];
            double[] aIn = ws.a[l];
            double[] daIn = ws.da[l];
            double[] h = ws.a[l + 1];
            double[] dh = ws.da[l + 1];
            System.arraycopy(params, biasOffset[l], h, 0, out);
            if (tangent) {
                java.util.Arrays.fill(dh, 0, out, 0.0);
            }
            for (int k = 0; k < in; k++) {
                int row = w + k * out;
                if (tangent) {
                    axpy2(aIn[k], daIn[k], transposed, row, h, dh, out);
                } else {
                    axpy(aIn[k], transposed, row, h, out);
                }
            }
            if (l < layers - 1) {
                double[] s1 = ws.d1[l];
                double[] s2 = ws.d2[l];
                for (int j = 0; j < out; j++) {
                    double x = h[j];
                    double e = Math.exp(-Math.abs(x));
                    double sig = x >= 0 ? 1 / (1 + e) : e / (1 + e);
                    // softplus(x) = max(x, 0) + log(1 + e^{−|x|})
                    h[j] = Math.max(x, 0) + log1pUnit(e);
                    s1[j] = sig;
                    if (tangent) {
                        // σ″(h)·(pre-activation tangent), the factor the backward pass needs
                        s2[j] = sig * (1 - sig) * dh[j];
                        dh[j] *= sig;
                    }
                }
            }
        }
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
