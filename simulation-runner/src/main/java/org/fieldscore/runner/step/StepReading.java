package org.fieldscore.runner.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fieldscore.fields.grid.Grid;
import org.fieldscore.runner.expr.Formula;
import org.fieldscore.runner.input.GridSpec;
import org.fieldscore.runner.input.ScenarioNode;
import org.fieldscore.runner.text.Suggestions;

/** Helpers for reading step declarations: grids by name or inline, references to earlier steps, coordinates. */
public final class StepReading {

    private static final List<String> AXES = List.of("x", "y", "z");

    private final Map<String, Grid> grids;
    private final java.nio.file.Path baseDirectory;

    /**
     * @param grids the scenario's named grids (a name mapped to null is a grid that could not be read)
     * @param baseDirectory the scenario file's folder (data files are confined to it), or null for a bundled
     *     scenario
     */
    public StepReading(Map<String, Grid> grids, java.nio.file.Path baseDirectory) {
        this.grids = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(grids));
        this.baseDirectory = baseDirectory;
    }

    /** @return the scenario file's folder, or null for a bundled scenario */
    public java.nio.file.Path baseDirectory() {
        return baseDirectory;
    }

    /**
     * @param node the name of a grid declared under {@code grids:}, or an inline grid mapping
     * @return the grid
     */
    public Grid grid(ScenarioNode node) {
        if (node.isMap()) {
            return GridSpec.read(node);
        }
        String name = node.string();
        Grid g = grids.get(name);
        if (g == null && grids.containsKey(name)) {
            throw org.fieldscore.runner.input.ProblemException.followUp();
        }
        if (g == null) {
            throw node.problem("no grid named '" + name + "' is declared under 'grids:'."
                    + Suggestions.didYouMean(name, grids.keySet())
                    + (grids.isEmpty() ? " Declare it there, or write the grid inline as a mapping."
                            : " Declared grids: " + String.join(", ", grids.keySet()) + "."));
        }
        return g;
    }

    /**
     * @param node the id of an earlier step
     * @return the reference
     */
    public Reference reference(ScenarioNode node) {
        return new Reference(node.identifier(), node.position(), node.path());
    }

    /**
     * @param node a list of step ids
     * @return the references
     */
    public List<Reference> references(ScenarioNode node) {
        List<Reference> out = new ArrayList<>();
        for (ScenarioNode item : node.list()) {
            out.add(reference(item));
        }
        return out;
    }

    /**
     * @param dimension space dimension
     * @return the names t, x, … of the coordinates on a grid of that dimension, time first
     */
    public static List<String> coordinates(int dimension) {
        List<String> names = new ArrayList<>();
        names.add("t");
        names.addAll(AXES.subList(0, dimension));
        return names;
    }

    /**
     * @param node an expression over t and the coordinates
     * @param dimension the space dimension
     * @return the compiled formula, variables t, x, y, z (as many as the dimension)
     */
    public Formula coordinateFormula(ScenarioNode node, int dimension) {
        return node.formula(coordinates(dimension));
    }
}
