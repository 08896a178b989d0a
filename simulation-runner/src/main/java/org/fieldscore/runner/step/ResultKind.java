package org.fieldscore.runner.step;

/** What a step produces, checked before running so that steps are combined only in ways that make sense. */
public enum ResultKind {
    /** A scalar field on a grid. */
    SCALAR_FIELD("a scalar field"),
    /** A vector field on a grid. */
    VECTOR_FIELD("a vector field"),
    /** A scalar field at several times (snapshots of a time-dependent problem); its last snapshot is a field. */
    TIME_SERIES("a time series of scalar fields"),
    /** Points in ℝ<sup>d</sup>: data or samples. */
    SAMPLES("a set of samples"),
    /** A statistical model: a density known up to its normaliser, and its score. */
    MODEL("a statistical model"),
    /** Named numbers only. */
    VALUES("named values"),
    /** A pass/fail comparison. */
    COMPARISON("a comparison");

    private final String description;

    ResultKind(String description) {
        this.description = description;
    }

    /** @return e.g. "a scalar field" */
    public String description() {
        return description;
    }
}
