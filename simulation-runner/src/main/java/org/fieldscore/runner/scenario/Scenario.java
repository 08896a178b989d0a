package org.fieldscore.runner.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.fieldscore.fields.grid.Grid;
import org.fieldscore.runner.expr.ExpressionLanguage;
import org.fieldscore.runner.step.Plan;
import org.fieldscore.runner.step.Step;


/**
 * A scenario that has been read and checked: every reference resolved, every expression compiled, every grid
 * sized and every step planned. Running it can still fail at run time (a solver that does not converge) but not
 * because of its declaration. Immutable.
 *
 * @param name the scenario's name (also the default output folder out/&lt;name&gt;)
 * @param description what it shows
 * @param seed the master seed (after --seed)
 * @param parameters the resolved parameters (defaults, then --set)
 * @param grids the named grids
 * @param steps the steps in order
 * @param plans each step's plan, by id
 * @param output what to write
 * @param source the case it was read from
 * @param resolved the scenario as a tree of maps and lists with resolved parameters and seed, for summary.json
 * @param study the {@code study:} block (a sweep over cases of this scenario), or null
 */
public record Scenario(String name, String description, long seed, Map<String, Double> parameters,
        Map<String, Grid> grids, List<Step> steps, Map<String, Plan> plans, OutputOptions output, ScenarioCase source,
        Map<String, Object> resolved, StudyDeclaration study) {

    /** Copies the collections. */
    public Scenario {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        grids = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(grids));
        steps = List.copyOf(steps);
        plans = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(plans));
        resolved = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(resolved));
    }

    /** @return the expression language with this scenario's parameters */
    public ExpressionLanguage language() {
        return new ExpressionLanguage(parameters);
    }

    /** @return the folder data files are read from, or null for a bundled scenario */
    public Path baseDirectory() {
        return source.baseDirectory() == null ? null : Path.of(source.baseDirectory());
    }

    /** @return the total bytes the results keep plus the largest workspace */
    public long estimatedBytes() {
        long kept = 0;
        long workspace = 0;
        for (Plan p : plans.values()) {
            kept += p.resultBytes();
            workspace = Math.max(workspace, p.workspaceBytes());
        }
        return kept + workspace;
    }

    /** @return the estimated floating-point work of all steps */
    public double estimatedWork() {
        return plans.values().stream().mapToDouble(Plan::work).sum();
    }
}
