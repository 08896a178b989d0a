package org.fieldscore.runner.output.report;

import java.util.List;
import java.util.Objects;

/**
 * The essay's closing table, filled with one run's objects and numbers: four rows (scalar field; gradients of the
 * scalar field; a function of the field and its gradients; finding stationary points) and two columns (Fields,
 * Score). Cell texts are plain text; the report escapes them.
 *
 * @param scalarField φ on its grid | the density p(x; θ)
 * @param gradients ∂φ/∂x<sup>μ</sup> | the score S(x; θ) = ∇<sub>x</sub> log p
 * @param function the Lagrangian density and action | the score-matching loss J(θ)
 * @param stationaryPoints the Euler–Lagrange equation solved (∇²φ = gρ) | θ̂ = argmin J(θ)
 */
public record SideBySideTable(Row scalarField, Row gradients, Row function, Row stationaryPoints) {

    /** Row labels as in the essay, top to bottom. */
    public static final List<String> ROW_LABELS = List.of("Scalar field", "Gradients of scalar field",
            "Scalar field & gradients function", "Find stationary points");

    /** Column labels as in the essay, left to right. */
    public static final List<String> COLUMN_LABELS = List.of("Fields", "Score");

    /**
     * One row: what the run's field half and score half hold for it.
     *
     * @param fields text of the Fields cell
     * @param score text of the Score cell
     */
    public record Row(String fields, String score) {
        /** Checks for nulls. */
        public Row {
            Objects.requireNonNull(fields, "fields");
            Objects.requireNonNull(score, "score");
        }
    }

    /** Checks that all four rows are given. */
    public SideBySideTable {
        Objects.requireNonNull(scalarField, "scalarField row");
        Objects.requireNonNull(gradients, "gradients row");
        Objects.requireNonNull(function, "function row");
        Objects.requireNonNull(stationaryPoints, "stationaryPoints row");
    }

    /** @return the rows in the order of {@link #ROW_LABELS} */
    public List<Row> rows() {
        return List.of(scalarField, gradients, function, stationaryPoints);
    }
}
