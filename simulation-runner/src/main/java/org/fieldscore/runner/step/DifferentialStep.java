package org.fieldscore.runner.step;

import java.util.List;
import java.util.Locale;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.bc.BoundaryConditions;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.fields.ops.FiniteDifferences;
import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.output.plot.OperandScale;

/**
 * {@code type: gradient | divergence | laplacian | curl} — a finite-difference operator of order 2 or 4 applied
 * to an earlier field, with optional boundary conditions closing the stencils at the faces.
 *
 * <ul>
 *   <li>gradient: scalar → vector ∇φ; with {@code space-time: true} the essay's 4-gradient ∂φ/∂X<sup>μ</sup> =
 *       (∂φ/∂t, ∇φ) of a field on a space-time grid;</li>
 *   <li>divergence: vector with one component per dimension → scalar ∇·v;</li>
 *   <li>laplacian: scalar → scalar ∇²φ;</li>
 *   <li>curl: 3-D vector → vector ∇×v, 2-D vector → scalar ∂v<sub>y</sub>/∂x − ∂v<sub>x</sub>/∂y.</li>
 * </ul>
 *
 * @param header id, type, position
 * @param operator the operator
 * @param of the field operated on
 * @param order accuracy order, 2 or 4
 * @param spaceTime for the gradient: include ∂/∂t as component 0
 * @param boundary the boundary node (read against the field's grid while planning), or null
 * @param scale a factor applied to the result, e.g. −1 for E = −∇φ
 */
