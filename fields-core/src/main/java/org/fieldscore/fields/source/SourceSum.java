package org.fieldscore.fields.source;

import java.util.List;

import org.fieldscore.fields.grid.Grid;

/**
 * A sum of sources, each with its own strength: ρ = Σ s<sub>k</sub> ρ<sub>k</sub>. Immutable.
 */
public final class SourceSum implements Source {

    private final List<Source> sources;
    private final double[] strengths;

    /**
     * @param sources the parts, same space dimension
     * @param strengths one factor per part
     */
    public SourceSum(List<Source> sources, double[] strengths) {
        if (sources.isEmpty() || sources.size() != strengths.length) {
            throw new IllegalArgumentException("a source sum needs one strength per source, got " + sources.size()
                    + " sources and " + strengths.length + " strengths");
        }
        int d = sources.get(0).spaceDimension();
        for (Source s : sources) {
            if (s.spaceDimension() != d) {
                throw new IllegalArgumentException("sources in a sum must share their space dimension");
            }
        }
        this.sources = List.copyOf(sources);
        this.strengths = strengths.clone();
    }

    @Override
    public int spaceDimension() {
        return sources.get(0).spaceDimension();
    }

    @Override
    public double totalCharge() {
        double q = 0;
        for (int k = 0; k < strengths.length; k++) {
            q += strengths[k] * sources.get(k).totalCharge();
        }
        return q;
    }

    @Override
    public void depositInto(Grid grid, Deposition scheme, double[] density) {
        double[] part = new double[density.length];
        for (int k = 0; k < strengths.length; k++) {
            java.util.Arrays.fill(part, 0);
            sources.get(k).depositInto(grid, scheme, part);
            for (int p = 0; p < density.length; p++) {
                density[p] += strengths[k] * part[p];
            }
        }
    }
}
