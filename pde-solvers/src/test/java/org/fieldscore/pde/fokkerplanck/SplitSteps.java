package org.fieldscore.pde.fokkerplanck;

/**
 * Single steps of the operator-split steppers on a fixed problem, for the benchmarks (the library runs whole time
 * spans only): the operator is assembled and the lines are factored once, as in a run, and each {@link #step} is
 * one split implicit Euler or one Douglas step.
 */
public final class SplitSteps {

    private final SplitStepper stepper;
    private final boolean douglas;
    private final double dt;
    private double[] p;
    private double[] next;

    /**
     * @param problem the problem (its drift must not depend on time)
     * @param method {@link FokkerPlanckMethod#SPLIT_IMPLICIT_EULER} or {@link FokkerPlanckMethod#DOUGLAS_ADI}
     * @param dt the step
     */
    public SplitSteps(FokkerPlanckProblem problem, FokkerPlanckMethod method, double dt) {
        if (method != FokkerPlanckMethod.SPLIT_IMPLICIT_EULER && method != FokkerPlanckMethod.DOUGLAS_ADI) {
            throw new IllegalArgumentException("not a split method: " + method.key());
        }
        this.stepper = new SplitStepper(FokkerPlanckOperator.of(problem, 0));
        this.douglas = method == FokkerPlanckMethod.DOUGLAS_ADI;
        this.dt = dt;
        this.p = problem.initial().sample(problem.grid()).copyValues();
        this.next = new double[p.length];
        step();
    }

    /** @return the density after one more step */
    public double[] step() {
        if (douglas) {
            stepper.douglas(0, dt, p, next);
        } else {
            stepper.implicitEuler(0, dt, p, next);
        }
        double[] swap = p;
        p = next;
        next = swap;
        return p;
    }
}
