package org.fieldscore.runner.step;

import java.util.List;

import org.fieldscore.fields.bc.BoundaryCondition;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.bc.BoundaryValue;
import org.fieldscore.fields.bc.Face;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.input.ScenarioNode;

/**
 * Reads boundary conditions per face:
 *
 * <pre>
 * boundary:
 *   all: dirichlet                 # u = 0 on every face (also: neumann, periodic)
 *   x-: {type: dirichlet, value: "sin(pi*y)"}
 *   y: periodic                    # both faces of an axis
 *   z+: {type: robin, alpha: 1, beta: 0.5, value: 0}
 * </pre>
 *
 * Faces are applied in the order written, so a face after {@code all} overrides it. Values are numbers or
 * formulas over t, x, y, z.
 */
final class BoundaryReading {

    static final List<String> FACES = List.of("all", "x", "y", "z", "x-", "x+", "y-", "y+", "z-", "z+");
    static final List<String> KINDS = List.of("dirichlet", "neumann", "robin", "periodic");
    private static final List<String> KEYS = List.of("type", "value", "alpha", "beta");

    private BoundaryReading() {
    }

    /**
     * @param node the boundary mapping
     * @param grid the grid the conditions apply to
     * @return the conditions
     */
    static BoundaryConditions read(ScenarioNode node, Grid grid) {
        MapNode m = node.map().allow(FACES);
        BoundaryConditions bcs = BoundaryConditions.none();
        int d = grid.spaceDimension();
        for (String key : m.keys()) {
            ScenarioNode value = m.get(key);
            if (value == null || !FACES.contains(key)) {
                continue;
            }
            BoundaryCondition bc = condition(value, d);
            if (key.equals("all")) {
                for (int a = 0; a < d; a++) {
                    bcs = bcs.withAxis(a, bc);
                }
                continue;
            }
            int axis = "xyz".indexOf(key.charAt(0));
            if (axis >= d) {
                throw value.problem("face '" + key + "' does not exist on a " + d + "-dimensional grid; valid faces: "
                        + String.join(", ", FACES.subList(0, 1 + d)) + " and their - / + sides");
            }
            bcs = key.length() == 1 ? bcs.withAxis(axis, bc) : bcs.with(Face.parse(key), bc);
        }
        try {
            bcs.validate(grid);
        } catch (IllegalArgumentException e) {
            throw node.problem(e.getMessage());
        }
        return bcs;
    }

    private static BoundaryCondition condition(ScenarioNode node, int d) {
        if (!node.isMap()) {
            String kind = node.choice(KINDS);
            return switch (kind) {
                case "dirichlet" -> BoundaryCondition.dirichlet(0.0);
                case "neumann" -> BoundaryCondition.neumann(0.0);
                case "periodic" -> BoundaryCondition.periodic();
                default -> throw node.problem("a robin condition needs alpha, beta and value: write"
                        + " {type: robin, alpha: 1, beta: 1, value: 0}");
            };
        }
        MapNode m = node.map().allow(KEYS);
        String kind = m.require("type", "one of " + String.join(", ", KINDS)).choice(KINDS);
        BoundaryValue g = value(m.get("value"), d);
        return switch (kind) {
            case "dirichlet" -> BoundaryCondition.dirichlet(g);
            case "neumann" -> BoundaryCondition.neumann(g);
            case "periodic" -> BoundaryCondition.periodic();
            default -> {
                double alpha = m.require("alpha", "the weight of u").number();
                ScenarioNode betaNode = m.require("beta", "the weight of du/dn, non-zero");
                double beta = betaNode.number();
                if (beta == 0) {
                    throw betaNode.problem("beta must be non-zero (beta = 0 is a Dirichlet condition: use"
                            + " type: dirichlet)");
                }
                yield BoundaryCondition.robin(alpha, beta, g);
            }
        };
    }

    private static BoundaryValue value(ScenarioNode node, int d) {
        if (node == null) {
            return BoundaryValue.ZERO;
        }
        if (node.isNumberLiteral()) {
            return BoundaryValue.constant(node.number());
        }
        return CoordinateFunctions.boundary(node.formula(StepReading.coordinates(d)));
    }
}
