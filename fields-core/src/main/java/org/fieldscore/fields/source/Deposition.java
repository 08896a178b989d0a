package org.fieldscore.fields.source;

/**
 * How a point charge is spread onto grid points (Hockney &amp; Eastwood, <i>Computer Simulation Using
 * Particles</i>, 1988, ch. 5).
 */
public enum Deposition {
    /** Nearest grid point: the whole charge goes to the closest point. */
    NEAREST_GRID_POINT,
    /** Cloud in cell: the charge is shared among the 2<sup>d</sup> surrounding points with multilinear weights. */
    CLOUD_IN_CELL
}
