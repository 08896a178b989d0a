package org.fieldscore.runner.step;

import java.util.List;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.runner.output.plot.OperandScale;

/** The object a step computed: a field, a time series, samples, or nothing beyond its metrics. */
public sealed interface StepValue {

    /**
     * A scalar field.
     *
     * @param field the values on the grid
     * @param units a unit label for plots and reports (may be empty)
     * @param operand the scale of the operand a derivative was computed from, by which pictures tell rounding from
     *     values; null for a field that is no derivative
     */
    record Scalar(SampledScalarField field, String units, OperandScale operand) implements StepValue {
        /**
         * A field that is no derivative.
         *
         * @param field the values on the grid
         * @param units a unit label (may be empty)
         */
        public Scalar(SampledScalarField field, String units) {
            this(field, units, null);
        }
    }

    /**
     * A vector field.
     *
     * @param field the components on the grid
     * @param units a unit label (may be empty)
     * @param operand the scale of the operand a derivative was computed from, or null (see {@link Scalar})
     */
    record Vector(SampledVectorField field, String units, OperandScale operand) implements StepValue {
        /**
         * A field that is no derivative.
         *
         * @param field the components on the grid
         * @param units a unit label (may be empty)
         */
        public Vector(SampledVectorField field, String units) {
            this(field, units, null);
        }
    }

    /**
     * Snapshots of a time-dependent scalar field.
     *
     * @param times the snapshot times, increasing
     * @param snapshots one field per time, all on one space grid
     * @param units a unit label (may be empty)
     */
    record TimeSeries(List<Double> times, List<SampledScalarField> snapshots, String units) implements StepValue {
        /** @throws IllegalArgumentException when times and snapshots differ in number or are empty */
        public TimeSeries {
            if (times.isEmpty() || times.size() != snapshots.size()) {
                throw new IllegalArgumentException("a time series needs one snapshot per time, got " + times.size()
                        + " times and " + snapshots.size() + " snapshots");
            }
            times = List.copyOf(times);
            snapshots = List.copyOf(snapshots);
        }

        /** @return the snapshot at the last time */
        public SampledScalarField last() {
            return snapshots.get(snapshots.size() - 1);
        }
    }

    /**
     * Points in ℝ<sup>d</sup>, stored row by row in one flat array.
     *
     * @param dimension d
     * @param points point i, coordinate a at index i·d + a; not copied, must not be changed
     * @param columns a name per coordinate
     * @param paths recorded chain paths, each {x₀, y₀, x₁, y₁, …} in the first two coordinates (may be empty)
     */
    record Samples(int dimension, double[] points, List<String> columns, List<double[]> paths)
            implements StepValue {
        /** @throws IllegalArgumentException when the array length is not a multiple of d */
        public Samples {
            if (dimension < 1 || points.length % dimension != 0 || columns.size() != dimension) {
                throw new IllegalArgumentException("samples of dimension " + dimension + " need a multiple of "
                        + dimension + " coordinates and one column name per coordinate");
            }
            columns = List.copyOf(columns);
            paths = List.copyOf(paths);
        }

        /**
         * Samples without recorded paths.
         *
         * @param dimension d
         * @param points point i, coordinate a at index i·d + a; not copied, must not be changed
         * @param columns a name per coordinate
         */
        public Samples(int dimension, double[] points, List<String> columns) {
            this(dimension, points, columns, List.of());
        }

        /** @return the number of points */
        public int count() {
            return points.length / dimension;
        }

        /**
         * @param i point
         * @param a coordinate
         * @return coordinate a of point i
         */
        public double get(int i, int a) {
            return points[i * dimension + a];
        }
    }

    /**
     * A statistical model: its score, and its log-density when it has one.
     *
     * @param model the model
     * @param description what it is, e.g. "MVN fitted to 'data'"
     */
    record Model(org.fieldscore.score.model.ScoreModel model, String description) implements StepValue {
    }

    /**
     * Pictures composed of earlier results, drawn when the outputs are written: the first is the step's PNG, the
     * others follow it as {@code NAME-2.png}, {@code NAME-3.png} ….
     *
     * @param draws each draws one figure with the given title
     */
    record Picture(java.util.List<java.util.function.Function<String, org.fieldscore.runner.output.plot.Figure>> draws)
            implements StepValue {

        /** @param draw draws the one figure with the given title */
        public Picture(java.util.function.Function<String, org.fieldscore.runner.output.plot.Figure> draw) {
            this(java.util.List.of(draw));
        }

        /** Copies the list. */
        public Picture {
            draws = java.util.List.copyOf(draws);
        }
    }

    /** Nothing beyond the step's metrics. */
    record None() implements StepValue {
    }
}
