package org.fieldscore.runner.output.plot;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.runner.output.slice.FieldSlices;

/**
 * The default picture of a field whatever its dimension: 1-D fields as line plots, 2-D fields as maps, 3-D fields
 * as maps of their mid-plane normal to z (named in the subtitle). A field on a space-time grid is shown at its last
 * time sample, and the subtitle says which time that is; the arrows of a space-time gradient are its space
 * components, the ones along the plotted axes. Axes carry the grid's axis names.
 */
public final class FieldPlots {

    /** Arrows per axis of the default vector picture. */
    static final int ARROWS_PER_AXIS = 20;

    private FieldPlots() {
    }

    /**
     * @param title chart title
     * @param field a scalar field on a 1-, 2- or 3-D space or space-time grid
     * @param valueLabel quantity and unit of the values
     * @return a line plot (1-D) or a heatmap with colour bar (2-D, and the z mid-plane of 3-D) whose scale follows
     *     the values ({@link MapPlot#heatmap(SampledScalarField, String)})
     */
    public static Figure scalar(String title, SampledScalarField field, String valueLabel) {
        return picture(title, field, valueLabel, false, null);
    }

    /**
     * Like {@link #scalar(String, SampledScalarField, String)}, the values judged against the scale of the operand
     * they were computed from: values that are rounding of it are drawn as zero with a note (see
     * {@link OperandScale}).
     *
     * @param title chart title
     * @param field a scalar field on a 1-, 2- or 3-D space or space-time grid
     * @param valueLabel quantity and unit of the values
     * @param signed whether the blue–white–red scale centred on zero is used (see {@link #signed})
     * @param operand the operand's scale, or null
     * @return the picture
     */
    public static Figure scalar(String title, SampledScalarField field, String valueLabel, boolean signed,
            OperandScale operand) {
        return picture(title, field, valueLabel, signed, operand);
    }

    /**
     * Like {@link #scalar} but always with the blue–white–red scale centred on zero, for signed quantities such as
     * a divergence (sources red, sinks blue), a vorticity, a residual or an error. 1-D fields are drawn as lines.
     *
     * @param title chart title
     * @param field a scalar field on a 1-, 2- or 3-D space or space-time grid
     * @param valueLabel quantity and unit of the values
     * @return the picture
     */
    public static Figure signed(String title, SampledScalarField field, String valueLabel) {
        return picture(title, field, valueLabel, true, null);
    }

    private static Figure picture(String title, SampledScalarField field, String valueLabel, boolean signed,
            OperandScale operand) {
        String time = null;
        SampledScalarField space = field;
        if (field.grid().hasTime()) {
            int last = field.grid().timeAxis().count() - 1;
            time = FieldSlices.timeDescription(field.grid(), last);
            space = FieldSlices.atTimeIndex(field, last);
        }
        Grid grid = space.grid();
        if (grid.spaceDimension() == 1) {
            ValueRange range = ValueRange.of(space);
            boolean zero = range.isZero(operand);
            return LinePlot.titled(title)
                    .subtitle(zero ? join(time, operand.zeroNote(valueLabel, range.maxAbs(), "drawn as 0")) : time)
                    .axes(Grid.axisName(0), valueLabel).field(valueLabel, zero ? space.times(0.0) : space).figure();
        }
        String subtitle = time;
        SampledScalarField shown = space;
        if (grid.spaceDimension() == 3) {
            FieldSlices.Slice plane = FieldSlices.midPlane(space, 2);
            subtitle = join(time, plane.description());
            shown = plane.field();
        }
        MapPlot map = MapPlot.titled(title).subtitle(subtitle).axes(Grid.axisName(0), Grid.axisName(1))
                .operandScale(operand);
        if (signed) {
            map.heatmap(shown, valueLabel, ColourScale.diverging(ValueRange.of(shown).maxAbs()));
        } else {
            map.heatmap(shown, valueLabel);
        }
        return map.figure();
    }

    /**
     * @param title chart title
     * @param field a vector field on a 1-, 2- or 3-D space or space-time grid
     * @param valueLabel quantity and unit of the vectors
     * @return one line per component (1-D), or the Euclidean norm as a heatmap with arrows of the components along
     *     the plotted x and y axes (2-D, and the z mid-plane of 3-D; for a space-time gradient its space components
     *     at the last time)
     */
    public static Figure vector(String title, SampledVectorField field, String valueLabel) {
        return vector(title, field, valueLabel, null);
    }

    /**
     * Like {@link #vector(String, SampledVectorField, String)}, the norm and the arrows judged against the scale of
     * the operand the field was computed from: a field that is rounding of it is drawn as zero without arrows, with
     * a note (see {@link OperandScale}).
     *
     * @param title chart title
     * @param field a vector field on a 1-, 2- or 3-D space or space-time grid
     * @param valueLabel quantity and unit of the vectors
     * @param operand the operand's scale, or null
     * @return the picture
     */
    public static Figure vector(String title, SampledVectorField field, String valueLabel, OperandScale operand) {
        String time = null;
        SampledVectorField space = FieldSlices.spaceComponents(field);
        if (field.grid().hasTime()) {
            int last = field.grid().timeAxis().count() - 1;
            time = FieldSlices.timeDescription(field.grid(), last);
            space = FieldSlices.atTimeIndex(space, last);
        }
        Grid grid = space.grid();
        boolean dropped = space.components() != field.components();
        String label = dropped ? valueLabel + " (space part)" : valueLabel;
        if (grid.spaceDimension() == 1) {
            LinePlot plot = LinePlot.titled(title).subtitle(time).axes(Grid.axisName(0), label);
            ValueRange norm = ValueRange.of(space.norm());
            boolean zero = norm.isZero(operand);
            if (zero) {
                plot.subtitle(join(time, operand.zeroNote("|" + label + "|", norm.maxAbs(), "drawn as 0")));
            }
            for (int c = 0; c < space.components(); c++) {
                plot.field(label + " component " + c, zero ? space.component(c).times(0.0) : space.component(c));
            }
            return plot.figure();
        }
        if (space.components() < 2) {
            return scalar(title, space.component(0), label, false, operand);
        }
        MapPlot map = MapPlot.titled(title).axes(Grid.axisName(0), Grid.axisName(1)).operandScale(operand);
        if (grid.spaceDimension() == 2) {
            SampledVectorField inPlane = space.components() == 2 ? space
                    : SampledVectorField.of(space.component(0), space.component(1));
            String what = space.components() == 2 ? "|" + label + "|" : "|" + label + "| in plane";
            return map.subtitle(time).heatmap(inPlane.norm(), what).arrows(inPlane, ARROWS_PER_AXIS).figure();
        }
        FieldSlices.Slice x = FieldSlices.midPlane(space.component(0), 2);
        FieldSlices.Slice y = FieldSlices.midPlane(space.component(1), 2);
        SampledVectorField inPlane = SampledVectorField.of(x.field(), y.field());
        return map.subtitle(join(time, x.description() + ", in-plane components"))
                .heatmap(inPlane.norm(), "|" + label + "| in plane").arrows(inPlane, ARROWS_PER_AXIS).figure();
    }

    private static String join(String a, String b) {
        return a == null ? b : a + ", " + b;
    }
}
