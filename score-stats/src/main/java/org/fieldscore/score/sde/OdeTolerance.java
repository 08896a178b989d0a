package org.fieldscore.score.sde;

import org.fieldscore.fields.InvalidArgumentException;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;

/**
 * The tolerances of Hipparchus' adaptive Dormand–Prince 5(4) integrator (Dormand &amp; Prince, J. Comp. Appl. Math.
 * 1980) on the probability-flow ODE: each step's local error estimate is kept below
 * absolute + relative·|y| per component. Song et al. (ICLR 2021) integrate with RK45 at 1e-5.
 *
 * @param absolute the absolute tolerance &gt; 0
 * @param relative the relative tolerance &gt; 0
 */
public record OdeTolerance(double absolute, double relative) {

    /** Checks the tolerances: the one rule for ODE tolerances. */
    public OdeTolerance {
        if (!(absolute > 0) || !Double.isFinite(absolute)) {
            throw InvalidArgumentException.of("ode-tolerance", absolute, "> 0 and finite");
        }
        if (!(relative > 0) || !Double.isFinite(relative)) {
            throw InvalidArgumentException.of("ode-relative-tolerance", relative, "> 0 and finite");
        }
    }

    /**
     * @param tolerance both tolerances
     * @return absolute = relative = tolerance
     */
    public static OdeTolerance of(double tolerance) {
        return new OdeTolerance(tolerance, tolerance);
    }

    /**
     * @param span the length of the integration interval (the largest step)
     * @return a new integrator (integrators are not thread-safe: one per chain)
     */
    public DormandPrince54Integrator integrator(double span) {
        return new DormandPrince54Integrator(0, span, absolute, relative);
    }
}
