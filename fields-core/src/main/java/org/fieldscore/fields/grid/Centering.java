package org.fieldscore.fields.grid;

/**
 * Where the points of one grid axis sit inside its interval [lower, upper].
 *
 * <ul>
 *   <li>{@link #VERTEX}: n points x<sub>i</sub> = lower + i·h, h = (upper − lower)/(n − 1); both ends are points.
 *       This is the natural choice for Dirichlet problems, whose boundary values sit on the end points.</li>
 *   <li>{@link #CELL}: n cell centres x<sub>i</sub> = lower + (i + ½)·h, h = (upper − lower)/n; the ends are cell
 *       faces. This is the choice for periodic axes (period = upper − lower = n·h) and for finite-volume style
 *       conservation.</li>
 * </ul>
 */
public enum Centering {
    /** Points on the interval ends and evenly in between. */
    VERTEX,
    /** Points at the centres of n equal cells. */
    CELL
}
