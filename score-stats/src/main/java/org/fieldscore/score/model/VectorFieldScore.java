package org.fieldscore.score.model;

import java.util.Objects;

import org.fieldscore.fields.VectorField;

/** A fields-core vector field used as a score; see {@link ScoreModel#of(VectorField, double, double)}. */
final class VectorFieldScore implements ScoreModel {

    private final VectorField field;
    private final double time;
    private final double step;

    VectorFieldScore(VectorField field, double time, double step) {
        this.field = Objects.requireNonNull(field, "field");
        if (field.components() != field.spaceDimension()) {
            throw new IllegalArgumentException("a score needs one component per space dimension; the field has "
                    + field.components() + " components in " + field.spaceDimension() + " dimensions");
        }
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("difference step h must be positive and finite, got " + step);
        }
        this.time = time;
        this.step = step;
    }

    @Override
    public int dimension() {
        return field.spaceDimension();
    }

    @Override
    public void score(double[] x, double[] out) {
        field.value(time, x, out);
    }

    @Override
    public double scoreDivergence(double[] x) {
        int d = dimension();
        double[] y = x.clone();
        double[] plus = new double[d];
        double[] minus = new double[d];
        double div = 0;
        for (int i = 0; i < d; i++) {
            y[i] = x[i] + step;
            field.value(time, y, plus);
            y[i] = x[i] - step;
            field.value(time, y, minus);
            y[i] = x[i];
            div += (plus[i] - minus[i]) / (2 * step);
        }
        return div;
    }
}
