package org.fieldscore.pde;

import org.fieldscore.fields.InvalidArgumentException;
import org.fieldscore.fields.grid.Grid;

/**
 * What a grid must be for FieldScore's finite-difference equations (Poisson, diffusion, wave): a space grid of 1 to
 * 3 dimensions with at least {@value #MIN_POINTS_PER_AXIS} points per axis, the fewest on which the second-order
 * Laplacian has an interior point with both neighbours. A pure function of the grid, checked by the problems'
 * builders and by callers that validate before building.
 */
public final class GridRequirements {

    /** The fewest points per axis. */
    public static final int MIN_POINTS_PER_AXIS = 3;

    private GridRequirements() {
    }

    /**
     * @param grid a grid
     * @param equation the equation's name for the message, e.g. "the diffusion equation"
     * @throws InvalidArgumentException (argument {@code grid}) when the grid has a time axis, or more than three
     *     dimensions, or an axis with fewer than {@value #MIN_POINTS_PER_AXIS} points
     */
    public static void requireSolvable(Grid grid, String equation) {
        if (grid.hasTime()) {
            throw new InvalidArgumentException("grid", grid, "a space grid", equation
                    + " needs a space grid; the time span is given separately, got " + grid);
        }
        if (grid.spaceDimension() > 3) {
            throw new InvalidArgumentException("grid", grid, "1 to 3 space dimensions", equation
                    + " is solved in 1 to 3 space dimensions, got " + grid.spaceDimension());
        }
        for (int a = 0; a < grid.spaceDimension(); a++) {
            if (grid.size(a) < MIN_POINTS_PER_AXIS) {
                throw new InvalidArgumentException("grid", grid, "at least " + MIN_POINTS_PER_AXIS
                        + " points per axis", equation + " needs at least " + MIN_POINTS_PER_AXIS
                        + " points per axis; axis " + Grid.axisName(a) + " has " + grid.size(a));
            }
        }
    }
}