public record DifferentialStep(StepHeader header, Operator operator, Reference of, int order, boolean spaceTime,
        org.fieldscore.runner.input.ScenarioNode boundary, double scale) implements Step {

    /** Keys besides id and type. */
    public static final List<String> KEYS = List.of("of", "order", "boundary", "space-time", "scale");

    /** The differential operators. */
    public enum Operator {
        /** ∇φ. */
        GRADIENT,
        /** ∇·v. */
        DIVERGENCE,
        /** ∇²φ. */
        LAPLACIAN,
        /** ∇×v. */
        CURL;

        /** @return the step type name */
        public String typeName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static Step read(StepHeader header, MapNode body, StepReading reading) {
        Operator op = Operator.valueOf(header.type().toUpperCase(Locale.ROOT));
        Reference of = reading.reference(body.require("of", "the id of an earlier field step"));
        int order = body.get("order") == null ? 2 : Integer.parseInt(body.get("order").choice(List.of("2", "4")));
        boolean spaceTime = body.bool("space-time", false);
        if (spaceTime && op != Operator.GRADIENT) {
            throw body.get("space-time").problem("'space-time' applies only to the gradient");
        }
        org.fieldscore.runner.input.ScenarioNode scaleNode = body.get("scale");
        double scale = scaleNode == null ? 1.0 : scaleNode.number();
        if (scale == 0) {
            throw scaleNode.problem("the scale must be non-zero");
        }
        return new DifferentialStep(header, op, of, order, spaceTime, body.get("boundary"), scale);
    }

    @Override
    public List<Reference> references() {
        return List.of(of);
    }

    @Override
    public Plan plan(PlanContext context) {
        String what = "'" + operator.typeName() + ".of'";
        Plan input = switch (operator) {
            case GRADIENT, LAPLACIAN -> context.scalarField(of, what);
            case DIVERGENCE, CURL -> context.vectorField(of, what);
        };
        Grid grid = input.grid();
        int d = grid.spaceDimension();
        if (boundary != null) {
            BoundaryReading.read(boundary, grid);
        }
        String summary = (scale == 1 ? "" : scale + " x ") + operator.typeName() + " of '" + of.id() + "' (order "
                + order + ")";
        double work = 5.0 * order;
        return switch (operator) {
            case GRADIENT -> {
                if (spaceTime && !grid.hasTime()) {
                    throw header.problem("space-time", "the 4-gradient needs '" + of.id()
                            + "' on a grid with a time axis; add 'time: {start, step, count}' to its grid");
                }
                int components = spaceTime ? d + 1 : d;
                yield Plan.vectorField(grid, components, work * components,
                        (spaceTime ? "space-time " : "") + summary);
            }
            case LAPLACIAN -> Plan.scalarField(grid, work * d, summary);
            case DIVERGENCE -> {
                if (input.components() != d) {
                    throw of.problem("the divergence needs one component per space dimension (" + d + "), but '"
                            + of.id() + "' has " + input.components());
                }
                yield Plan.scalarField(grid, work * d, summary);
            }
            case CURL -> {
                if (d == 3 && input.components() == 3) {
                    yield Plan.vectorField(grid, 3, work * 6, summary);
                }
                if (d == 2 && input.components() == 2) {
                    yield Plan.scalarField(grid, work * 2, summary + " (scalar curl in 2-D)");
                }
                throw of.problem("the curl needs a 3-component field in 3-D or a 2-component field in 2-D, but '"
                        + of.id() + "' has " + input.components() + " components in " + d + "-D");
            }
        };
    }

    @Override
    public StepResult run(RunContext context) throws StepFailedException {
        Grid grid = operator == Operator.GRADIENT || operator == Operator.LAPLACIAN ? context.scalar(of).grid()
                : context.vector(of).grid();
        BoundaryConditions bcs = boundary == null ? BoundaryConditions.none() : BoundaryReading.read(boundary, grid);
        FiniteDifferences fd = FiniteDifferences.order(order).withBoundaries(bcs);
        return switch (operator) {
            case GRADIENT -> {
                SampledScalarField f = context.scalar(of);
                SampledVectorField g = spaceTime ? fd.spaceTimeGradient(f) : fd.gradient(f);
                yield vector(g, operandScale(f.maxNorm(), grid, 1));
            }
            case LAPLACIAN -> {
                SampledScalarField f = context.scalar(of);
                yield scalar(fd.laplacian(f), operandScale(f.maxNorm(), grid, 2));
            }
            case DIVERGENCE -> {
                SampledVectorField v = context.vector(of);
                yield scalar(fd.divergence(v), operandScale(maxComponent(v), grid, 1));
            }
            case CURL -> {
                SampledVectorField v = context.vector(of);
                OperandScale operand = operandScale(maxComponent(v), grid, 1);
                yield v.components() == 3 ? vector(fd.curl(v), operand) : scalar(fd.curl2D(v), operand);
            }
        };
    }

    /**
     * @return max|v|·|scale| / h<sup>k</sup> over the smallest spacing h the stencils use (the time step too, for a
     *     4-gradient): the size at which the result's values are rounding of the operand's
     */
    private OperandScale operandScale(double maxAbs, Grid grid, int derivativeOrder) {
        double h = Double.POSITIVE_INFINITY;
        for (int a = 0; a < grid.spaceDimension(); a++) {
            h = Math.min(h, grid.spacing(a));
        }
        if (spaceTime) {
            h = Math.min(h, grid.timeAxis().step());
        }
        return OperandScale.ofDerivative(of.id(), maxAbs * Math.abs(scale), h, derivativeOrder);
    }

    private static double maxComponent(SampledVectorField v) {
        double m = 0;
        for (int c = 0; c < v.components(); c++) {
            m = Math.max(m, v.component(c).maxNorm());
        }
        return m;
    }

    private StepResult scalar(SampledScalarField computed, OperandScale operand) {
        SampledScalarField f = scale == 1 ? computed : computed.times(scale);
        return new StepResult(id(), type(), new StepValue.Scalar(f, "", operand), FieldMetrics.of(f), null, 0);
    }

    private StepResult vector(SampledVectorField computed, OperandScale operand) {
        SampledVectorField v = scale == 1 ? computed : scaled(computed);
        return new StepResult(id(), type(), new StepValue.Vector(v, "", operand), FieldMetrics.of(v), null, 0);
    }

    private SampledVectorField scaled(SampledVectorField v) {
        SampledScalarField[] parts = new SampledScalarField[v.components()];
        for (int c = 0; c < parts.length; c++) {
            parts[c] = v.component(c).times(scale);
        }
        return SampledVectorField.of(parts);
    }
}
