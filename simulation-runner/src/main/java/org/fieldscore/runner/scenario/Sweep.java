package org.fieldscore.runner.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sweep of a study block: the cartesian product of its axes, at most {@link #MAX_CASES} combinations. The study
 * runner expands it over a base case ({@code StudyCase.all}).
 */
public final class Sweep {

    /** Most cases one sweep may produce. */
    public static final int MAX_CASES = 10_000;

    private final List<SweepAxis> axes;
    private final Map<String, String> origins;

    /**
     * @param axes the axes, distinct parameters
     */
    public Sweep(List<SweepAxis> axes) {
        this(axes, Map.of());
    }

    /**
     * @param axes the axes, distinct parameters
     * @param origins where each axis is declared, by parameter (e.g. "the study's sweep at line 12"), for messages
     */
    public Sweep(List<SweepAxis> axes, Map<String, String> origins) {
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
     * @return where its values are declared, or "the study's sweep" when not known
     */
    public String origin(String parameter) {
        return origins.getOrDefault(parameter, "the study's sweep");
    }

    /** @return the axes */
    public List<SweepAxis> axes() {
        return axes;
    }
}
