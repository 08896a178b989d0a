package org.fieldscore.runner.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fieldscore.runner.input.SourcePosition;

/**
 * The sweep of a study block: the cartesian product of its axes, at most {@link #MAX_CASES} combinations. The study
 * runner expands it over a base case ({@code StudyCase.all}).
 */
public final class Sweep {

    /** Most cases one sweep may produce. */
    public static final int MAX_CASES = 10_000;

    private final List<SweepAxis> axes;
    private final Map<String, SourcePosition> origins;

    /**
     * @param axes the axes, distinct parameters
     */
    public Sweep(List<SweepAxis> axes) {
        this(axes, Map.of());
    }

    /**
     * @param axes the axes, distinct parameters
     * @param origins where each axis is declared in the file, by parameter, for messages
     */
    public Sweep(List<SweepAxis> axes, Map<String, SourcePosition> origins) {
        if (axes.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one parameter");
        }
        long count = 1;
        List<String> seen = new ArrayList<>();
        for (SweepAxis a : axes) {
            if (seen.contains(a.parameter())) {
                throw new IllegalArgumentException("parameter '" + a.parameter() + "' is swept twice");
            }
            seen.add(a.parameter());
            count *= a.values().size();
            if (count > MAX_CASES) {
                throw new IllegalArgumentException("the sweep has more than " + MAX_CASES + " cases; sweep fewer values");
            }
        }
        this.axes = List.copyOf(axes);
        this.origins = Map.copyOf(origins);
    }

    /**
     * @param parameter a swept parameter
     * @return where its values are declared in the file, or null when not known
     */
    public SourcePosition origin(String parameter) {
        return origins.get(parameter);
    }

    /** @return the axes */
    public List<SweepAxis> axes() {
        return axes;
    }
}
