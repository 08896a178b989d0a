package org.fieldscore.runner.output.plot;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.fields.SampledVectorField;
import org.fieldscore.fields.grid.Grid;
import org.fieldscore.runner.output.slice.FieldSlices;

/**
 * The default picture of a field whatever its dimension: 1-D fields as line plots, 2-D fields as maps, 3-D fields
 * as maps of their mid-plane normal to z (named in the subtitle). Space-time fields must be cut at a time first
 * ({@link FieldSlices#atTimeIndex}).
 */
public final class FieldPlots {

    /** Arrows per axis of the default vector picture. */
    static final int ARROWS_PER_AXIS = 20;

    private FieldPlots() {
    }

    /**
     * @param title chart title
     * @param field a scalar field on a 1-, 2- or 3-D space grid
     * @param valueLabel quantity and unit of the values
     * @return a line plot (1-D) or a heatmap with colour bar (2-D, and the z mid-plane of 3-D)
     */
    public static Figure scalar(String title, SampledScalarField field, String valueLabel) {
        Grid grid = requireSpace(field.grid());
        switch (grid.spaceDimension()) {
            case 1:
                return LinePlot.titled(title).axes("x", valueLabel).field(valueLabel, field).figure();
            case 2:
                return MapPlot.titled(title).heatmap(field, valueLabel).figure();
            default:
                FieldSlices.Slice plane = FieldSlices.midPlane(field, 2);
                return MapPlot.titled(title).subtitle(plane.description()).heatmap(plane.field(), valueLabel)
                        .figure();
        }
    }

    /**
     * Like {@link #scalar} but with the blue–white–red scale centred on zero, for signed quantities such as a
     * divergence (sources red, sinks blue), a residual or an error. 1-D fields are drawn as lines.
     *
     * @param title chart title
     * @param field a scalar field on a 1-, 2- or 3-D space grid
     * @param valueLabel quantity and unit of the values
     * @return the picture
     */
    public static Figure signed(String title, SampledScalarField field, String valueLabel) {
        Grid grid = requireSpace(field.grid());
        if (grid.spaceDimension() == 1) {
            return scalar(title, field, valueLabel);
        }
        String subtitle = null;
        SampledScalarField shown = field;
        if (grid.spaceDimension() == 3) {
            FieldSlices.Slice plane = FieldSlices.midPlane(field, 2);
            subtitle = plane.description();
            shown = plane.field();
        }
        return MapPlot.titled(title).subtitle(subtitle)
                .heatmap(shown, valueLabel, ColourScale.diverging(shown.maxNorm())).figure();
    }

    /**
     * @param title chart title
     * @param field a vector field on a 1-, 2- or 3-D space grid
     * @param valueLabel quantity and unit of the vectors
     * @return one line per component (1-D), or the Euclidean norm as a heatmap with arrows of components 0 and 1 as
     *     the in-plane x and y components (2-D, and the z mid-plane of 3-D); for a space-time gradient (time first)
     *     pass its space part
     */
    public static Figure vector(String title, SampledVectorField field, String valueLabel) {
        Grid grid = requireSpace(field.grid());
        if (grid.spaceDimension() == 1) {
            LinePlot plot = LinePlot.titled(title).axes("x", valueLabel);
            for (int c = 0; c < field.components(); c++) {
                plot.field(valueLabel + " component " + c, field.component(c));
            }
            return plot.figure();
        }
        if (field.components() < 2) {
            return scalar(title, field.component(0), valueLabel);
        }
        if (grid.spaceDimension() == 2) {
            return MapPlot.titled(title).heatmap(field.norm(), "|" + valueLabel + "|")
                    .arrows(field, ARROWS_PER_AXIS).figure();
        }
        FieldSlices.Slice x = FieldSlices.midPlane(field.component(0), 2);
        FieldSlices.Slice y = FieldSlices.midPlane(field.component(1), 2);
        SampledVectorField inPlane = SampledVectorField.of(x.field(), y.field());
        return MapPlot.titled(title).subtitle(x.description() + ", in-plane components")
                .heatmap(inPlane.norm(), "|" + valueLabel + "| in plane").arrows(inPlane, ARROWS_PER_AXIS).figure();
    }

    private static Grid requireSpace(Grid grid) {
        if (grid.hasTime()) {
            throw new IllegalArgumentException("cannot draw the space-time field on " + grid
                    + " in one picture; cut it at a time with FieldSlices.atTimeIndex");
        }
        return grid;
    }
}
