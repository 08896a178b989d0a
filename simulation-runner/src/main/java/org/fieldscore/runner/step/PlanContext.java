package org.fieldscore.runner.step;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fieldscore.fields.grid.Grid;

/** The plans of the steps before the one being planned, with typed look-ups that explain mismatches. */
public final class PlanContext {

    private final Map<String, Plan> plans = new LinkedHashMap<>();

    /**
     * @param id a step id
     * @param plan its plan
     */
    public void add(String id, Plan plan) {
        plans.put(id, plan);
    }

    /** @return the plans so far, in step order */
    public Map<String, Plan> plans() {
        return Collections.unmodifiableMap(plans);
    }

    /**
     * @param r a reference to an earlier step
     * @return its plan
     */
    public Plan of(Reference r) {
        Plan p = plans.get(r.id());
        if (p == null) {
            throw r.problem("step '" + r.id() + "' could not be planned (see its own problem)");
        }
        return p;
    }

    /**
     * @param r a reference
     * @param what what the referring key needs, for the message
     * @return the plan of a scalar field (or of a time series, whose last snapshot is used)
     */
    public Plan scalarField(Reference r, String what) {
        Plan p = of(r);
        if (p.kind() != ResultKind.SCALAR_FIELD && p.kind() != ResultKind.TIME_SERIES) {
            throw r.problem(what + " needs a scalar field, but step '" + r.id() + "' gives " + p.kind().description());
        }
        return p;
    }

    /**
     * @param r a reference
     * @param what what the referring key needs
     * @return the plan of a vector field
     */
    public Plan vectorField(Reference r, String what) {
        Plan p = of(r);
        if (p.kind() != ResultKind.VECTOR_FIELD) {
            throw r.problem(what + " needs a vector field, but step '" + r.id() + "' gives " + p.kind().description());
        }
        return p;
    }

    /**
     * @param r a reference
     * @param what what the referring key needs
     * @return the plan of samples
     */
    public Plan samples(Reference r, String what) {
        Plan p = of(r);
        if (p.kind() != ResultKind.SAMPLES) {
            throw r.problem(what + " needs samples, but step '" + r.id() + "' gives " + p.kind().description());
        }
        return p;
    }

    /**
     * @param r a reference
     * @param what what the referring key needs
     * @return the plan of a model
     */
    public Plan model(Reference r, String what) {
        Plan p = of(r);
        if (p.kind() != ResultKind.MODEL) {
            throw r.problem(what + " needs a statistical model, but step '" + r.id() + "' gives "
                    + p.kind().description());
        }
        return p;
    }

    /**
     * @param r a reference that must name a model offering a capability
     * @param what the key, for messages
     * @param needed the capability
     * @return its plan
     */
    public Plan model(Reference r, String what, ModelCapability needed) {
        Plan p = model(r, what);
        if (!p.capabilities().contains(needed)) {
            throw r.problem(what + " needs a model with " + needed.providers() + "; '" + r.id() + "' is "
                    + p.summary());
        }
        return p;
    }

    /**
     * @param r a reference whose field must live on the given grid
     * @param plan its plan
     * @param grid the grid required
     */
    public static void requireGrid(Reference r, Plan plan, Grid grid) {
        if (!space(plan.grid()).equals(space(grid)) || plan.grid().hasTime() != grid.hasTime()) {
            throw r.problem("step '" + r.id() + "' lives on " + plan.grid() + " but this step works on " + grid
                    + "; fields combined pointwise must share one grid");
        }
    }

    private static Grid space(Grid g) {
        return g.space();
    }
}
